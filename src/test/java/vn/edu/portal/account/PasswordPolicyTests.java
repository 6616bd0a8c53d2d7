package vn.edu.portal.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void shipsSeveralThousandCommonPasswords() {
		assertThat(this.policy.commonPasswordCount()).isGreaterThan(2_000);
	}

	@Test
	void acceptsALongUncommonPassword() {
		assertThat(this.policy.violations("thcs.giongtrom", "Song-nuoc-Giong-Trom-2026")).isEmpty();
		assertThat(this.policy.violations("thcs.giongtrom", "Mật khẩu có dấu")).isEmpty();
	}

	@Test
	void refusesTooShortAndTooLong() {
		assertThat(this.policy.violations("a", "Ab1-xyz")).containsExactly("password.policy.tooShort");
		assertThat(this.policy.violations("a", "x".repeat(128))).isEmpty();
		assertThat(this.policy.violations("a", "x".repeat(129))).containsExactly("password.policy.tooLong");
		assertThat(this.policy.violations("a", null)).containsExactly("password.policy.tooShort");
	}

	@Test
	void countsCharactersNotBytes() {
		assertThat(this.policy.violations("a", "Đồng Khởi")).isEmpty();
		assertThat(this.policy.violations("a", "Đồng Kh")).containsExactly("password.policy.tooShort");
	}

	@Test
	void refusesCommonPasswordsWhateverTheirCase() {
		assertThat(this.policy.violations("a", "password1")).containsExactly("password.policy.common");
		assertThat(this.policy.violations("a", "IloveYou")).containsExactly("password.policy.common");
		assertThat(this.policy.violations("a", "matkhau123")).containsExactly("password.policy.common");
	}

	@Test
	void refusesTheUsername() {
		assertThat(this.policy.violations("pgd.giongtrom", "PGD.GiongTrom"))
			.containsExactly("password.policy.sameAsUsername");
	}

}
