package portal;

import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.StringBodyPart;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.tryMax;
import static io.gatling.javaapi.http.HttpDsl.currentLocation;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The fault run's load: school leaders read their inbox, acknowledge, submit reports and
 * file incidents with a photo; officers triage incidents and open reports to review; the
 * department leader reads the dashboard. Every virtual user signs in once and keeps its
 * session (cookies) like a browser; every form is fetched first for its CSRF token (and
 * the incident form for its idempotency key), and a post that fails during a fault is sent
 * again with the same key, as a browser's user would press the button again.
 * <p>
 * What the clients saw is written to a ledger, one line each: {@code incident <form key>}
 * and {@code report <assignment>/<period>} for a success page after a submission,
 * {@code ack <assignment>} for an acknowledgement confirmed, {@code stacktrace <request>}
 * for a page that showed one. The run's checks compare it with the database.
 * <p>
 * System properties: portal.base, portal.users (64), portal.seconds (240), portal.ramp (the
 * sign-ins spread over that many seconds),
 * portal.password, portal.ledger, portal.think (the longest pause between pages, seconds,
 * default 3), portal.copies (true: each user signs in as a copy of a demo account of its own).
 */
public class FaultLoad extends Simulation {

	private static final String BASE = System.getProperty("portal.base", "http://127.0.0.1:18090");

	private static final int USERS = Integer.getInteger("portal.users", 64);

	private static final int SECONDS = Integer.getInteger("portal.seconds", 240);

	/** When the load stops, whenever each user signed in. */
	private static final long END = System.currentTimeMillis() + SECONDS * 1000L;

	private static final int THINK = Integer.getInteger("portal.think", 3);

	private static final String PASSWORD = System.getProperty("portal.password", "Demo-Ben-Tre-2026");

	private static final List<String> SCHOOLS = List.of("thcs.giongtrom", "thpt.chuyenbentre",
			"thpt.nguyendinhchieu");

	private static final Pattern TRACE = Pattern.compile(
			"(\\bat (java|org|vn|jakarta|com)\\.[a-z]+\\.|[a-z]\\.[a-z]+\\.[A-Za-z]*Exception\\b|SQLState|PSQLException|ERROR: )");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern TASK = Pattern.compile("name=\"tasks\\[(\\d+)\\]\\.status\"");

	private static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private static final ZoneId ICT = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final byte[] PHOTO = photo();

	private static final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.AtomicInteger> COPIES = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * The account of one virtual user: the next copy of a demo account (the run makes
	 * {@code name.1}, {@code name.2}...), or the demo account itself with portal.copies=false.
	 */
	private static String own(String demo) {
		if (!Boolean.parseBoolean(System.getProperty("portal.copies", "true"))) {
			return demo;
		}
		return demo + "." + COPIES.computeIfAbsent(demo, (name) -> new java.util.concurrent.atomic.AtomicInteger())
			.incrementAndGet();
	}

	private static final PrintWriter LEDGER = ledger();

