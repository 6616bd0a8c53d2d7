package vn.edu.portal.account;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Login protections. None of them locks an account: each slows the guesses of one client
 * and leaves the others alone.
 *
 * @param freeFailures wrong passwords one client (a known browser, otherwise an address)
 * may give for one account before it must wait
 * @param firstDelay the wait after those, doubled at each further failure
 * @param maxDelay the longest wait of one client for one account
 * @param clientMemory how long the failures of one client for one account are remembered
 * (a success forgets them at once)
 * @param accountFailureLimit wrong passwords for one account, from anywhere, within the
 * window, after which only its known browsers and addresses may try
 * @param addressFailureLimit wrong passwords from one address, for any accounts, within
 * the window, after which the address waits (high enough for a school behind one address)
 * @param window the window of the account and address limits
 * @param deviceLifetime how long a browser stays known after its last sign-in
 * @param addressLifetime how long an address stays known after its last sign-in
 */
@ConfigurationProperties("portal.login")
@Validated
record LoginProperties(@DefaultValue("5") @Min(1) int freeFailures, @DefaultValue("30s") @NotNull Duration firstDelay,
		@DefaultValue("15m") @NotNull Duration maxDelay, @DefaultValue("24h") @NotNull Duration clientMemory,
		@DefaultValue("20") @Min(1) int accountFailureLimit, @DefaultValue("300") @Min(1) int addressFailureLimit,
		@DefaultValue("1h") @NotNull Duration window, @DefaultValue("365d") @NotNull Duration deviceLifetime,
		@DefaultValue("90d") @NotNull Duration addressLifetime) {

	/** The wait after the given number of failures of one client for one account. */
	Duration delayAfter(int failures) {
		if (failures < this.freeFailures) {
			return Duration.ZERO;
		}
		Duration delay = this.firstDelay.multipliedBy(1L << Math.min(failures - this.freeFailures, 20));
		return (delay.compareTo(this.maxDelay) > 0) ? this.maxDelay : delay;
	}

	/** How long a record of a password check is needed. */
	Duration memory() {
		return (this.clientMemory.compareTo(this.window) > 0) ? this.clientMemory : this.window;
	}

}
