package vn.edu.portal.notification;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.PortalHttp;
import vn.edu.portal.account.Role;
import vn.edu.portal.account.TestPeople;
import vn.edu.portal.organisation.UnitDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sign-in from a browser the account never used reaches its owner by e-mail, through
 * the outbox; the first sign-in of an account and a known browser send nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=3025", "portal.notifications.send-every=1h" })
class NewDeviceMailTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestPeople people;

	@Autowired
	UnitDirectory units;

	@Autowired
	OutboxSender sender;

	@Test
	void aNewBrowserSendsOneMailAndAKnownOneNone() throws Exception {
		String username = this.people.account(this.units.findByCode("THPT-CHUYENBENTRE").orElseThrow().id(),
				Role.UNIT_LEADER);
		this.jdbc.sql("update account set email = username || '@truong.edu.vn' where username = ?")
			.param(username)
			.update();
		PortalHttp usual = new PortalHttp(this.port);
		usual.login(username, TestPeople.PASSWORD);
		usual.post("/logout", java.util.Map.of());
		usual.login(username, TestPeople.PASSWORD);
		assertThat(kinds(username)).as("a first sign-in and a known browser").isEmpty();

		PortalHttp stranger = new PortalHttp(this.port);
		stranger.login(username, TestPeople.PASSWORD);
		stranger.login(username, TestPeople.PASSWORD);
		this.sender.sendDue();

		assertThat(kinds(username)).containsExactly("NEW_DEVICE_SIGN_IN");
		List<MimeMessage> received = to(username);
		assertThat(received).hasSize(1);
		assertThat(received.get(0).getSubject()).startsWith("Tài khoản của bạn vừa đăng nhập trên một thiết bị mới")
			.contains(stranger.address());
		assertThat(NotificationTests.text(received.get(0))).contains("/account#sessions");
	}

	private List<String> kinds(String username) {
		return this.jdbc.sql("""
				select n.kind from notification n join account a on a.id = n.account_id where a.username = ?
				order by n.id
				""").param(username).query(String.class).list();
	}

	private List<MimeMessage> to(String username) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> {
			try {
				return message.getAllRecipients()[0].toString().equals(username + "@truong.edu.vn");
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}
