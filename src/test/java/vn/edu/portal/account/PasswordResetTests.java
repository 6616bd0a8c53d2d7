package vn.edu.portal.account;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.PortalHttp;
import vn.edu.portal.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Account recovery by e-mail (GreenMail over SMTP): a link that works once and for 30
 * minutes, the same answer for an account that does not exist, and every session of the
 * account ended.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=3025",
				"portal.notifications.base-url=https://congchidao.bentre.edu.vn",
				"portal.notifications.send-every=1h" })
@Import({ TestAccountFactory.class, TestClock.Config.class })
class PasswordResetTests {

	private static final Pattern LINK = Pattern
		.compile("https://congchidao\\.bentre\\.edu\\.vn(/login/reset/[A-Za-z0-9_-]{43})");

	private static final String NEW_PASSWORD = "Mot-mat-khau-moi-rat-dai-2026";

	private static final String SENT = "Nếu thông tin trên khớp với một tài khoản có địa chỉ thư";

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@LocalServerPort
	int port;

	@Autowired
	TestAccountFactory factory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aLinkByEmailSetsANewPasswordOnceAndEndsEverySession() throws Exception {
		String username = withEmail(this.factory.create(Role.UNIT_STAFF, false));
		PortalHttp elsewhere = new PortalHttp(this.port);
		elsewhere.login(username, TestAccountFactory.PASSWORD);
		PortalHttp http = new PortalHttp(this.port);
		assertThat(http.get("/login").body()).contains("href=\"/login/reset\"");
		http.get("/login/reset");

		HttpResponse<String> asked = http.post("/login/reset", Map.of("name", username.toUpperCase()));

		assertThat(PortalHttp.location(asked)).isEqualTo("/login/reset?sent");
		assertThat(http.get("/login/reset?sent").body()).contains(SENT);
		String link = linkIn(mailTo(username));
		assertThat(this.jdbc.sql("select count(*) from password_reset_token where token_hash = ?")
			.param(link.substring(link.lastIndexOf('/') + 1))
			.query(Integer.class)
			.single()).as("only the hash is stored").isZero();

		String form = http.get(link).body();
		assertThat(form).contains("Đặt mật khẩu mới");
		String weak = http.post(link, Map.of("newPassword", "123", "confirmation", "123")).body();
		assertThat(weak).contains("is-invalid", "Đặt mật khẩu mới");
		assertThat(PortalHttp.location(new PortalHttp(this.port).login(username, TestAccountFactory.PASSWORD)))
			.as("nothing changed yet")
			.isEqualTo("/");

		HttpResponse<String> done = http.post(link, Map.of("newPassword", NEW_PASSWORD, "confirmation", NEW_PASSWORD));

		assertThat(PortalHttp.location(done)).isEqualTo("/login?reset");
		assertThat(http.get("/login?reset").body()).contains("Mật khẩu đã được đặt lại");
		assertThat(PortalHttp.location(elsewhere.get("/"))).as("sessions ended").isEqualTo("/login");
		assertThat(PortalHttp.location(new PortalHttp(this.port).login(username, TestAccountFactory.PASSWORD)))
			.isEqualTo("/login?error");
		assertThat(PortalHttp.location(new PortalHttp(this.port).login(username, NEW_PASSWORD))).isEqualTo("/");
		assertThat(http.get(link).body()).as("used once").contains("Liên kết không còn dùng được");
		assertThat(
				http.post(link, Map.of("newPassword", NEW_PASSWORD + "x", "confirmation", NEW_PASSWORD + "x")).body())
			.contains("Liên kết không còn dùng được");
		assertThat(this.jdbc.sql("select action from audit_event where actor = ? order by id")
			.param(username)
			.query(String.class)
			.list()).contains("PASSWORD_RESET_REQUESTED", "PASSWORD_RESET_BY_EMAIL");
	}

	@Test
	void anUnknownAccountGetsTheSameAnswerAndNoMail() throws Exception {
		String username = withEmail(this.factory.create(Role.UNIT_STAFF, false));
		PortalHttp http = new PortalHttp(this.port);
		http.get("/login/reset");

		HttpResponse<String> unknown = http.post("/login/reset", Map.of("name", "khong.ton.tai@bentre.edu.vn"));
		HttpResponse<String> known = http.post("/login/reset", Map.of("name", username + "@truong.edu.vn"));

		assertThat(PortalHttp.location(unknown)).isEqualTo(PortalHttp.location(known));
		mailTo(username);
		assertThat(smtp.getReceivedMessagesForDomain("bentre.edu.vn")).isEmpty();
	}

	@Test
	void aLinkExpiresAfterThirtyMinutesAndStrangersCannotFloodAMailbox() throws Exception {
		Instant now = Instant.now();
		this.clock.set(now);
		String username = withEmail(this.factory.create(Role.UNIT_STAFF, false));
		PortalHttp http = new PortalHttp(this.port);
		http.get("/login/reset");
		for (int i = 0; i < 5; i++) {
			http.post("/login/reset", Map.of("name", username));
		}
		smtp.waitForIncomingEmail(10_000, 3);
		Thread.sleep(500);
		assertThat(smtp.getReceivedMessagesForDomain("truong.edu.vn"))
			.filteredOn((message) -> recipient(message).equals(username + "@truong.edu.vn"))
			.hasSize(PasswordReset.PER_HOUR);
		String link = linkIn(mailTo(username));

		this.clock.set(now.plus(Duration.ofMinutes(31)));

		assertThat(http.get(link).body()).contains("Liên kết không còn dùng được");
	}

	private String withEmail(String username) {
		this.jdbc.sql("update account set email = username || '@truong.edu.vn' where username = ?")
			.param(username)
			.update();
		return username;
	}

	private MimeMessage mailTo(String username) throws Exception {
		String address = username + "@truong.edu.vn";
		for (int i = 0; i < 100; i++) {
			for (MimeMessage message : smtp.getReceivedMessages()) {
				if (recipient(message).equals(address)) {
					return message;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no e-mail to " + address);
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String linkIn(MimeMessage message) throws Exception {
		assertThat(message.getSubject()).isEqualTo("Đặt lại mật khẩu trên Cổng chỉ đạo và báo cáo sự cố");
		Matcher matcher = LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", ""));
		assertThat(matcher.find()).as("the link, on the configured address").isTrue();
		return matcher.group(1);
	}

}
