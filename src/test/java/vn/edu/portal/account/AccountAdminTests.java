package vn.edu.portal.account;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

import vn.edu.portal.PortalHttp;
import vn.edu.portal.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AccountAdminTests {

	private static final String PASSWORD = "Mot-mat-khau-rieng-2026";

	private static final Pattern LISTED = Pattern.compile("<a href=\"/admin/users/\\d+\">([^<]+)</a>");

	private static final Pattern TEMPORARY = Pattern.compile("<code class=\"fs-5 user-select-all\">([^<]+)</code>");

	private static final Pattern INPUT = Pattern.compile("<input[^>]*>");

	private static final String DISABLED_BADGE = "badge text-bg-secondary\">Đã vô hiệu hóa</span>";

	private static final String LOCKED_BADGE = "badge text-bg-warning\">Đang tạm khóa</span>";

	private static final String MUST_CHANGE_BADGE = "badge text-bg-info\">Dùng mật khẩu tạm</span>";

	private static final String ACTIVE_BADGE = "badge text-bg-success\">Đang hoạt động</span>";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountService accounts;

	@Test
	void theListFiltersByUnitRoleStatusAndTextWithoutDiacritics() {
		String unit = insertUnit("T-" + suffix(), "PRIMARY", unitId("PGD-GTR"));
		String active = account(unit, Role.UNIT_LEADER, false);
		String temporary = account(unit, Role.UNIT_STAFF, true);
		String disabled = account(unit, Role.UNIT_STAFF, false);
		this.jdbc.sql("update account set enabled = false where username = ?").param(disabled).update();
		PortalHttp admin = admin();

		assertThat(listAll(admin, "unit=" + unit)).containsExactlyInAnyOrder(active, temporary, disabled);
		assertThat(listAll(admin, "unit=" + unit + "&role=UNIT_STAFF")).containsExactlyInAnyOrder(temporary, disabled);
		assertThat(listAll(admin, "unit=" + unit + "&status=DISABLED")).containsExactly(disabled);
		assertThat(listAll(admin, "unit=" + unit + "&status=MUST_CHANGE")).containsExactly(temporary);
		assertThat(listAll(admin, "unit=" + unit + "&status=ACTIVE")).contains(active).doesNotContain(disabled);

		List<String> chuyenBenTre = listAll(admin, "unit=THPT-CHUYENBENTRE");
		assertThat(chuyenBenTre).contains("thpt.chuyenbentre", "thpt.chuyenbentre.gv")
			.doesNotContain(TestAccounts.DEPARTMENT_LEADER, TestAccounts.SCHOOL_LEADER);
		assertThat(chuyenBenTre)
			.allSatisfy((username) -> assertThat(unitCodeOf(username)).isEqualTo("THPT-CHUYENBENTRE"));

		List<String> officers = listAll(admin, "role=DEPARTMENT_OFFICER");
		assertThat(officers).contains(TestAccounts.DEPARTMENT_OFFICER)
			.doesNotContain(TestAccounts.DEPARTMENT_LEADER, TestAccounts.SCHOOL_LEADER);
		assertThat(officers).allSatisfy((username) -> assertThat(rolesOf(username)).contains("DEPARTMENT_OFFICER"));

		assertThat(listAll(admin, "q=pham+thi+lan")).contains(TestAccounts.SCHOOL_LEADER)
			.doesNotContain(TestAccounts.DEPARTMENT_LEADER);
		assertThat(listAll(admin, "q=" + encode("PHẠM Thị LAN"))).contains(TestAccounts.SCHOOL_LEADER);
		assertThat(admin.get("/admin/users?q=khong-co-ai-ten-nay").body()).contains("Không có tài khoản nào khớp.");
	}

	@Test
	void creatingAnAccountSavesItWithATemporaryPasswordAndAuditsIt() {
		PortalHttp admin = admin();
		admin.get("/admin/users/new");
		String username = "t." + suffix().toLowerCase();
		Map<String, String> form = form("T." + username.substring(2).toUpperCase(), "Nguyễn Thị Thử",
				"THPT-CHUYENBENTRE", Role.UNIT_STAFF);
		form.put("email", "thu.nguyen@bentre.edu.vn");
		form.put("phone", "0275 3822 999");

		HttpResponse<String> created = admin.post("/admin/users", form);

		long id = accountId(username);
		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(created.body()).contains("Đã tạo tài khoản.", "/admin/users/" + id);
		assertThat(this.jdbc.sql("""
				select a.full_name || '|' || a.email || '|' || a.phone || '|' || u.code || '|'
				       || a.must_change_password || '|' || a.enabled
				from account a join unit u on u.id = a.unit_id where a.id = ?
				""").param(id).query(String.class).single())
			.isEqualTo("Nguyễn Thị Thử|thu.nguyen@bentre.edu.vn|0275 3822 999|THPT-CHUYENBENTRE|true|true");
		assertThat(rolesOf(username)).containsExactly("UNIT_STAFF");
		assertThat(this.jdbc.sql("""
				select actor || '|' || (details -> 'after' ->> 'username') || '|' || (details -> 'after' ->> 'fullName')
				       || '|' || (details -> 'after' ->> 'email') || '|' || (details -> 'after' ->> 'roles')
				       || '|' || (details -> 'after' ->> 'unitId') || '|' || (details -> 'after' ->> 'enabled')
				from audit_event where action = 'ACCOUNT_CREATED' and object_id = ?
				""").param(String.valueOf(id)).query(String.class).single()).isEqualTo("admin|" + username
				+ "|Nguyễn Thị Thử|thu.nguyen@bentre.edu.vn|[UNIT_STAFF]|" + unitId("THPT-CHUYENBENTRE") + "|true");
		assertThat(listAll(admin, "q=" + username)).containsExactly(username);
		assertThat(admin.get("/admin/users?q=" + username).body()).contains(MUST_CHANGE_BADGE);
	}

	@Test
	void aNewAccountsTemporaryPasswordIsShownOnceAndMustBeChangedAtFirstLogin() {
		PortalHttp admin = admin();
		admin.get("/admin/users/new");
		String username = "t." + suffix().toLowerCase();

		HttpResponse<String> created = admin.post("/admin/users",
				form(username, "Nguyễn Thị Thử", "THPT-CHUYENBENTRE", Role.UNIT_STAFF));

		long id = accountId(username);
		HttpResponse<String> shown = created;
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(shown.body()).contains("Đã tạo tài khoản.", "Mật khẩu tạm thời (chỉ hiện lần này");
		String temporary = temporaryPasswordIn(shown.body());
		assertThat(temporary).hasSize(16);
		assertThat(admin.get("/admin/users/" + id).body()).doesNotContain(temporary)
			.doesNotContain("Mật khẩu tạm thời (chỉ hiện lần này");
		assertThat(auditDetailsOf(id)).allSatisfy((details) -> assertThat(details).doesNotContain(temporary));
		assertThat(sessionsHolding(temporary)).as("never written to the session table").isZero();

		PortalHttp user = new PortalHttp(this.port);
		assertThat(PortalHttp.location(user.login(username, temporary))).isEqualTo("/");
		assertThat(PortalHttp.location(user.get("/"))).isEqualTo("/account/password");
		assertThat(user.get("/account/password").body()).contains("Bạn đang dùng mật khẩu tạm thời");
	}

	@Test
	void badInputIsExplainedBesideTheFieldKeepsWhatWasTypedAndSavesNothing() {
		PortalHttp admin = admin();
		admin.get("/admin/users/new");
		long before = accountCount();

		String spaces = page(
				admin.post("/admin/users", form("co dau cach", "Người Sai Tên", "THPT-CHUYENBENTRE", Role.UNIT_STAFF)));
		assertThat(errorBeside(spaces, "username"))
			.isEqualTo("Tên đăng nhập chỉ gồm chữ cái không dấu, chữ số và các dấu . _ -");
		assertThat(spaces).contains("value=\"co dau cach\"", "value=\"Người Sai Tên\"", "value=\"THPT-CHUYENBENTRE\"");
		assertThat(checkedRoles(spaces)).containsExactly("UNIT_STAFF");

		String username = "t." + suffix().toLowerCase();
		String noRole = page(
				admin.post("/admin/users", form(username, "Người Không Vai Trò", "THPT-CHUYENBENTRE", null)));
		assertThat(errorBeside(noRole, "roles")).isEqualTo("Chọn ít nhất một vai trò.");
		assertThat(noRole).contains("value=\"" + username + "\"", "value=\"Người Không Vai Trò\"");
		assertThat(checkedRoles(noRole)).isEmpty();

		String unknownUnit = page(
				admin.post("/admin/users", form(username, "Người Đơn Vị Lạ", "KHONG-CO-MA-NAY", Role.UNIT_LEADER)));
		assertThat(errorBeside(unknownUnit, "unitCode"))
			.isEqualTo("Không tìm thấy đơn vị có mã này trong phạm vi quản lý của bạn.");
		assertThat(unknownUnit).contains("value=\"" + username + "\"", "value=\"KHONG-CO-MA-NAY\"",
				"value=\"Người Đơn Vị Lạ\"");
		assertThat(checkedRoles(unknownUnit)).containsExactly("UNIT_LEADER");

		String departmentRole = page(admin.post("/admin/users",
				form(username, "Người Nhầm Vai Trò", "GTR-THCS-PHUOCLONG", Role.DEPARTMENT_LEADER)));
		assertThat(errorBeside(departmentRole, "roles"))
			.isEqualTo("Vai trò của Sở chỉ dành cho tài khoản thuộc Sở hoặc các phòng của Sở.");
		assertThat(departmentRole).contains("value=\"GTR-THCS-PHUOCLONG\"", "value=\"Người Nhầm Vai Trò\"");
		assertThat(checkedRoles(departmentRole)).containsExactly("DEPARTMENT_LEADER");

		for (String taken : List.of(TestAccounts.SCHOOL_LEADER, "THCS.GiongTrom")) {
			String page = page(
					admin.post("/admin/users", form(taken, "Người Trùng Tên", "GTR-THCS-PHUOCLONG", Role.UNIT_STAFF)));
			assertThat(errorBeside(page, "username")).as(taken).isEqualTo("Tên đăng nhập này đã có người dùng.");
			assertThat(page).contains("value=\"" + taken + "\"", "value=\"Người Trùng Tên\"");
		}

		assertThat(accountCount()).isEqualTo(before);
		assertThat(this.jdbc.sql("select count(*) from account where username in (?, ?)")
			.param("co dau cach")
			.param(username)
			.query(Long.class)
			.single()).isZero();
		assertThat(fullNameOf(TestAccounts.SCHOOL_LEADER)).isEqualTo("Phạm Thị Lan");
		assertThat(unitCodeOf(TestAccounts.SCHOOL_LEADER)).isEqualTo("GTR-THCS-PHUOCLONG");
	}

	@Test
	void aStaleEditIsAConflictAndKeepsTheFirstEdit() {
		String username = account("THPT-CHUYENBENTRE", Role.UNIT_STAFF, false);
		long id = accountId(username);
		PortalHttp admin = admin();
		admin.get("/admin/users?q=" + username);
		Map<String, String> first = form(username, "Tên của người thứ nhất", "THPT-CHUYENBENTRE", Role.UNIT_LEADER);
		first.put("version", String.valueOf(version(id)));
		Map<String, String> second = form(username, "Tên của người thứ hai", "THPT-CHUYENBENTRE", Role.UNIT_STAFF);
		second.put("version", String.valueOf(version(id)));

		HttpResponse<String> saved = admin.post("/admin/users/" + id, first);
		HttpResponse<String> conflict = admin.post("/admin/users/" + id, second);

		assertThat(PortalHttp.location(saved)).isEqualTo("/admin/users/" + id);
		assertThat(conflict.statusCode()).isEqualTo(409);
		assertThat(conflict.body()).contains("Dữ liệu đã bị thay đổi");
		assertThat(fullNameOf(username)).isEqualTo("Tên của người thứ nhất");
		assertThat(rolesOf(username)).containsExactly("UNIT_LEADER");
		assertThat(this.jdbc.sql("""
				select (details -> 'before' ->> 'fullName') || '|' || (details -> 'before' ->> 'roles')
				       || '|' || (details -> 'after' ->> 'fullName') || '|' || (details -> 'after' ->> 'roles')
				from audit_event where action = 'ACCOUNT_UPDATED' and object_id = ?
				""").param(String.valueOf(id)).query(String.class).list())
			.containsExactly("Người Kiểm Thử|[UNIT_STAFF]|Tên của người thứ nhất|[UNIT_LEADER]");
	}

	@Test
	void theAccountPageShowsTheAccountItsStatusAndTheOutcomeOfEachAction() {
		String username = account("THPT-CHUYENBENTRE", Role.UNIT_STAFF, false);
		long id = accountId(username);
		PortalHttp admin = admin();

		HttpResponse<String> opened = admin.get("/admin/users/" + id);

		assertThat(opened.statusCode()).isEqualTo(200);
		String page = page(opened);
		assertThat(page)
			.contains(">" + username + "</h1>", "value=\"Người Kiểm Thử\"", "value=\"THPT-CHUYENBENTRE\"",
					"name=\"version\" value=\"" + version(id) + "\"", "Vô hiệu hóa", "Đặt lại mật khẩu")
			.doesNotContain(DISABLED_BADGE, "Kích hoạt lại");
		assertThat(checkedRoles(page)).containsExactly("UNIT_STAFF");

		admin.post("/admin/users/" + id + "/disable", Map.of());
		assertThat(admin.get("/admin/users/" + id).body()).contains("Đã vô hiệu hóa tài khoản.", DISABLED_BADGE,
				"Kích hoạt lại");
		assertThat(admin.get("/admin/users/" + id).body()).contains(DISABLED_BADGE)
			.doesNotContain("Đã vô hiệu hóa tài khoản.");

		admin.post("/admin/users/" + id + "/enable", Map.of());
		assertThat(admin.get("/admin/users/" + id).body()).contains("Đã kích hoạt lại tài khoản.")
			.doesNotContain(DISABLED_BADGE);

		Map<String, String> edit = form(username, "Tên Đã Sửa", "THPT-CHUYENBENTRE", Role.UNIT_LEADER);
		edit.put("version", String.valueOf(version(id)));
		admin.post("/admin/users/" + id, edit);
		String edited = page(admin.get("/admin/users/" + id));
		assertThat(edited).contains("Đã lưu tài khoản.", "value=\"Tên Đã Sửa\"");
		assertThat(checkedRoles(edited)).containsExactly("UNIT_LEADER");
	}

	@Test
	void aDisabledAccountCannotLogInUntilEnabledAgain() {
		String username = account("THPT-CHUYENBENTRE", Role.UNIT_LEADER, false);
		long id = accountId(username);
		PortalHttp admin = admin();
		assertThat(admin.get("/admin/users?q=" + username).body()).doesNotContain(DISABLED_BADGE);

		HttpResponse<String> disabled = admin.post("/admin/users/" + id + "/disable", Map.of());

		assertThat(PortalHttp.location(disabled)).isEqualTo("/admin/users/" + id);
		assertThat(enabled(username)).isFalse();
		assertThat(admin.get("/admin/users?q=" + username).body()).contains(DISABLED_BADGE);
		assertThat(listAll(admin, "status=DISABLED&q=" + username)).containsExactly(username);
		assertThat(PortalHttp.location(new PortalHttp(this.port).login(username, PASSWORD))).isEqualTo("/login?error");

		HttpResponse<String> enabled = admin.post("/admin/users/" + id + "/enable", Map.of());

		assertThat(PortalHttp.location(enabled)).isEqualTo("/admin/users/" + id);
		assertThat(enabled(username)).isTrue();
		assertThat(admin.get("/admin/users?q=" + username).body()).doesNotContain(DISABLED_BADGE)
			.contains(ACTIVE_BADGE);
		PortalHttp user = new PortalHttp(this.port);
		assertThat(PortalHttp.location(user.login(username, PASSWORD))).isEqualTo("/");
		assertThat(user.get("/").body()).contains("Xin chào, Người Kiểm Thử");
		assertThat(auditActionsOf(id)).containsSubsequence("ACCOUNT_DISABLED", "ACCOUNT_ENABLED");
	}

	@Test
	void disablingAnAccountEndsItsOpenSessions() {
		String username = account("THPT-CHUYENBENTRE", Role.UNIT_LEADER, false);
		long id = accountId(username);
		PortalHttp user = new PortalHttp(this.port);
		user.login(username, PASSWORD);
		assertThat(user.get("/").statusCode()).isEqualTo(200);
		PortalHttp admin = admin();
		admin.get("/admin/users?q=" + username);

		admin.post("/admin/users/" + id + "/disable", Map.of());

		assertThat(enabled(username)).isFalse();
		assertThat(PortalHttp.location(user.get("/"))).isEqualTo("/login");
	}

	@Test
	void unlockingLetsAnAccountLockedByTheFormerLockoutInAgain() {
		String username = account("THPT-CHUYENBENTRE", Role.UNIT_STAFF, false);
		long id = accountId(username);
		PortalHttp user = new PortalHttp(this.port);
		// Wrong passwords no longer lock an account; a lock set before the upgrade lasts
		// until it ends or an administrator releases it.
		this.jdbc.sql("update account set locked_until = now() + interval '1 day' where id = ?").param(id).update();
		assertThat(lockedNow(username)).isTrue();
		assertThat(PortalHttp.location(user.login(username, PASSWORD))).isEqualTo("/login?error");
		PortalHttp admin = admin();
		assertThat(admin.get("/admin/users?q=" + username).body()).contains(LOCKED_BADGE);
		assertThat(listAll(admin, "status=LOCKED&q=" + username)).containsExactly(username);

		HttpResponse<String> unlocked = admin.post("/admin/users/" + id + "/unlock", Map.of());

		assertThat(PortalHttp.location(unlocked)).isEqualTo("/admin/users/" + id);
		assertThat(lockedNow(username)).isFalse();
		assertThat(admin.get("/admin/users?q=" + username).body()).doesNotContain(LOCKED_BADGE);
		assertThat(PortalHttp.location(user.login(username, PASSWORD))).isEqualTo("/");
		assertThat(auditActionsOf(id)).contains("ACCOUNT_UNLOCKED");
	}

	@Test
	void resettingThePasswordRetiresTheOldOne() {
		String username = account("THPT-CHUYENBENTRE", Role.UNIT_LEADER, false);
		long id = accountId(username);
		String hash = passwordHashOf(username);
		PortalHttp admin = admin();
		admin.get("/admin/users?q=" + username);

		HttpResponse<String> reset = admin.post("/admin/users/" + id + "/password", Map.of());

		assertThat(reset.statusCode()).isEqualTo(200);
		assertThat(passwordHashOf(username)).isNotEqualTo(hash);
		assertThat(mustChangePassword(username)).isTrue();
		assertThat(admin.get("/admin/users?q=" + username).body()).contains(MUST_CHANGE_BADGE);
		assertThat(PortalHttp.location(new PortalHttp(this.port).login(username, PASSWORD))).isEqualTo("/login?error");
		assertThat(auditActionsOf(id)).contains("PASSWORD_RESET");
	}

	@Test
	void theTemporaryPasswordOfAResetIsShownOnceAndMustBeChanged() {
		String username = account("THPT-CHUYENBENTRE", Role.UNIT_LEADER, false);
		long id = accountId(username);
		PortalHttp admin = admin();
		admin.get("/admin/users?q=" + username);

		String page = admin.post("/admin/users/" + id + "/password", Map.of()).body();

		assertThat(page).contains("Đã đặt mật khẩu tạm thời mới.");
		String temporary = temporaryPasswordIn(page);
		assertThat(admin.get("/admin/users/" + id).body()).doesNotContain(temporary).contains(MUST_CHANGE_BADGE);
		assertThat(PortalHttp.location(new PortalHttp(this.port).login(username, PASSWORD))).isEqualTo("/login?error");
		PortalHttp user = new PortalHttp(this.port);
		assertThat(PortalHttp.location(user.login(username, temporary))).isEqualTo("/");
		assertThat(PortalHttp.location(user.get("/"))).isEqualTo("/account/password");
		assertThat(auditDetailsOf(id)).allSatisfy((details) -> assertThat(details).doesNotContain(temporary));
		assertThat(sessionsHolding(temporary)).as("never written to the session table").isZero();
	}

	private int sessionsHolding(String text) {
		return this.jdbc.sql("select count(*) from spring_session_attributes where position(? in attribute_bytes) > 0")
			.param(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.query(Integer.class)
			.single();
	}

	@Test
	void resettingThePasswordEndsTheSessionsOpenedWithTheOldOne() {
		String username = account("THPT-CHUYENBENTRE", Role.UNIT_LEADER, false);
		long id = accountId(username);
		PortalHttp user = new PortalHttp(this.port);
		user.login(username, PASSWORD);
		assertThat(user.get("/").statusCode()).isEqualTo(200);
		PortalHttp admin = admin();
		admin.get("/admin/users?q=" + username);

		admin.post("/admin/users/" + id + "/password", Map.of());

		assertThat(mustChangePassword(username)).isTrue();
		assertThat(PortalHttp.location(user.get("/"))).isEqualTo("/login");
	}

	@Test
	void takingARoleAwayTakesEffectInTheOpenSessions() {
		PortalHttp admin = admin();
		admin.get("/admin/users/new");
		String demoted = "t.qt." + suffix().toLowerCase();
		try {
			this.accounts.create(demoted, "Quản trị bị hạ quyền", null, Set.of(Role.SYSTEM_ADMIN), PASSWORD, false);
			long id = accountId(demoted);
			PortalHttp session = new PortalHttp(this.port);
			session.login(demoted, PASSWORD);
			assertThat(session.get("/admin/users").statusCode()).isEqualTo(200);
			Map<String, String> edit = form(demoted, "Quản trị bị hạ quyền", "THPT-CHUYENBENTRE", Role.UNIT_STAFF);
			edit.put("version", String.valueOf(version(id)));

			HttpResponse<String> saved = admin.post("/admin/users/" + id, edit);

			assertThat(PortalHttp.location(saved)).isEqualTo("/admin/users/" + id);
			assertThat(rolesOf(demoted)).containsExactly("UNIT_STAFF");
			assertThat(session.get("/admin/users").statusCode()).isIn(302, 403);
		}
		finally {
			this.jdbc.sql("update account set enabled = false where username = ?").param(demoted).update();
		}
	}

	@Test
	void theLastActiveSystemAdministratorCannotBeDisabled() {
		PortalHttp admin = admin();
		admin.get("/admin/users/new");
		String second = "t.qt." + suffix().toLowerCase();
		long adminId = accountId(TestAccounts.ADMIN);
		try {
			HttpResponse<String> created = admin.post("/admin/users",
					form(second, "Quản trị thứ hai", "", Role.SYSTEM_ADMIN));
			long secondId = accountId(second);
			assertThat(created.body()).contains("Đã tạo tài khoản.", "/admin/users/" + secondId);
			assertThat(this.jdbc.sql("select unit_id from account where id = ?")
				.param(secondId)
				.query(Long.class)
				.optional()).isEmpty();
			admin.get("/admin/users?q=" + second);

			HttpResponse<String> secondDisabled = admin.post("/admin/users/" + secondId + "/disable", Map.of());

			assertThat(PortalHttp.location(secondDisabled)).isEqualTo("/admin/users/" + secondId);
			assertThat(enabled(second)).isFalse();
			assertNoOtherActiveSystemAdministrator();

			HttpResponse<String> refused = admin.post("/admin/users/" + adminId + "/disable", Map.of());

			assertThat(PortalHttp.location(refused)).isEqualTo("/admin/users/" + adminId);
			assertThat(enabled(TestAccounts.ADMIN)).isTrue();
			assertThat(auditActionsOf(adminId)).doesNotContain("ACCOUNT_DISABLED");
			assertThat(rowOf(admin.get("/admin/users?q=admin").body(), TestAccounts.ADMIN))
				.as("other tests' accounts named like it may be disabled, not this one")
				.doesNotContain(DISABLED_BADGE);
			assertThat(PortalHttp
				.location(new PortalHttp(this.port).login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD)))
				.isEqualTo("/");
		}
		finally {
			this.jdbc.sql("update account set enabled = false where username = ?").param(second).update();
			this.jdbc.sql("update account set enabled = true where username = 'admin' and not enabled").update();
		}
	}

	@Test
	void refusingToDisableTheLastAdministratorIsExplainedOnItsPage() {
		long adminId = accountId(TestAccounts.ADMIN);
		PortalHttp admin = admin();
		admin.get("/admin/users?q=admin");
		assertNoOtherActiveSystemAdministrator();
		try {
			admin.post("/admin/users/" + adminId + "/disable", Map.of());

			assertThat(enabled(TestAccounts.ADMIN)).isTrue();
			assertThat(admin.get("/admin/users/" + adminId).body())
				.contains("Không thể bỏ quản trị hệ thống cuối cùng đang hoạt động.")
				.doesNotContain("Đã vô hiệu hóa tài khoản.", DISABLED_BADGE);
		}
		finally {
			this.jdbc.sql("update account set enabled = true where username = 'admin' and not enabled").update();
		}
	}

	@Test
	void onlySystemAdministratorsManageAccounts() {
		String target = account("THPT-CHUYENBENTRE", Role.UNIT_STAFF, false);
		long targetId = accountId(target);
		for (String username : List.of(TestAccounts.DEPARTMENT_LEADER, TestAccounts.SCHOOL_LEADER)) {
			PortalHttp http = new PortalHttp(this.port);
			assertThat(PortalHttp.location(http.login(username, TestAccounts.DEMO_PASSWORD))).isEqualTo("/");
			assertThat(http.get("/account").statusCode()).as("a page with a fresh CSRF token").isEqualTo(200);
			long before = accountCount();

			assertThat(http.get("/admin/users").statusCode()).as(username).isEqualTo(403);
			assertThat(http.get("/admin/users/" + targetId).statusCode()).as(username).isEqualTo(403);
			assertThat(http.get("/admin/users/new").statusCode()).as(username).isEqualTo(403);
			assertThat(http
				.post("/admin/users",
						form("t." + suffix().toLowerCase(), "Không Được Tạo", "THPT-CHUYENBENTRE", Role.UNIT_STAFF))
				.statusCode()).as(username).isEqualTo(403);
			Map<String, String> edit = form(target, "Không Được Sửa", "THPT-CHUYENBENTRE", Role.UNIT_LEADER);
			edit.put("version", String.valueOf(version(targetId)));
			assertThat(http.post("/admin/users/" + targetId, edit).statusCode()).as(username).isEqualTo(403);
			assertThat(http.post("/admin/users/" + targetId + "/disable", Map.of()).statusCode()).as(username)
				.isEqualTo(403);
			assertThat(http.post("/admin/users/" + targetId + "/password", Map.of()).statusCode()).as(username)
				.isEqualTo(403);

			assertThat(accountCount()).isEqualTo(before);
			assertThat(fullNameOf(target)).isEqualTo("Người Kiểm Thử");
			assertThat(enabled(target)).isTrue();
			assertThat(mustChangePassword(target)).isFalse();
		}
		assertThat(admin().get("/admin/users/999999999").statusCode()).isEqualTo(404);
	}

	@Test
	void aSystemAdministratorOfAnotherProvinceSeesOnlyThatProvince() {
		String department = insertUnit("SGDDT-VL-" + suffix(), "DEPARTMENT", null);
		String school = insertUnit("VL-TH-" + suffix(), "PRIMARY", unitId(department));
		String teacher = account(school, Role.UNIT_STAFF, false);
		String benTre = account("THPT-CHUYENBENTRE", Role.UNIT_STAFF, false);
		String scopedAdmin = "t.qtvl." + suffix().toLowerCase();
		this.accounts.create(scopedAdmin, "Quản trị Sở Vĩnh Long", unitId(department), Set.of(Role.SYSTEM_ADMIN),
				PASSWORD, false);
		try {
			PortalHttp http = new PortalHttp(this.port);
			assertThat(PortalHttp.location(http.login(scopedAdmin, PASSWORD))).isEqualTo("/");

			assertThat(listAll(http, "")).containsExactlyInAnyOrder(scopedAdmin, teacher);
			assertThat(http.get("/admin/users?q=lanhdao").body()).contains("Không có tài khoản nào khớp.");
			assertThat(http.get("/admin/users?unit=THPT-CHUYENBENTRE").body()).contains("Không có tài khoản nào khớp.");
			for (String outside : List.of(TestAccounts.DEPARTMENT_LEADER, TestAccounts.ADMIN, benTre)) {
				HttpResponse<String> response = http.get("/admin/users/" + accountId(outside));
				assertThat(response.statusCode()).as(outside).isEqualTo(404);
				assertThat(response.body()).contains("Không tìm thấy trang").doesNotContain(">" + outside + "<");
			}
			http.get("/admin/users");
			Map<String, String> edit = form(benTre, "Không Được Sửa", school, Role.UNIT_STAFF);
			edit.put("version", String.valueOf(version(accountId(benTre))));
			assertThat(http.post("/admin/users/" + accountId(benTre), edit).statusCode()).isEqualTo(404);
			assertThat(http.post("/admin/users/" + accountId(benTre) + "/disable", Map.of()).statusCode())
				.isEqualTo(404);
			assertThat(http.post("/admin/users/" + accountId(benTre) + "/password", Map.of()).statusCode())
				.isEqualTo(404);
			assertThat(fullNameOf(benTre)).isEqualTo("Người Kiểm Thử");
			assertThat(enabled(benTre)).isTrue();
			assertThat(mustChangePassword(benTre)).isFalse();

			http.get("/admin/users/new");
			long before = accountCount();
			String username = "t." + suffix().toLowerCase();
			String refused = page(
					http.post("/admin/users", form(username, "Ngoài Phạm Vi", "THPT-CHUYENBENTRE", Role.UNIT_STAFF)));
			assertThat(errorBeside(refused, "unitCode"))
				.isEqualTo("Không tìm thấy đơn vị có mã này trong phạm vi quản lý của bạn.");
			assertThat(refused).contains("value=\"THPT-CHUYENBENTRE\"", "value=\"" + username + "\"");
			String withoutUnit = page(
					http.post("/admin/users", form(username, "Quản Trị Toàn Quốc", "", Role.SYSTEM_ADMIN)));
			assertThat(errorBeside(withoutUnit, "unitCode")).isEqualTo("Vui lòng nhập mã đơn vị.");
			assertThat(accountCount()).isEqualTo(before);

			HttpResponse<String> inScope = http.post("/admin/users",
					form(username, "Giáo Viên Vĩnh Long", school, Role.UNIT_STAFF));
			assertThat(inScope.body()).contains("Đã tạo tài khoản.", "/admin/users/" + accountId(username));
			assertThat(unitCodeOf(username)).isEqualTo(school);
			assertThat(listAll(http, "")).containsExactlyInAnyOrder(scopedAdmin, teacher, username);
		}
		finally {
			this.jdbc.sql("update account set enabled = false where username = ?").param(scopedAdmin).update();
		}
	}

	private PortalHttp admin() {
		PortalHttp admin = new PortalHttp(this.port);
		assertThat(PortalHttp.location(admin.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD))).isEqualTo("/");
		return admin;
	}

	/** An account of the test's own, with {@link #PASSWORD}. */
	private String account(String unitCode, Role role, boolean mustChangePassword) {
		String username = "t." + suffix().toLowerCase();
		this.accounts.create(username, "Người Kiểm Thử", unitId(unitCode), Set.of(role), PASSWORD, mustChangePassword);
		return username;
	}

	private static Map<String, String> form(String username, String fullName, String unitCode, Role role) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("version", "");
		form.put("username", username);
		form.put("fullName", fullName);
		form.put("email", "");
		form.put("phone", "");
		form.put("unitCode", unitCode);
		if (role != null) {
			form.put("roles", role.name());
		}
		form.put("_roles", "on");
		return form;
	}

	/** The usernames of every page of the list for a query. */
	private static List<String> listAll(PortalHttp http, String query) {
		List<String> usernames = new ArrayList<>();
		for (int page = 0;; page++) {
			HttpResponse<String> response = http.get("/admin/users?" + query + "&page=" + page);
			assertThat(response.statusCode()).isEqualTo(200);
			List<String> rows = LISTED.matcher(response.body()).results().map((match) -> match.group(1)).toList();
			usernames.addAll(rows);
			if (rows.size() < AccountQueries.PAGE_SIZE) {
				return usernames;
			}
		}
	}

	/** The row of one account in a page of the list. */
	private static String rowOf(String page, String username) {
		return Jsoup.parse(page)
			.select("tbody tr")
			.stream()
			.filter((row) -> row.selectFirst("td a") != null && row.selectFirst("td a").text().equals(username))
			.findFirst()
			.orElseThrow(() -> new AssertionError(username + " is not listed"))
			.html();
	}

	/** The page as a browser shows it, character references resolved. */
	private static String page(HttpResponse<String> response) {
		return HtmlUtils.htmlUnescape(response.body());
	}

	/**
	 * The precondition of the last-administrator tests: no other enabled administrator of
	 * the whole installation (those of one Department do not count for 'admin').
	 */
	private void assertNoOtherActiveSystemAdministrator() {
		assertThat(this.jdbc.sql("""
				select string_agg(a.username, ', ') from account a join account_role r on r.account_id = a.id
				where r.role = 'SYSTEM_ADMIN' and a.enabled and a.unit_id is null and a.username <> 'admin'
				""").query(String.class).optional()).as("no test leaves another active system administrator behind")
			.isEmpty();
	}

	private String passwordHashOf(String username) {
		return this.jdbc.sql("select password_hash from account where username = ?")
			.param(username)
			.query(String.class)
			.single();
	}

	private static String temporaryPasswordIn(String page) {
		Matcher matcher = TEMPORARY.matcher(page);
		assertThat(matcher.find()).as("a temporary password is shown").isTrue();
		return matcher.group(1);
	}

	/** The message shown beside a field, or null. */
	private static String errorBeside(String page, String field) {
		Matcher matcher = Pattern.compile("id=\"" + field + "-error\"[^>]*>([^<]*)<").matcher(page);
		return matcher.find() ? matcher.group(1).strip() : null;
	}

	private static List<String> checkedRoles(String page) {
		return INPUT.matcher(page)
			.results()
			.map(MatchResult::group)
			.filter((input) -> input.contains("name=\"roles\"") && input.contains("checked"))
			.map((input) -> input.replaceAll(".*value=\"([^\"]+)\".*", "$1"))
			.toList();
	}

	private String insertUnit(String code, String type, Long parentId) {
		this.jdbc
			.sql("insert into unit (code, name, type, ownership, parent_id, valid_from) "
					+ "values (?, ?, ?, 'PUBLIC', ?, date '2015-09-01')")
			.param(code)
			.param("Đơn vị thử " + code)
			.param(type)
			.param(parentId)
			.update();
		return code;
	}

	private long unitId(String code) {
		return this.jdbc.sql("select id from unit where code = ?").param(code).query(Long.class).single();
	}

	private long accountId(String username) {
		return this.jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
	}

	private long accountCount() {
		return this.jdbc.sql("select count(*) from account").query(Long.class).single();
	}

	private long version(long id) {
		return this.jdbc.sql("select version from account where id = ?").param(id).query(Long.class).single();
	}

	private String fullNameOf(String username) {
		return this.jdbc.sql("select full_name from account where username = ?")
			.param(username)
			.query(String.class)
			.single();
	}

	private String unitCodeOf(String username) {
		return this.jdbc.sql("select u.code from account a join unit u on u.id = a.unit_id where a.username = ?")
			.param(username)
			.query(String.class)
			.single();
	}

	private List<String> rolesOf(String username) {
		return this.jdbc
			.sql("select r.role from account_role r join account a on a.id = r.account_id where a.username = ? "
					+ "order by r.role")
			.param(username)
			.query(String.class)
			.list();
	}

	private boolean enabled(String username) {
		return this.jdbc.sql("select enabled from account where username = ?")
			.param(username)
			.query(Boolean.class)
			.single();
	}

	private boolean mustChangePassword(String username) {
		return this.jdbc.sql("select must_change_password from account where username = ?")
			.param(username)
			.query(Boolean.class)
			.single();
	}

	private boolean lockedNow(String username) {
		return this.jdbc.sql("select coalesce(locked_until > now(), false) from account where username = ?")
			.param(username)
			.query(Boolean.class)
			.single();
	}

	private List<String> auditActionsOf(long id) {
		return this.jdbc
			.sql("select action from audit_event where object_type = 'ACCOUNT' and object_id = ? order by id")
			.param(String.valueOf(id))
			.query(String.class)
			.list();
	}

	private List<String> auditDetailsOf(long id) {
		return this.jdbc
			.sql("select coalesce(details::text, '') from audit_event where object_type = 'ACCOUNT' and object_id = ?")
			.param(String.valueOf(id))
			.query(String.class)
			.list();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

}