	private static PrintWriter ledger() {
		try {
			return new PrintWriter(new FileWriter(System.getProperty("portal.ledger", "ledger"), true), true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void record(String line) {
		synchronized (LEDGER) {
			LEDGER.println(line);
		}
	}

	/** A small photo (PNG), the evidence of every incident. */
	private static byte[] photo() {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < 64; x++) {
			for (int y = 0; y < 48; y++) {
				image.setRGB(x, y, new Color(x * 4, y * 5, 128).getRGB());
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** Every page: never a stack trace, and the form's CSRF token if it has one. */
	private static CheckBuilder noTrace(String name) {
		return bodyString().transform((body) -> {
			if (body != null && TRACE.matcher(body).find()) {
				record("stacktrace " + name);
				return true;
			}
			return false;
		}).is(false);
	}

	private static CheckBuilder csrf() {
		return regex(CSRF.pattern()).find().saveAs("csrf");
	}

	private static ChainBuilder page(String name, String path, CheckBuilder... checks) {
		List<CheckBuilder> all = new ArrayList<>(List.of(status().is(200), noTrace(name)));
		all.addAll(List.of(checks));
		return exec(http(name).get(path).check(all)).pause(1, THINK);
	}

	/** Signs in once; a failure (a fault at that moment) is tried again. */
	private static ChainBuilder login() {
		return tryMax(10)
			.on(exec(http("login page").get("/login").check(status().is(200), csrf()))
				.exec(http("login").post("/login")
					.formParam("username", "#{username}")
					.formParam("password", PASSWORD)
					.formParam("_csrf", "#{csrf}")
					.check(status().is(200), currentLocation().transform((url) -> url.contains("/login")).is(false), noTrace("login")))
				.exitHereIfFailed());
	}

	/** A post that fails during a fault is sent again after a pause, with a fresh token. */
	private static ChainBuilder again(String formName, String formPath) {
		return exec((session) -> session).doIf((session) -> session.getInt("attempt") > 0)
			.then(exec((session) -> session).pause(2, 4)
				.exec(http(formName + " (again)").get(formPath).check(status().is(200), csrf())));
	}

	private static ChainBuilder acknowledge() {
		return exec(http("acknowledge").post("/inbox/#{assignment}/acknowledge")
			.formParam("_csrf", "#{csrf}")
			.check(status().is(200), noTrace("acknowledge"), regex("alert alert-success").exists()))
			.exec((session) -> {
				if (!session.isFailed()) {
					record("ack " + session.getString("assignment"));
				}
				return session;
			});
	}

	private static ChainBuilder report() {
		return exec(http("report form").get("/inbox/#{assignment}/reports/#{period}")
			.check(status().is(200), noTrace("report form"), csrf(), bodyString().saveAs("reportForm")))
			.pause(1, THINK)
			.doIf((session) -> session.getString("reportForm").contains("name=\"action\" value=\"submit\""))
			.then(tryMax(6, "attempt")
				.on(again("report form", "/inbox/#{assignment}/reports/#{period}"),
						exec(http("report submit").post("/inbox/#{assignment}/reports/#{period}")
							.formParamMap(FaultLoad::reportFields)
							.check(status().is(200), noTrace("report submit"), regex("alert alert-success").exists())))
				.exec((session) -> {
					if (!session.isFailed()) {
						record("report " + session.getString("assignment") + "/" + session.getString("period"));
					}
					return session;
				}));
	}

	private static java.util.Map<String, Object> reportFields(Session session) {
		java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
		fields.put("_csrf", session.getString("csrf"));
		fields.put("action", "submit");
		String form = session.getString("reportForm");
		Matcher version = Pattern.compile("name=\"version\" value=\"(\\d*)\"").matcher(form);
		fields.put("version", version.find() ? version.group(1) : "");
		Matcher task = TASK.matcher(form);
		while (task.find()) {
			fields.put("tasks[" + task.group(1) + "].status", "DONE");
			fields.put("tasks[" + task.group(1) + "].narrative", "Đã thực hiện (tải thử).");
		}
		return fields;
	}

	private static ChainBuilder incident() {
		return exec((session) -> session.set("formKey", UUID.randomUUID().toString()))
			.exec(http("incident form").get("/incidents/new")
				.check(status().is(200), noTrace("incident form"), csrf()))
			.pause(1, THINK)
			.tryMax(8, "attempt")
			.on(again("incident form", "/incidents/new"), exec(http("incident submit").post("/incidents/new")
				.bodyParts(StringBodyPart("_csrf", "#{csrf}"), StringBodyPart("formKey", "#{formKey}"),
						StringBodyPart("version", "0"), StringBodyPart("action", "submit"),
						StringBodyPart("detectedAt",
								(session) -> LocalDateTime.now(ICT).minusHours(2).format(PICKER)),
						StringBodyPart("platform", "FACEBOOK"),
						StringBodyPart("urls", "https://www.facebook.com/tintuc/posts/#{formKey}"),
						StringBodyPart("category", "BNTT"), StringBodyPart("severity", "2"),
						StringBodyPart("summary", "Bài đăng chế giễu một học sinh [load #{formKey}]"),
						StringBodyPart("press", "NONE"), StringBodyPart("people[0].role", "STUDENT"),
						StringBodyPart("people[0].ageBand", "FROM_16_TO_17"), StringBodyPart("people[0].count", "1"),
						StringBodyPart("actions", "REMOVAL_REQUESTED"),
						ByteArrayBodyPart("evidence", PHOTO).fileName("anh-chup.png").contentType("image/png"))
				.asMultipartForm()
				.check(status().is(200), noTrace("incident submit"),
						currentLocation().transform((url) -> url.matches(".*/incidents/\\d+$")).is(true))))
			.exec((session) -> {
				if (!session.isFailed()) {
					record("incident " + session.getString("formKey"));
				}
				return session;
			});
	}

	private static final ChainBuilder SCHOOL = exec(page("inbox", "/inbox",
			regex("href=\"/inbox/(\\d+)\"").findRandom().optional().saveAs("assignment")))
		.doIf((session) -> session.contains("assignment"))
		.then(page("inbox item", "/inbox/#{assignment}", csrf(),
				regex("/inbox/\\d+/acknowledge").count().saveAs("canAcknowledge"),
				regex("href=\"/inbox/\\d+/reports/(\\d{4}-\\d{2}-\\d{2})\"").findRandom().optional().saveAs("period"))
			.doIf((session) -> session.getInt("canAcknowledge") > 0)
			.then(tryMax(6, "attempt").on(again("inbox item", "/inbox/#{assignment}"), acknowledge()))
			.doIf((session) -> session.contains("period") && ThreadLocalRandom.current().nextInt(3) == 0)
			.then(report()))
		.exec((session) -> session.remove("assignment").remove("period"))
		.doIf((session) -> ThreadLocalRandom.current().nextInt(3) == 0)
		.then(incident())
		.exec(page("incidents", "/incidents"))
		.exec(page("notifications", "/notifications"));

	private static final ChainBuilder OFFICER = exec(page("triage", "/incidents/triage",
			regex("href=\"/incidents/(\\d+)\"").findRandom().optional().saveAs("incidentId")))
		.doIf((session) -> session.contains("incidentId"))
		.then(page("incident", "/incidents/#{incidentId}", csrf(),
				regex("action=\"/incidents/\\d+/accept\"[\\s\\S]*?name=\"version\" value=\"(\\d+)\"").optional()
					.saveAs("incidentVersion"))
			.doIf((session) -> session.contains("incidentVersion"))
			.then(exec(http("incident accept").post("/incidents/#{incidentId}/accept")
				.formParam("_csrf", "#{csrf}")
				.formParam("version", "#{incidentVersion}")
				.check(status().is(200), noTrace("incident accept")))))
		.exec((session) -> session.remove("incidentId").remove("incidentVersion"))
		.exec(page("review", "/reports/review"))
		.exec(page("directives", "/directives"));

	private static final ChainBuilder LEADER = exec(page("dashboard", "/dashboard")).exec(page("inbox", "/inbox"));

	{
		HttpProtocolBuilder protocol = http.baseUrl(BASE)
			.acceptHeader("text/html,application/xhtml+xml")
			.acceptLanguageHeader("vi")
			.userAgentHeader("portal-fault-load")
			.disableCaching();
		int officers = Math.max(1, USERS / 5);
		int leaders = Math.max(1, USERS / 10);
		int schools = Math.max(1, USERS - officers - leaders);
		int ramp = Integer.getInteger("portal.ramp", Math.min(90, Math.max(1, SECONDS / 4)));
		List<PopulationBuilder> populations = new ArrayList<>();
		populations.add(scenario("school leaders")
			.exec((session) -> session.set("username", own(SCHOOLS.get((int) (session.userId() % SCHOOLS.size())))))
			.exec(login())
			.asLongAs((session) -> System.currentTimeMillis() < END)
			.on(SCHOOL)
			.injectOpen(rampUsers(schools).during(ramp)));
		populations.add(scenario("officers").exec((session) -> session.set("username", own("sgd.chuyenvien")))
			.exec(login())
			.asLongAs((session) -> System.currentTimeMillis() < END)
			.on(OFFICER)
			.injectOpen(rampUsers(officers).during(ramp)));
		populations.add(scenario("department leader").exec((session) -> session.set("username", own("sgd.lanhdao")))
			.exec(login())
			.asLongAs((session) -> System.currentTimeMillis() < END)
			.on(LEADER)
			.injectOpen(rampUsers(leaders).during(ramp)));
		setUp(populations).protocols(protocol);
	}

}
