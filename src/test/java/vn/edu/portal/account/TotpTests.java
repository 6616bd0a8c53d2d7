package vn.edu.portal.account;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The codes are those of RFC 6238's test vectors (HMAC-SHA1), as six digits. */
class TotpTests {

	private static final String RFC_SECRET = Totp.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

	@Test
	void theCodesOfTheRfcTestVectors() {
		assertThat(RFC_SECRET).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		assertThat(Totp.code(RFC_SECRET, Totp.stepOf(Instant.ofEpochSecond(59)))).isEqualTo("287082");
		assertThat(Totp.code(RFC_SECRET, Totp.stepOf(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
		assertThat(Totp.code(RFC_SECRET, Totp.stepOf(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
	}

	@Test
	void aCodeIsAcceptedWithinOneStepAndNeverAgain() {
		Instant now = Instant.ofEpochSecond(1111111109);
		long step = Totp.stepOf(now);
		String previous = Totp.code(RFC_SECRET, step - 1);
		String tooOld = Totp.code(RFC_SECRET, step - 2);

		assertThat(Totp.matchingStep(RFC_SECRET, "081 804", now, 0)).isEqualTo(step);
		assertThat(Totp.matchingStep(RFC_SECRET, previous, now, 0)).isEqualTo(step - 1);
		assertThat(Totp.matchingStep(RFC_SECRET, tooOld, now, 0)).isEqualTo(-1);
		assertThat(Totp.matchingStep(RFC_SECRET, "081804", now, step)).as("used already").isEqualTo(-1);
		assertThat(Totp.matchingStep(RFC_SECRET, "81804", now, 0)).isEqualTo(-1);
		assertThat(Totp.matchingStep(RFC_SECRET, "０８１８０４", now, 0)).as("full-width digits").isEqualTo(-1);
		assertThat(Totp.decode(Totp.newSecret())).hasSize(20);
	}

}
