package vn.edu.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.Task;
import org.springframework.scheduling.config.TaskExecutionOutcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the portal on one database, as behind a proxy without sticky sessions:
 * what one instance starts, the other finishes. Instance B reaches PostgreSQL through a
 * {@link TcpProxy} that the readiness test cuts and mends.
 */
class TwoInstancesTests {

	private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/(.*)");

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	static TcpProxy proxy;

	static JdbcClient jdbc;

	@BeforeAll
	static void start() throws IOException {
		Map<String, String> database = TestDatabase.properties();
		Matcher url = JDBC_URL.matcher(database.get("spring.datasource.url"));
		assertThat(url.matches()).isTrue();
		proxy = new TcpProxy(url.group(1), (url.group(2) != null) ? Integer.parseInt(url.group(2)) : 5432).start();
		a = instance(database.get("spring.datasource.url"));
		b = instance("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + url.group(3));
		jdbc = a.getBean(JdbcClient.class);
	}

	@AfterAll
	static void stop() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
		if (proxy != null) {
			proxy.close();
		}
	}

	@Test
	void aSessionMadeOnOneInstanceIsValidOnTheOtherAndEndsOnBoth() {
		PortalHttp onA = new PortalHttp(port(a));
		HttpResponse<String> login = onA.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		assertThat(login.statusCode()).isEqualTo(302);
		PortalHttp onB = onA.sameBrowserOn(port(b));

		HttpResponse<String> users = onB.get("/admin/users");

		assertThat(users.statusCode()).as("signed in on A, served by B").isEqualTo(200);
		assertThat(users.body()).contains("/logout");
		onB.post("/logout", Map.of());
		assertThat(PortalHttp.location(onA.get("/admin/users"))).as("signed out on B, out on A too").endsWith("/login");
	}

	@Test
	void temporaryPasswordsImportedOnOneInstanceAreDownloadedOnceThroughTheOther() {
		String prefix = "hai" + UUID.randomUUID().toString().substring(0, 6);
		String school = jdbc
			.sql("select code from unit where type = 'PRIMARY' and valid_to is null order by code limit 1")
			.query(String.class)
			.single();
		String csv = "username,full_name,email,phone,unit_code,roles\n" + prefix + ".gv1,Trần Văn Một," + prefix
				+ "@bentre.edu.vn,0912 000001," + school + ",UNIT_STAFF\n";
		PortalHttp onA = new PortalHttp(port(a));
		onA.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		onA.get("/admin/users/import");
		String page = onA.upload("/admin/users/import", "giao-vien.csv", csv.getBytes(StandardCharsets.UTF_8)).body();
		String token = page.replaceAll("(?s).*name=\"token\" value=\"([0-9a-f]+)\".*", "$1");
		String password = page.replaceAll("(?s).*" + Pattern.quote(prefix + ".gv1") + ".*?<code[^>]*>([^<]+)</code>.*",
				"$1");
		assertThat(token).matches("[0-9a-f]{48}");
		byte[] stored = jdbc
			.sql("select content from import_credentials where token_hash = sha256(convert_to(?, 'UTF8'))")
			.param(token)
			.query(byte[].class)
			.single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).as("kept encrypted")
			.doesNotContain(prefix)
			.doesNotContain(password);

