package vn.edu.portal.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AccountTests {

	private static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");

	private final LoginProperties policy = new LoginProperties(5, Duration.ofMinutes(15), Duration.ofHours(24), 20,
			Duration.ofMinutes(15));

	@Test
	void locksAfterFiveWrongPasswordsForLongerEachTime() {
		Account account = new Account("Thcs.GiongTrom", "Phạm Thị Lan", 7L, Set.of(Role.UNIT_LEADER), "hash", false,
				NOW);
		assertThat(failFiveTimes(account, NOW)).isTrue();
		assertThat(account.lockRemaining(NOW)).isEqualTo(Duration.ofMinutes(15));

		Instant afterFirstLock = NOW.plus(Duration.ofMinutes(16));
		assertThat(account.isLockedAt(afterFirstLock)).isFalse();
		failFiveTimes(account, afterFirstLock);
		assertThat(account.lockRemaining(afterFirstLock)).isEqualTo(Duration.ofMinutes(30));

		Instant afterSecondLock = afterFirstLock.plus(Duration.ofMinutes(31));
		failFiveTimes(account, afterSecondLock);
		assertThat(account.lockRemaining(afterSecondLock)).isEqualTo(Duration.ofMinutes(60));
	}

	@Test
	void aLockNeverExceedsTheMaximum() {
		assertThat(this.policy.lockDurationFor(1)).isEqualTo(Duration.ofMinutes(15));
		assertThat(this.policy.lockDurationFor(7)).isEqualTo(Duration.ofMinutes(15 * 64));
		assertThat(this.policy.lockDurationFor(8)).isEqualTo(Duration.ofHours(24));
		assertThat(this.policy.lockDurationFor(500)).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void aSuccessfulLoginClearsTheCount() {
		Account account = new Account("a.b", "A B", 7L, Set.of(Role.UNIT_STAFF), "hash", false, NOW);
		for (int i = 0; i < 4; i++) {
			account.recordFailedLogin(NOW, this.policy);
		}
		account.recordSuccessfulLogin(NOW);
		assertThat(account.recordFailedLogin(NOW, this.policy)).isFalse();
		assertThat(account.getFailedAttempts()).isEqualTo(1);
	}

	@Test
	void usernamesAreStoredInLowerCaseAndOnlyAdministratorsMayHaveNoUnit() {
		assertThat(new Account(" Thcs.GiongTrom ", "x", 7L, Set.of(Role.UNIT_LEADER), "h", false, NOW).getUsername())
			.isEqualTo("thcs.giongtrom");
		assertThat(new Account("admin", "x", null, Set.of(Role.SYSTEM_ADMIN), "h", false, NOW).getUnitId()).isNull();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Account("x", "x", null, Set.of(Role.UNIT_LEADER), "h", false, NOW));
	}

	private boolean failFiveTimes(Account account, Instant at) {
		boolean locked = false;
		for (int i = 0; i < 5; i++) {
			locked = account.recordFailedLogin(at, this.policy);
		}
		return locked;
	}

}
