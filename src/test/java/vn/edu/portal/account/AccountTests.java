package vn.edu.portal.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AccountTests {

	private static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");

	private final LoginProperties policy = new LoginProperties(5, Duration.ofSeconds(30), Duration.ofMinutes(15),
			Duration.ofHours(24), 20, 300, Duration.ofHours(1), Duration.ofDays(365), Duration.ofDays(90));

	@Test
	void aClientWaitsOnlyAfterItsFreeFailuresAndEachWaitDoublesUpToTheCeiling() {
		assertThat(this.policy.delayAfter(0)).isZero();
		assertThat(this.policy.delayAfter(4)).isZero();
		assertThat(this.policy.delayAfter(5)).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.policy.delayAfter(6)).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.policy.delayAfter(9)).isEqualTo(Duration.ofMinutes(8));
		assertThat(this.policy.delayAfter(10)).isEqualTo(Duration.ofMinutes(15));
		assertThat(this.policy.delayAfter(500)).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void aSuccessfulLoginIsRecorded() {
		Account account = new Account("a.b", "A B", 7L, Set.of(Role.UNIT_STAFF), "hash", false, NOW);
		account.recordSuccessfulLogin(NOW);
		assertThat(account.isLockedAt(NOW)).isFalse();
		assertThat(account.getFailedAttempts()).isZero();
	}

	@Test
	void usernamesAreStoredInLowerCaseAndOnlyAdministratorsMayHaveNoUnit() {
		assertThat(new Account(" Thcs.GiongTrom ", "x", 7L, Set.of(Role.UNIT_LEADER), "h", false, NOW).getUsername())
			.isEqualTo("thcs.giongtrom");
		assertThat(new Account("admin", "x", null, Set.of(Role.SYSTEM_ADMIN), "h", false, NOW).getUnitId()).isNull();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Account("x", "x", null, Set.of(Role.UNIT_LEADER), "h", false, NOW));
	}

}
