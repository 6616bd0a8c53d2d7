package vn.edu.portal.account;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.system.OutputCaptureExtension;

import vn.edu.portal.organisation.UnitDirectory;
import vn.edu.portal.system.DemoProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/** The first start on an empty database (the shared test database is never empty). */
@ExtendWith(OutputCaptureExtension.class)
class FirstAccountsTests {

	private final AccountRepository repository = mock(AccountRepository.class);

	private final AccountService service = mock(AccountService.class);

	private final DemoProperties noDemo = new DemoProperties(false, null);

	@Test
	void withoutAPasswordTheAdminGetsARandomOneShownOnceAndMustChangeIt(CapturedOutput output) {
		given(this.repository.count()).willReturn(0L);
		given(this.service.generatePassword()).willReturn("Rnd7kQ2pXw9mTz4B");

		new FirstAccounts(this.repository, this.service, new AdminProperties(""), this.noDemo,
				mock(UnitDirectory.class), mock(JdbcClient.class, RETURNS_DEEP_STUBS))
			.run();

		then(this.service).should()
			.create(eq("admin"), anyString(), isNull(), eq(Set.of(Role.SYSTEM_ADMIN)), eq("Rnd7kQ2pXw9mTz4B"),
					eq(true));
		assertThat(output).contains("Rnd7kQ2pXw9mTz4B", "must be changed at first login");
	}

	@Test
	void aPasswordFromTheEnvironmentIsUsedAndNotForcedToChange(CapturedOutput output) {
		given(this.repository.count()).willReturn(0L);

		new FirstAccounts(this.repository, this.service, new AdminProperties("Quan-tri-tu-bien-moi-truong"),
				this.noDemo, mock(UnitDirectory.class), mock(JdbcClient.class, RETURNS_DEEP_STUBS))
			.run();

		then(this.service).should()
			.create(eq("admin"), anyString(), isNull(), eq(Set.of(Role.SYSTEM_ADMIN)),
					eq("Quan-tri-tu-bien-moi-truong"), eq(false));
		assertThat(output).doesNotContain("Quan-tri-tu-bien-moi-truong");
	}

	@Test
	void aDatabaseWithAccountsGetsNoNewAdmin() {
		given(this.repository.count()).willReturn(3L);

		new FirstAccounts(this.repository, this.service, new AdminProperties(""), this.noDemo,
				mock(UnitDirectory.class), mock(JdbcClient.class, RETURNS_DEEP_STUBS))
			.run();

		then(this.service).should(never()).create(any(), any(), any(), any(), any(), anyBoolean());
	}

	@Test
	void aGeneratedPasswordMeetsThePolicyAndIsNeverTheSameTwice() {
		TemporaryPasswords passwords = new TemporaryPasswords();
		String password = passwords.generate();
		assertThat(password).hasSize(16);
		assertThat(new PasswordPolicy().violations("admin", password)).isEmpty();
		assertThat(passwords.generate()).isNotEqualTo(password);
		assertThat(passwords.hash(password)).startsWith("{pbkdf2-temporary}");
	}

}
