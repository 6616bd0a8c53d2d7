package vn.edu.portal.system;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.encrypt.BytesEncryptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Keys derived from the shared secret when first used: another instance with the same
 * secret reads what one wrote, another purpose or another secret does not.
 */
class SharedSecretTests {

	private static final String SECRET = "a-long-random-value-shared-by-every-instance-0123456789";

	@Test
	void whatOneInstanceEncryptsAnotherWithTheSameSecretDecrypts() {
		byte[] plain = "thcs.phuoclong,Nguyễn Văn A,Tạm-thời-2026".getBytes(StandardCharsets.UTF_8);
		BytesEncryptor first = secret(SECRET).encryptorFor("import-credentials");
		BytesEncryptor second = secret(SECRET).encryptorFor("import-credentials");

		byte[] sealed = first.encrypt(plain);

		assertThat(sealed).isNotEqualTo(plain);
		assertThat(second.decrypt(sealed)).isEqualTo(plain);
		assertThat(first.decrypt(sealed)).isEqualTo(plain);
		assertThatException().isThrownBy(() -> secret(SECRET).encryptorFor("another-purpose").decrypt(sealed));
		assertThatException().isThrownBy(() -> secret(SECRET + "x").encryptorFor("import-credentials").decrypt(sealed));
	}

	private static SharedSecret secret(String value) {
		return new SharedSecret(new MockEnvironment().withProperty("portal.secret", value));
	}

}
