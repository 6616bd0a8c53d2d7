package vn.edu.portal.account;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys that templates build at run time exist in both languages. */
class RoleMessagesTests {

	private final ResourceBundleMessageSource messages = messages();

	@ParameterizedTest
	@EnumSource(Role.class)
	void everyRoleHasANameInBothLanguages(Role role) {
		assertBothLanguages("role." + role);
	}

	@ParameterizedTest
	@ValueSource(strings = { LoginAttempts.LOGIN_SUCCESS, LoginAttempts.LOGIN_FAILURE, "ACCOUNT_LOCKED",
			LoginAttempts.LOGOUT, "ACCOUNT_CREATED", "PASSWORD_CHANGED" })
	void everyAuditedActionHasANameInBothLanguages(String action) {
		assertBothLanguages("audit.action." + action);
	}

	private void assertBothLanguages(String key) {
		String vietnamese = this.messages.getMessage(key, null, null, Locale.forLanguageTag("vi"));
		String english = this.messages.getMessage(key, null, null, Locale.ENGLISH);
		assertThat(vietnamese).as(key + " in Vietnamese").isNotBlank();
		assertThat(english).as(key + " in English").isNotBlank().isNotEqualTo(vietnamese);
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
