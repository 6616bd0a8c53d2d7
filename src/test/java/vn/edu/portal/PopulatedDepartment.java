package vn.edu.portal;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;

import vn.edu.portal.Routes.Route;
import vn.edu.portal.account.Role;
import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.TestDepartment;
import vn.edu.portal.directive.TestDirectives;
import vn.edu.portal.system.TestImages;
import vn.edu.portal.system.TestPdfs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test Department with one thing of every kind a route names: a school of a district
 * office (with a name no other test uses) with its leader and staff, a directive to it
 * asking for a report (with an attachment), the school's report with a file, its incident
 * with evidence and a draft of another, the leader's notification and a failed e-mail of
 * it; a draft and a submitted directive; and a system administrator of the Department.
 * The directives come from the service, the rest from the portal's pages, as the people
 * of the school make them. It knows how to request any route on these things:
 * {@link #request(Route)}.
 */
final class PopulatedDepartment {

	private static final byte[] PDF = TestPdfs.plain();

	private static final ZoneId ICT = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	/**
	 * Request parameters that name a unit or another object: the routes that take one are
	 * those an account of another unit may try on what is not its own.
	 */
	private static final Pattern REFERENCE = Pattern
		.compile("unit|units|root|parent|issuer|directive|assignment|implementers|informed|.+Id|(?!agency).+Code");

	final TestDepartment dept;

	final long school;

	final String schoolCode;

	final String schoolName;

	final String schoolLeader;

	final String schoolStaff;

	final String admin;

	final LocalDate period;

	final long directive;

	final long submittedDirective;

	final long draftDirective;

	final long attachment;

	final long assignment;

	final long report;

	final long reportFile;

	final long incident;

	final long draftIncident;

	final long evidence;

	final long incidentRequest;

	final long notification;

	final long mail;

	/** An edXML package the Department's leader uploaded and has not confirmed yet. */
	final UUID pendingImport;

	/** A personal access token of the school's leader. */
	final long token;

	final long account;

	private final JdbcClient jdbc;

	private final int port;

	private final LocalDate today;

	PopulatedDepartment(int port, JdbcClient jdbc, TestPeople people, TestDirectives directives, LocalDate today) {
		this.port = port;
		this.jdbc = jdbc;
		this.today = today;
		this.dept = new TestDepartment(jdbc, people);
		this.schoolName = "Trường THCS Thử Quyền " + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		this.school = this.dept.unit("THCSQ", this.schoolName, "LOWER_SECONDARY", this.dept.districtOne);
		this.schoolCode = jdbc.sql("select code from unit where id = ?")
			.param(this.school)
			.query(String.class)
			.single();
		this.schoolLeader = people.account(this.school, Role.UNIT_LEADER);
		this.schoolStaff = people.account(this.school, Role.UNIT_STAFF);
		this.admin = people.account(this.dept.department, Role.SYSTEM_ADMIN);
		this.account = accountId(this.schoolLeader);

		this.period = today.plusDays(5);
		this.directive = directives.publishWithReport(this.dept, List.of(this.school), today, this.period);
		this.submittedDirective = directives.submitted(this.dept, List.of(this.school));
		this.draftDirective = directives.draft(this.dept, List.of(this.school));
		this.assignment = jdbc.sql("select id from assignment where directive_id = ? and unit_id = ?")
			.params(this.directive, this.school)
			.query(Long.class)
			.single();
		// A deadline the school has missed, to be reminded of.
		jdbc.sql("update assignment set acknowledge_by = ? where id = ?")
			.params(today.minusDays(1), this.assignment)
			.update();

		PortalHttp leader = login(this.dept.leader);
		leader.get("/directives/" + this.directive);
		leader.upload("/directives/" + this.directive + "/attachments", "phu-luc.pdf", PDF);
		this.attachment = file("DIRECTIVE", this.directive);

		PortalHttp school = login(this.schoolLeader);
		String form = "/inbox/" + this.assignment + "/reports/" + this.period;
		school.get(form);
		school.post(form, reportForm("save", null));
		school.get(form);
		school.upload(form + "/files", "bien-ban.pdf", PDF);
		school.get(form);
		assertThat(PortalHttp.location(school.post(form, reportForm("submit", version("report", reportId())))))
			.isEqualTo(form);
		this.report = reportId();
		this.reportFile = file("REPORT", this.report);

		school.get("/incidents/new");
		Map<String, String> submitted = incidentForm(UUID.randomUUID(), "submit");
		submitted.put("names", "Nguyễn Văn A (lớp 8A)");
		this.incident = idIn(PortalHttp.location(school.multipart("/incidents/new", submitted, "evidence",
				Map.of("chup-man-hinh.png", TestImages.png()))));
		this.evidence = file("INCIDENT", this.incident);
		this.incidentRequest = jdbc.sql("""
				insert into incident_request (incident_id, form_key, platform, asked, sent_on, created_at, created_by,
				                              updated_at, updated_by)
				values (?, gen_random_uuid(), 'FACEBOOK', 'REMOVE', current_date, now(), ?, now(), ?) returning id
				""")
			.params(this.incident, accountId(this.dept.officer), accountId(this.dept.officer))
			.query(Long.class)
			.single();
		school.get("/incidents/new");
		this.draftIncident = idIn(PortalHttp.location(
				school.multipart("/incidents/new", incidentForm(UUID.randomUUID(), "save"), "evidence", Map.of())));

		this.notification = firstNotificationOf(this.account);
		this.mail = jdbc.sql("""
				insert into outbox_mail (account_id, notification_id, status, attempts, last_error)
				values (?, ?, 'FAILED', 3, 'REFUSED') returning id
				""").params(this.account, this.notification).query(Long.class).single();
		// The published directive came in from the province's document system, so that
		// its status packages exist.
		jdbc.sql("update directive set registered_elsewhere = true, source_document_id = ? where id = ?")
			.params("000.00.12.H05,2020/02/25,340/SGD&ĐT-CTTT", this.directive)
			.update();
		this.pendingImport = jdbc.sql("""
				insert into interop_pending_import (id, account_id, file_name, content)
				values (gen_random_uuid(), ?, 'goi.edxml', '<edXML/>') returning id
				""").param(accountId(this.dept.leader)).query(UUID.class).single();
		this.token = jdbc.sql("""
				insert into api_token (account_id, name, token_hash, prefix, scopes, expires_at)
				values (?, 'Phần mềm trường', md5(random()::text) || md5(random()::text), 'pat_thuquy',
				        'directives:read', now() + interval '30 days') returning id
				""").param(this.account).query(Long.class).single();
	}

	/**
	 * The accounts of the Department who may see its things, each in a role of its own.
	 */
	Map<String, String> insiders() {
		Map<String, String> insiders = new LinkedHashMap<>();
		insiders.put("department leader", this.dept.leader);
		insiders.put("department officer", this.dept.officer);
		insiders.put("school leader", this.schoolLeader);
		insiders.put("school staff", this.schoolStaff);
		insiders.put("system administrator", this.admin);
		return insiders;
	}

	/**
	 * The name the profile page gives the latest session of an account: the first twelve
	 * bytes of the SHA-256 of its id, in hex.
	 */
	private String sessionHandle(String username) {
		String id = this.jdbc
			.sql("select session_id from spring_session where principal_name = ? order by creation_time desc limit 1")
			.param(username)
			.query(String.class)
			.optional()
			.orElse("none");
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(id.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 0, 12);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Signs an account of a test in, through the login form. */
	PortalHttp login(String username) {
		PortalHttp http = new PortalHttp(this.port);
		assertThat(http.login(username, TestPeople.PASSWORD).statusCode()).as("%s signs in", username).isEqualTo(302);
		http.get("/");
		return http;
	}

	long accountId(String username) {
		return this.jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
	}

	/**
	 * The paths of this Department's things, as links on a page: a page shown to someone
	 * else must hold none of them.
	 */
	List<Pattern> links() {
		List<String> paths = List.of("/directives/" + this.directive, "/directives/" + this.submittedDirective,
				"/directives/" + this.draftDirective, "/inbox/" + this.assignment, "/reports/" + this.report,
				"/incidents/" + this.incident, "/incidents/" + this.draftIncident, "/admin/users/" + this.account,
				"/admin/units/" + this.school);
		List<Pattern> links = new ArrayList<>(
				paths.stream().map((path) -> Pattern.compile(Pattern.quote(path) + "(?![0-9])")).toList());
		links.add(Pattern.compile(Pattern.quote(this.schoolName)));
		return links;
	}

	/**
	 * The request of a route on this Department's things: each path variable filled with
	 * the thing it names, each parameter that names a unit or an object given this
	 * school's, and the rest of what the route needs to do its work.
	 * @throws IllegalStateException if a path variable or a required parameter has no
	 * value here: a new route must say what it names
	 */
	Request request(Route route) {
		Map<String, String> variables = new LinkedHashMap<>();
		for (String variable : route.variables()) {
			Object value = variable(route, variable).orElseThrow(() -> new IllegalStateException(
					"No value for {" + variable + "} of " + route + ": say in PopulatedDepartment what it names"));
			variables.put(variable, String.valueOf(value));
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		references(route).forEach((name, type) -> parameters.put(name, reference(name, type)));
		parameters.putAll(form(route));
		for (String required : route.requiredParameters()) {
			if (!parameters.containsKey(required)) {
				throw new IllegalStateException("No value for the parameter " + required + " of " + route
						+ ": say in PopulatedDepartment what it takes");
			}
		}
		return new Request(route, route.fill(variables), parameters);
	}

	/** The parameters of a route that name a unit or another object. */
	static Map<String, Class<?>> references(Route route) {
		Map<String, Class<?>> references = new LinkedHashMap<>();
		route.parameters().forEach((name, type) -> {
			if (REFERENCE.matcher(name).matches()) {
				references.put(name, type);
			}
		});
		return references;
	}

	private String reference(String name, Class<?> type) {
		return switch (name) {
			case "issuer" -> String.valueOf(this.dept.department);
			case "directive", "directiveId" -> String.valueOf(this.directive);
			case "assignment" -> String.valueOf(this.assignment);
			case "reviewerId" -> String.valueOf(accountId(this.dept.officer));
			case "units", "implementers", "informed" -> "UNIT:" + this.school;
			default -> String.class.equals(type) ? this.schoolCode : String.valueOf(this.school);
		};
	}

	/**
	 * The thing a path variable names: the route's own choice if it needs a thing in
	 * another state (a draft to edit), else the thing the route up to the variable names.
	 */
	private Optional<Object> variable(Route route, String variable) {
		Map<String, Object> inState = Map.of("/directives/{id}/edit", this.draftDirective, "/directives/{id}/submit",
				this.draftDirective, "/directives/{id}/delete", this.draftDirective, "/directives/{id}/publish",
				this.submittedDirective, "/directives/{id}/return", this.submittedDirective, "/incidents/{id}/edit",
				this.draftIncident, "/incidents/{id}/delete", this.draftIncident);
		if (variable.equals("id") && inState.containsKey(route.pattern())) {
			return Optional.of(inState.get(route.pattern()));
		}
		Map<String, Object> things = Map.ofEntries(Map.entry("/admin/outbox/{id}", this.mail),
				Map.entry("/admin/units/{id}", this.school),
				Map.entry("/directives/import/{token}", this.pendingImport),
				Map.entry("/account/tokens/{id}", this.token), Map.entry("/admin/users/{id}", this.account),
				Map.entry("/directives/{id}", this.directive),
				Map.entry("/directives/{id}/attachments/{attachmentId}", this.attachment),
				Map.entry("/directives/{id}/versions/{amendment}", 0), Map.entry("/inbox/{id}", this.assignment),
				Map.entry("/inbox/{id}/reports/{period}", this.period),
				Map.entry("/inbox/{id}/reports/{period}/files/{fileId}", this.reportFile),
				Map.entry("/incidents/{id}", this.incident), Map.entry("/incidents/{id}/files/{fileId}", this.evidence),
				Map.entry("/incidents/{id}/requests/{requestId}", this.incidentRequest),
				Map.entry("/notifications/{id}", this.notification), Map.entry("/reports/{reportId}", this.report),
				Map.entry("/reports/{reportId}/files/{fileId}", this.reportFile));
		if (route.upTo(variable).equals("/login/reset/{token}")) {
			return Optional.of("a-link-that-was-never-sent");
		}
		if (route.upTo(variable).equals("/account/sessions/{handle}")) {
			return Optional.of(sessionHandle(this.schoolLeader));
		}
		return Optional.ofNullable(things.get(route.upTo(variable)));
	}

	/** What a route needs besides its references, to do what it does if it is let. */
	private Map<String, String> form(Route route) {
		String year = String.valueOf(this.today.getYear());
		return switch (route.toString()) {
			case "GET /directives/register.xlsx" -> Map.of("year", year);
			case "GET /units/lookup" -> Map.of("q", this.schoolName);
			case "POST /dashboard/remind" -> Map.of("report", "false", "due", this.today.minusDays(1).toString());
			case "POST /dashboard/report" -> Map.of("addressee", "MINISTRY");
			case "POST /directives" -> directiveForm(null);
			case "POST /directives/{id}/edit" -> directiveForm(version("directive", this.draftDirective));
			case "POST /directives/{id}/submit", "POST /directives/{id}/delete" ->
				Map.of("version", version("directive", this.draftDirective));
			case "POST /directives/{id}/publish" ->
				Map.of("version", version("directive", this.submittedDirective), "signedOn", this.today.format(DAY));
			case "POST /directives/{id}/return" ->
				Map.of("version", version("directive", this.submittedDirective), "comment", "Sửa lại phần nhiệm vụ.");
			case "POST /directives/{id}/recall" ->
				Map.of("version", version("directive", this.directive), "comment", "Thu hồi để ban hành lại.");
			case "POST /directives/register/continue" -> Map.of("year", year, "lastUsed", "40");
			case "POST /admin/holidays", "POST /admin/holidays/fixed" -> Map.of("year", "2099");
			case "POST /admin/holidays/remove" -> Map.of("year", "2099", "day", "2099-01-01");
			case "POST /notifications/preference" -> Map.of("mode", "URGENT", "hour", "6");
			case "POST /incidents/settings" -> Map.of("staffMaySubmit", "true");
			case "POST /account" -> Map.of("language", "vi");
			case "POST /inbox/{id}/forward" -> Map.of("units", "UNIT:" + this.school, "instructions", "Triển khai.");
			case "POST /inbox/{id}/reports/{period}" -> reportForm("submit", version("report", this.report));
			case "POST /reports/{reportId}/accept" -> Map.of("version", version("report", this.report));
			case "POST /reports/{reportId}/return" ->
				Map.of("version", version("report", this.report), "comment", "Bổ sung số liệu.");
			case "POST /incidents/{id}/accept", "POST /incidents/{id}/start", "POST /incidents/{id}/close" ->
				Map.of("version", version("incident", this.incident));
			case "POST /incidents/{id}/severity" ->
				Map.of("version", version("incident", this.incident), "severity", "4");
			case "POST /incidents/{id}/ask", "POST /incidents/{id}/reopen" ->
				Map.of("version", version("incident", this.incident), "text", "Nhà trường cho biết thêm.");
			case "POST /incidents/{id}/escalate" -> Map.of("version", version("incident", this.incident), "agency",
					"Công an huyện", "on", this.today.toString(), "reference", "CV-01");
			case "POST /incidents/{id}/resolve" -> Map.of("version", version("incident", this.incident), "resolution",
					"HANDLED_BY_SCHOOL", "note", "Đã xử lý.");
			case "POST /incidents/{id}/comments" -> Map.of("body", "Đã nắm thông tin.", "shared", "true");
			case "POST /incidents/{id}/requests" -> Map.of("formKey", UUID.randomUUID().toString(), "target",
					"PLATFORM", "platform", "ZALO", "asked", "REMOVE", "sentOn", this.today.toString());
			case "POST /incidents/{id}/requests/{requestId}" -> Map.of("target", "PLATFORM", "platform", "FACEBOOK",
					"asked", "REMOVE", "sentOn", this.today.toString(), "answeredOn", this.today.toString(), "outcome",
					"REMOVED", "version", version("incident_request", this.incidentRequest));
			case "POST /incidents/new" -> incidentForm(UUID.randomUUID(), "submit");
			case "POST /incidents/{id}/edit" -> draftForm();
			case "POST /admin/users" -> Map.of("username", "t.moi." + UUID.randomUUID().toString().substring(0, 8),
					"fullName", "Người Mới", "roles", "UNIT_STAFF");
			case "POST /admin/users/{id}" -> Map.of("username", this.schoolLeader, "fullName", "Người Đổi Tên",
					"unitCode", this.schoolCode, "roles", "UNIT_LEADER", "version", version("account", this.account));
			case "POST /admin/units" -> unitForm("THCSM-" + UUID.randomUUID().toString().substring(0, 6), null);
			case "POST /admin/units/{id}" -> unitForm(this.schoolCode, version("unit", this.school));
			case "POST /admin/units/{id}/close" ->
				Map.of("closedOn", this.today.format(DAY), "version", version("unit", this.school));
			default -> Map.of();
		};
	}

	private Map<String, String> directiveForm(String version) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("type", "CONG_VAN");
		form.put("secrecy", "NONE");
		form.put("urgency", "NORMAL");
		form.put("issuerName", "SỞ GIÁO DỤC VÀ ĐÀO TẠO");
		form.put("issuerAbbreviation", "SGD&ĐT");
		form.put("place", "Bến Tre");
		form.put("subject", "phòng, chống bạo lực học đường");
		form.put("tasks[0].text", "Tổ chức sinh hoạt chuyên đề.");
		form.put("implementers[0]", "UNIT:" + this.school);
		form.put("reportSchedule", "NONE");
		form.put("signerPosition", "GIÁM ĐỐC");
		form.put("signerName", "Nguyễn Văn Hùng");
		if (version != null) {
			form.put("version", version);
		}
		return form;
	}

	private Map<String, String> reportForm(String action, String version) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("action", action);
		for (int i = 0; i < 5; i++) {
			form.put("tasks[" + i + "].status", (i == 0) ? "DONE" : "IN_PROGRESS");
			form.put("tasks[" + i + "].narrative", (i == 0) ? "Đã tổ chức 2 buổi sinh hoạt." : "");
		}
		form.put("figures", "2 buổi");
		if (version != null) {
			form.put("version", version);
		}
		return form;
	}

	private Map<String, String> incidentForm(UUID key, String action) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("action", action);
		form.put("formKey", key.toString());
		form.put("version", "0");
		form.put("detectedAt",
				LocalDateTime.now(ICT).minusHours(2).format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")));
		form.put("platform", "FACEBOOK");
		form.put("urls", "https://www.facebook.com/thuquyen/posts/" + key.toString().substring(0, 8));
		form.put("category", "BNTT");
		form.put("severity", "2");
		form.put("summary", "Bài đăng chế giễu một học sinh lớp 8.");
		form.put("press", "NONE");
		form.put("people[0].role", "STUDENT");
		form.put("people[0].ageBand", "FROM_7_TO_15");
		form.put("people[0].count", "1");
		form.put("actions", "REMOVAL_REQUESTED");
		return form;
	}

	private Map<String, String> draftForm() {
		UUID key = this.jdbc.sql("select form_key from incident where id = ?")
			.param(this.draftIncident)
			.query(UUID.class)
			.single();
		Map<String, String> form = incidentForm(key, "save");
		form.put("version", version("incident", this.draftIncident));
		return form;
	}

	private Map<String, String> unitForm(String code, String version) {
		String districtCode = this.jdbc.sql("select code from unit where id = ?")
			.param(this.dept.districtOne)
			.query(String.class)
			.single();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("code", code);
		form.put("name", "Trường THCS Đổi Tên");
		form.put("type", "LOWER_SECONDARY");
		form.put("ownership", "PUBLIC");
		form.put("parentCode", districtCode);
		form.put("validFrom", "01/01/2010");
		if (version != null) {
			form.put("version", version);
		}
		return form;
	}

	private String version(String table, long id) {
		return String.valueOf(
				this.jdbc.sql("select version from " + table + " where id = ?").param(id).query(Long.class).single());
	}

	private long reportId() {
		return this.jdbc.sql("select id from report where assignment_id = ?")
			.param(this.assignment)
			.query(Long.class)
			.single();
	}

	private long file(String ownerType, long ownerId) {
		return this.jdbc.sql("select id from stored_file where owner_type = ? and owner_id = ? order by id limit 1")
			.params(ownerType, ownerId)
			.query(Long.class)
			.single();
	}

	/**
	 * The first notification of an account; those of a publication come after it commits.
	 */
	private long firstNotificationOf(long accountId) {
		Instant until = Instant.now().plus(Duration.ofSeconds(10));
		while (true) {
			Optional<Long> first = this.jdbc.sql("select min(id) from notification where account_id = ?")
				.param(accountId)
				.query(Long.class)
				.optional();
			if (first.isPresent()) {
				return first.get();
			}
			assertThat(Instant.now()).as("a notification of the publication within 10 s").isBefore(until);
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private static long idIn(String location) {
		assertThat(location).matches("/incidents/\\d+(/edit)?");
		return Long.parseLong(location.replaceAll("\\D", ""));
	}

	/**
	 * A request of a route.
	 *
	 * @param route the route
	 * @param path its path, its variables filled
	 * @param parameters its parameters: the query of a GET, the form of a POST
	 */
	record Request(Route route, String path, Map<String, String> parameters) {

		/** Sends the request as the account of a client, a POST with its CSRF token. */
		HttpResponse<String> send(PortalHttp http) {
			if (this.route.method() == RequestMethod.GET) {
				return http.get(url());
			}
			String files = this.route.fileField();
			if (files != null) {
				return http.multipart(this.path, this.parameters, files, Map.of("phu-luc.pdf", PDF));
			}
			return http.post(this.path, this.parameters);
		}

		String url() {
			if (this.parameters.isEmpty()) {
				return this.path;
			}
			return this.path + "?"
					+ this.parameters.entrySet()
						.stream()
						.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
						.collect(Collectors.joining("&"));
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

		@Override
		public String toString() {
			return this.route.method() + " " + url();
		}

	}

}