		assertThat(jdbc.sql("select count(*) from import_credentials where token_hash = sha256(convert_to(?, 'UTF8'))")
			.param(token)
			.query(Long.class)
			.single()).as("kept under the token's hash").isOne();
		PortalHttp onB = onA.sameBrowserOn(port(b));
		HttpResponse<String> download = onB.post("/admin/users/import/passwords.csv", Map.of("token", token));

		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).startsWith("\uFEFFusername,full_name,temporary_password")
			.contains(prefix + ".gv1,Trần Văn Một," + password);
		assertThat(jdbc.sql("select count(*) from import_credentials where token_hash = sha256(convert_to(?, 'UTF8'))")
			.param(token)
			.query(Long.class)
			.single()).as("deleted by the download").isZero();
		assertThat(onA.post("/admin/users/import/passwords.csv", Map.of("token", token)).statusCode())
			.as("once, whichever instance is asked again")
			.isEqualTo(404);
		assertThat(onB.post("/admin/users/import/passwords.csv", Map.of("token", token)).statusCode()).isEqualTo(404);
	}

	@Test
	void aScheduledJobRunsOncePerSlotAcrossBothInstances() {
		endSlot();
		byte[] first = expiredDownload();
		Task onA = task(a, "ShortLivedSecrets.sweep");
		Task onB = task(b, "ShortLivedSecrets.sweep");

		CompletableFuture
			.allOf(CompletableFuture.runAsync(onA.getRunnable()), CompletableFuture.runAsync(onB.getRunnable()))
			.join();
		assertThat(onA.getLastExecutionOutcome().status()).isEqualTo(TaskExecutionOutcome.Status.SUCCESS);
		assertThat(onB.getLastExecutionOutcome().status()).isEqualTo(TaskExecutionOutcome.Status.SUCCESS);
		assertThat(downloads(first)).as("swept").isZero();
		byte[] second = expiredDownload();
		onB.getRunnable().run();
		onA.getRunnable().run();

		assertThat(downloads(second)).as("the slot was taken: neither instance ran it again").isOne();
		assertThat(jdbc
			.sql("select count(*) from shedlock where name = 'short-lived-secrets' "
					+ "and lock_until >= locked_at + interval '1 minute'")
			.query(Long.class)
			.single()).isOne();
		endSlot();
		onB.getRunnable().run();
		assertThat(downloads(second)).as("the next slot, on B").isZero();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void theRemindersRunOncePerSlotAlthoughTheSecondInstanceComesAfterTheFirstEnded(CapturedOutput output) {
		jdbc.sql("update shedlock set lock_until = now() where name = 'reminders-flash'").update();
		Task onA = task(a, "Reminders.hourly");
		Task onB = task(b, "Reminders.hourly");

		onA.getRunnable().run();
		onB.getRunnable().run();

		assertThat(output.getAll().lines().filter((line) -> line.contains("Scheduled job reminders-flash")))
			.as("B's clock a moment behind A's: the slot is still taken when A has finished")
			.hasSize(1);
		jdbc.sql("update shedlock set lock_until = now() where name = 'reminders-flash'").update();
	}

	@Test
	void prometheusAnswersAnAdministratorOnly() {
		PortalHttp admin = new PortalHttp(port(b));
		admin.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		PortalHttp school = new PortalHttp(port(b));
		school.login(TestAccounts.SCHOOL_LEADER, TestAccounts.DEMO_PASSWORD);

		HttpResponse<String> metrics = admin.get("/actuator/prometheus");

		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("http_server_requests_seconds_count", "hikaricp_connections_active",
				"jvm_memory_used_bytes", "portal_reports_submitted_today", "portal_incidents_submitted_today",
				"portal_directives_published_today", "portal_reminders_sent_today", "portal_outbox_pending",
				"portal_outbox_oldest_pending_seconds");
		assertThat(metrics.body()).as("the log events per level, for an alert on errors")
			.containsPattern("logback_events_total\\{[^}]*level=\"error\"");
		assertThat(school.get("/actuator/prometheus").statusCode()).isEqualTo(403);
		HttpResponse<String> anonymous = new PortalHttp(port(b)).get("/actuator/prometheus");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(PortalHttp.location(anonymous)).endsWith("/login");
	}

	@Test
	void prometheusOnTheInternalNetworkScrapesWithoutSigningInAndNothingElseOpensThere() {
		PortalHttp scraper = new PortalHttp(port(a), "10.20.3.4");
		PortalHttp listed = new PortalHttp(port(a), "192.0.2.7");
		PortalHttp outside = new PortalHttp(port(a), "192.0.2.8");

		HttpResponse<String> scraped = scraper.get("/actuator/prometheus");

		assertThat(scraped.statusCode()).isEqualTo(200);
		assertThat(scraped.body()).contains("jvm_memory_used_bytes", "portal_outbox_pending");
		assertThat(scraped.headers().firstValue("Set-Cookie")).as("a scrape makes no session").isEmpty();
		assertThat(listed.get("/actuator/prometheus").statusCode()).isEqualTo(200);
		assertThat(outside.get("/actuator/prometheus").statusCode()).isEqualTo(302);
		assertThat(PortalHttp.location(scraper.get("/actuator/metrics"))).as("only the scrape is open")
			.endsWith("/login");
		assertThat(PortalHttp.location(scraper.get("/admin/users"))).endsWith("/login");
	}

	@Test
	void theRequestIdIsInTheHeaderAndOnTheErrorPage() {
		PortalHttp admin = new PortalHttp(port(a));
		admin.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);

		HttpResponse<String> missing = admin.get("/admin/users/987654321");

		String id = missing.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(id).matches("[0-9a-f]{16}");
		assertThat(missing.body()).contains("Mã yêu cầu: " + id);
		assertThat(admin.get("/").headers().firstValue("X-Request-Id"))
			.hasValueSatisfying((next) -> assertThat(next).as("one id per request").isNotEqualTo(id));

		HttpResponse<String> fromProxy = raw(port(a), "/khong-co-trang-nay", "nginx-7f3a.42");
		assertThat(fromProxy.headers().firstValue("X-Request-Id")).hasValue("nginx-7f3a.42");
		HttpResponse<String> hostile = raw(port(a), "/css/khong-co.css", "<script>alert(1)</script>");
		assertThat(hostile.statusCode()).isEqualTo(404);
		String replaced = hostile.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(replaced).matches("[0-9a-f]{16}");
		assertThat(hostile.body()).contains("Mã yêu cầu: " + replaced).doesNotContain("<script>alert");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void readinessIsDownWhileTheDatabaseIsUnreachableAndUpAgainAfterWithoutARestart(CapturedOutput output) {
		assertThat(status(port(b), "/actuator/health/readiness")).isEqualTo(200);
		PortalHttp signedIn = new PortalHttp(port(b));
		assertThat(signedIn.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
		try {
			proxy.cut();

			awaitStatus(port(b), "/actuator/health/readiness", (status) -> status == 503);
			HttpResponse<String> failed = signedIn.get("/admin/users");
			String id = failed.headers().firstValue("X-Request-Id").orElseThrow();
			assertThat(failed.statusCode()).isEqualTo(503);
			assertThat(failed.headers().firstValue("Retry-After")).hasValue("30");
			assertThat(failed.body()).as("the portal's own page, in Vietnamese, with the id to quote")
				.contains("Hệ thống tạm thời gián đoạn", "Mã yêu cầu: " + id, "href=\"/admin/users\"")
				.doesNotContain("Exception", "at org.", "SELECT", "HTTP Status");
			assertThat(output.getAll().lines().filter((line) -> line.contains(" ERROR ")))
				.as("the failure is logged with the id the user quotes")
				.anySatisfy((line) -> assertThat(line).contains("[" + id + "]", "Request failed: GET /admin/users"));
			assertThat(status(port(b), "/actuator/health/liveness")).as("alive: a restart would not help")
				.isEqualTo(200);
			assertThat(status(port(a), "/actuator/health/readiness")).as("the other instance serves on").isEqualTo(200);
			assertThat(raw(port(b), "/actuator/health/readiness", "x").body()).doesNotContain("components", "db");
		}
		finally {
			proxy.start();
		}
		awaitStatus(port(b), "/actuator/health/readiness", (status) -> status == 200);
		PortalHttp onB = new PortalHttp(port(b));
		assertThat(onB.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
		assertThat(onB.get("/admin/users").statusCode()).as("serving again").isEqualTo(200);
	}

	/**
	 * Ends the sweep's current slot, as time would. (Deleting ShedLock's row instead
	 * would keep an instance that had created it from ever locking again.)
	 */
	private static void endSlot() {
		jdbc.sql("update shedlock set lock_until = now() where name = 'short-lived-secrets'").update();
	}

	private static byte[] expiredDownload() {
		byte[] hash = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
		jdbc.sql("insert into import_credentials (token_hash, administrator_id, content, expires_at) "
				+ "select ?, id, '\\x00'::bytea, now() - interval '1 minute' from account where username = 'admin'")
			.param(hash)
			.update();
		return hash;
	}

	private static long downloads(byte[] hash) {
		return jdbc.sql("select count(*) from import_credentials where token_hash = ?")
			.param(hash)
			.query(Long.class)
			.single();
	}

	private static Task task(ConfigurableApplicationContext context, String name) {
		return context.getBeansOfType(ScheduledTaskHolder.class)
			.values()
			.stream()
			.flatMap((holder) -> holder.getScheduledTasks().stream())
			.map(ScheduledTask::getTask)
			.filter((task) -> task.toString().endsWith("." + name))
			.findFirst()
			.orElseThrow();
	}

	private static void awaitStatus(int port, String path, IntPredicate expected) {
		long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		int last = -1;
		while (System.nanoTime() < until) {
			last = status(port, path);
			if (expected.test(last)) {
				return;
			}
			sleep();
		}
		throw new AssertionError(path + " still answers " + last);
	}

	private static int status(int port, String path) {
		return raw(port, path, null).statusCode();
	}

	private static HttpResponse<String> raw(int port, String path, String requestId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "text/html,*/*;q=0.8");
		if (requestId != null) {
			request.header("X-Request-Id", requestId);
		}
		try {
			return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** An instance of the portal as the tests configure it, on the given database URL. */
	private static ConfigurableApplicationContext instance(String url) throws IOException {
		Properties settings = PropertiesLoaderUtils.loadProperties(new ClassPathResource("portal-test.properties"));
		List<String> args = new ArrayList<>();
		settings.forEach((key, value) -> args.add("--" + key + "=" + value));
		args.add("--spring.datasource.url=" + url);
		args.add("--spring.datasource.username=" + TestDatabase.properties().get("spring.datasource.username"));
		args.add("--spring.datasource.password=" + TestDatabase.properties().get("spring.datasource.password"));
		args.add("--server.port=0");
		args.add("--spring.jmx.enabled=false");
		// Prometheus on the internal network scrapes without signing in.
		args.add("--portal.metrics.scrape-networks=10.20.0.0/16, 192.0.2.7");
		// A health check must not wait half a minute for a connection that will not come.
		args.add("--spring.datasource.hikari.connection-timeout=2000");
		args.add("--spring.datasource.hikari.validation-timeout=1000");
		return new SpringApplicationBuilder(PortalApplication.class)
			.initializers((context) -> context.getBeanFactory()
				.registerSingleton("excludeTestConfigurations", new ExcludeTestConfigurations()))
			.run(args.toArray(String[]::new));
	}

	/**
	 * Leaves the tests' own configurations (test clocks, stand-ins) out of the component
	 * scan, as {@code @SpringBootTest} does.
	 */
	static final class ExcludeTestConfigurations extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
			if (reader.getAnnotationMetadata().isAnnotated(TestComponent.class.getName())) {
				return true;
			}
			String enclosing = reader.getClassMetadata().getEnclosingClassName();
			return enclosing != null && enclosing.endsWith("Tests");
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof ExcludeTestConfigurations;
		}

		@Override
		public int hashCode() {
			return ExcludeTestConfigurations.class.hashCode();
		}

	}

}
