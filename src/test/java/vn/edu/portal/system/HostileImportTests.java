package vn.edu.portal.system;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.PortalHttp;
import vn.edu.portal.TestAccounts;
import vn.edu.portal.system.HostileSpreadsheets.Hostile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every hostile file, uploaded to both bulk imports as an administrator would, is refused
 * beside the file field with its message; nothing is written, the heap the portal keeps
 * does not grow, and the portal stays healthy.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HostileImportTests {

	private static final List<String> IMPORTS = List.of("/admin/units/import", "/admin/users/import");

	private static final long MB = 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyHostileFileIsRefusedOnBothImportsAndThePortalStaysUp() {
		PortalHttp admin = new PortalHttp(this.port);
		admin.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		long units = count("unit");
		long accounts = count("account");
		long heapBefore = heapAfterCollection();

		for (Hostile hostile : HostileSpreadsheets.all()) {
			byte[] content = hostile.content().get();
			String message = this.messages.getMessage(hostile.messageKey(), hostile.arguments().toArray(),
					Locale.forLanguageTag("vi"));
			for (String page : IMPORTS) {
				admin.get(page);
				HttpResponse<String> response = admin.upload(page, hostile.name(), content);

				assertThat(response.statusCode()).as(hostile.name() + " on " + page).isEqualTo(200);
				assertThat(response.body()).as(hostile.name() + " on " + page).contains(message, "is-invalid");
			}
		}

		assertThat(count("unit")).isEqualTo(units);
		assertThat(count("account")).isEqualTo(accounts);
		assertThat(heapAfterCollection() - heapBefore).as("heap kept after the uploads").isLessThan(64 * MB);
		assertThat(new PortalHttp(this.port).get("/actuator/health").body()).contains("\"status\":\"UP\"");
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private static long heapAfterCollection() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		memory.gc();
		return memory.getHeapMemoryUsage().getUsed();
	}

}
