package vn.edu.portal.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login protections.
 *
 * @param maxFailures wrong passwords in a row that lock an account
 * @param lockDuration how long the first lock lasts; each further lock doubles it
 * @param maxLockDuration the longest a lock lasts
 * @param ipFailureLimit failed logins from one address, on any accounts, that slow it
 * down
 * @param ipWindow the window those failures are counted in
 */
@ConfigurationProperties("portal.login")
record LoginProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockDuration,
		@DefaultValue("24h") Duration maxLockDuration, @DefaultValue("20") int ipFailureLimit,
		@DefaultValue("15m") Duration ipWindow) {

	Duration lockDurationFor(int lockCount) {
		Duration duration = this.lockDuration.multipliedBy(1L << Math.min(Math.max(lockCount - 1, 0), 20));
		return (duration.compareTo(this.maxLockDuration) > 0) ? this.maxLockDuration : duration;
	}

}
