package vn.edu.portal.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Login protections.
 *
 * @param maxFailures wrong passwords in a row that lock an account
 * @param lockDuration how long the first lock lasts; each further lock doubles it
 * @param maxLockDuration the longest a lock lasts
 * @param ipFailureLimit distinct accounts that one address gave a wrong password for,
 * within the window, after which the address must wait (so one user's typing does not
 * block a school behind one address)
 * @param ipWindow the window those failures are counted in
 */
@ConfigurationProperties("portal.login")
@Validated
record LoginProperties(@DefaultValue("5") @Min(1) int maxFailures, @DefaultValue("15m") @NotNull Duration lockDuration,
		@DefaultValue("24h") @NotNull Duration maxLockDuration, @DefaultValue("10") @Min(2) int ipFailureLimit,
		@DefaultValue("15m") @NotNull Duration ipWindow) {

	Duration lockDurationFor(int lockCount) {
		Duration duration = this.lockDuration.multipliedBy(1L << Math.min(Math.max(lockCount - 1, 0), 20));
		return (duration.compareTo(this.maxLockDuration) > 0) ? this.maxLockDuration : duration;
	}

}
