package vn.edu.portal.account;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ResponseStatus;

import vn.edu.portal.TestAccounts;
import vn.edu.portal.organisation.UnitNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ScopePolicyTests {

	/**
	 * The role table of domain.md §1 (and §7: administrators and department leaders
	 * search the audit trail), one row per role, one column per permission.
	 */
	private static final String PERMISSION_TABLE = """
			role               ADMINISTER READ_AUDIT READ_DIRECTIVES DRAFT_DIRECTIVES PUBLISH_DIRECTIVES ACT_FOR_UNIT DRAFT_FOR_UNIT REVIEW SEE_DASHBOARD READ_INCIDENTS
			SYSTEM_ADMIN       x          x          -               -                -                  -            -              -      -             -
			DEPARTMENT_LEADER  -          x          x               x                x                  -            -              x      x             x
			DEPARTMENT_OFFICER -          -          x               x                -                  -            -              x      x             x
			UNIT_LEADER        -          -          x               -                -                  x            x              -      x             x
			UNIT_STAFF         -          -          x               -                -                  -            x              -      -             x
			""";

	@Autowired
	ScopePolicy policy;

	@Autowired
	AccountUserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSchoolLeadersScopeIsExactlyItsSchool() {
		CurrentUser leader = user(TestAccounts.SCHOOL_LEADER);

		UnitScope scope = this.policy.scopeOf(leader);

		assertThat(scope.rootUnitId()).isEqualTo(idOf("GTR-THCS-PHUOCLONG"));
		assertThat(scope.path()).isEqualTo(pathOf("GTR-THCS-PHUOCLONG"));
		assertThat(scope.isEverything()).isFalse();
		assertThat(this.policy.canSee(leader, idOf("GTR-THCS-PHUOCLONG"))).isTrue();
		assertThat(this.policy.canSee(leader, idOf("PGD-GTR"))).as("the office above").isFalse();
		assertThat(this.policy.canSee(leader, idOf("THPT-CHUYENBENTRE"))).as("another school").isFalse();
		assertThat(this.policy.canSee(leader, idOf("SGDDT-BT"))).as("the Department").isFalse();
		assertThat(childrenOf("PGD-GTR")).filteredOn((id) -> id != idOf("GTR-THCS-PHUOCLONG"))
			.isNotEmpty()
			.allSatisfy(
					(sibling) -> assertThat(this.policy.canSee(leader, sibling)).as("sibling %d", sibling).isFalse());
	}

	/**
	 * The range form of a scope (from its path to {@link UnitScope#pathEnd()}) holds the
	 * same units as the prefix form, for the scope of every unit of the tree and for the
	 * whole tree; among them scopes whose path is the start of another unit's number
	 * ("/1/2/" beside "/1/20/"), which the range must leave out. A scope is a
	 * Department's or wider exactly when its root is a Department or it is the whole
	 * tree.
	 */
	@Test
	void theRangeOfAScopesPathsHoldsTheSameUnitsAsItsPrefix() {
		List<UnitScope> scopes = Stream
			.concat(Stream.of(UnitScope.EVERYTHING),
					this.jdbc.sql("select id, path from unit order by id")
						.query((rs, i) -> new UnitScope(rs.getLong("id"), rs.getString("path")))
						.list()
						.stream())
			.toList();
		assertThat(scopes).hasSizeGreaterThan(100);
		int trapped = 0;
		for (UnitScope scope : scopes) {
			List<Long> byPrefix = this.jdbc.sql("select id from unit where path like ? || '%' order by id")
				.param(scope.path())
				.query(Long.class)
				.list();
			List<Long> byRange = this.jdbc.sql("select id from unit where path ~>=~ ? and path ~<~ ? order by id")
				.params(scope.path(), scope.pathEnd())
				.query(Long.class)
				.list();
			assertThat(byRange).as("the units of %s", scope.path()).isNotEmpty().isEqualTo(byPrefix);
			assertThat(scope.isDepartmentOrWider()).as("%s is a Department's or the whole tree", scope.path())
				.isEqualTo(
						scope.isEverything() || "DEPARTMENT".equals(this.jdbc.sql("select type from unit where id = ?")
							.param(scope.rootUnitId())
							.query(String.class)
							.single()));
			String numberStart = scope.path().substring(0, scope.path().length() - 1);
			trapped += this.jdbc.sql("select count(*) from unit where path like ? || '%' and path not like ? || '%'")
				.params(numberStart, scope.path())
				.query(Integer.class)
				.single();
		}
		assertThat(trapped).as("units whose path starts like a scope's without being in it").isPositive();
	}

	@Test
	void aDistrictOfficeLeaderSeesItselfAndTheSchoolsBelowIt() {
		CurrentUser leader = user("pgd.giongtrom");

		assertThat(this.policy.scopeOf(leader).rootUnitId()).isEqualTo(idOf("PGD-GTR"));
		assertThat(this.policy.canSee(leader, idOf("PGD-GTR"))).isTrue();
		assertThat(this.policy.canSee(leader, idOf("GTR-THCS-PHUOCLONG"))).isTrue();
		assertThat(childrenOf("PGD-GTR")).hasSizeGreaterThan(1)
			.allSatisfy((school) -> assertThat(this.policy.canSee(leader, school)).as("school %d", school).isTrue());
		assertThat(this.policy.canSee(leader, idOf("THPT-CHUYENBENTRE"))).isFalse();
		assertThat(this.policy.canSee(leader, idOf("PGD-CTH"))).as("another district office").isFalse();
		assertThat(this.policy.canSee(leader, idOf("SGDDT-BT"))).as("the Department").isFalse();
	}

	@Test
	void departmentRolesSeeTheWholeDepartmentFromTheirDivision() {
		CurrentUser officer = user(TestAccounts.DEPARTMENT_OFFICER);
		CurrentUser leader = user(TestAccounts.DEPARTMENT_LEADER);
		long otherProvince = insertUnit("SGDDT-VL-" + suffix(), "DEPARTMENT", null);

		assertThat(this.policy.scopeOf(officer)).isEqualTo(new UnitScope(idOf("SGDDT-BT"), pathOf("SGDDT-BT")));
		assertThat(this.policy.scopeOf(leader)).isEqualTo(new UnitScope(idOf("SGDDT-BT"), pathOf("SGDDT-BT")));
		for (CurrentUser user : List.of(officer, leader)) {
			for (String code : List.of("SGDDT-BT", "SGDDT-BT-VP", "SGDDT-BT-CTTT", "PGD-GTR", "GTR-THCS-PHUOCLONG",
					"THPT-CHUYENBENTRE", "THPT-NGUYENDINHCHIEU")) {
				assertThat(this.policy.canSee(user, idOf(code))).as("%s sees %s", user.username(), code).isTrue();
			}
			assertThat(this.policy.canSee(user, otherProvince)).as("%s sees another province", user.username())
				.isFalse();
		}
	}

	@Test
	void theFirstAdministratorWithoutAUnitSeesEveryProvince() {
		CurrentUser admin = user(TestAccounts.ADMIN);
		long otherProvince = insertUnit("SGDDT-VL-" + suffix(), "DEPARTMENT", null);

		assertThat(this.policy.scopeOf(admin).isEverything()).isTrue();
		assertThat(this.policy.canSee(admin, otherProvince)).isTrue();
		assertThat(this.policy.canSee(admin, idOf("GTR-THCS-PHUOCLONG"))).isTrue();
	}

	@Test
	void outsideTheScopeCheckAnswersNotFoundBeforeLookingAtTheRole() {
		CurrentUser staff = user(TestAccounts.SCHOOL_STAFF);
		CurrentUser schoolLeader = user(TestAccounts.SCHOOL_LEADER);

		assertThatExceptionOfType(UnitNotFoundException.class)
			.isThrownBy(() -> this.policy.check(staff, Permission.READ_DIRECTIVES, idOf("GTR-THCS-PHUOCLONG")));
		assertThatExceptionOfType(UnitNotFoundException.class).as("a missing permission outside the scope is a 404")
			.isThrownBy(() -> this.policy.check(staff, Permission.ACT_FOR_UNIT, idOf("GTR-THCS-PHUOCLONG")));
		assertThatExceptionOfType(UnitNotFoundException.class)
			.isThrownBy(() -> this.policy.check(schoolLeader, Permission.PUBLISH_DIRECTIVES, idOf("PGD-GTR")));
		assertThatExceptionOfType(UnitNotFoundException.class)
			.isThrownBy(() -> this.policy.check(schoolLeader, Permission.ACT_FOR_UNIT, idOf("THPT-CHUYENBENTRE")));
		assertThat(AnnotatedElementUtils.findMergedAnnotation(UnitNotFoundException.class, ResponseStatus.class).code())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void insideTheScopeAMissingPermissionIsForbidden() {
		CurrentUser staff = user(TestAccounts.SCHOOL_STAFF);
		CurrentUser schoolLeader = user(TestAccounts.SCHOOL_LEADER);

		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.policy.check(staff, Permission.ACT_FOR_UNIT, idOf("THPT-CHUYENBENTRE")));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(
				() -> this.policy.check(schoolLeader, Permission.PUBLISH_DIRECTIVES, idOf("GTR-THCS-PHUOCLONG")));
		assertThatNoException()
			.isThrownBy(() -> this.policy.check(staff, Permission.DRAFT_FOR_UNIT, idOf("THPT-CHUYENBENTRE")));
		assertThatNoException()
			.isThrownBy(() -> this.policy.check(schoolLeader, Permission.ACT_FOR_UNIT, idOf("GTR-THCS-PHUOCLONG")));
	}

	@ParameterizedTest(name = "{0} {1}: {2}")
	@MethodSource("permissionTable")
	void eachRoleHasExactlyThePermissionsOfTheRoleTable(Role role, Permission permission, boolean granted) {
		CurrentUser user = new CurrentUser(1, "t.table", null, "Bảng quyền", 1L, Set.of(role), false, true, false,
				"vi");

		assertThat(this.policy.permits(user, permission)).isEqualTo(granted);
	}

	@Test
	void severalRolesAddUpTheirPermissions() {
		CurrentUser user = new CurrentUser(1, "t.two-roles", null, "Hai vai trò", 1L,
				EnumSet.of(Role.SYSTEM_ADMIN, Role.UNIT_STAFF), false, true, false, "vi");

		assertThat(Arrays.stream(Permission.values()).filter((permission) -> this.policy.permits(user, permission)))
			.containsExactlyInAnyOrder(Permission.ADMINISTER, Permission.READ_AUDIT, Permission.READ_DIRECTIVES,
					Permission.DRAFT_FOR_UNIT, Permission.READ_INCIDENTS);
	}

	@Test
	void aPermissionCountsOnlyWithinTheScopeOfTheRoleThatGrantsIt() {
		long division = idOf("SGDDT-BT-CTTT");
		CurrentUser user = new CurrentUser(2, "t.division-leader", null, "Trưởng phòng CTTT", division,
				EnumSet.of(Role.DEPARTMENT_OFFICER, Role.UNIT_LEADER), false, true, false, "vi");
		long school = idOf("THPT-CHUYENBENTRE");

		this.policy.check(user, Permission.REVIEW, school);
		this.policy.check(user, Permission.ACT_FOR_UNIT, division);
		assertThatExceptionOfType(org.springframework.security.access.AccessDeniedException.class)
			.as("acting for a unit is a unit leader's right, within the leader's own unit")
			.isThrownBy(() -> this.policy.check(user, Permission.ACT_FOR_UNIT, school));
	}

	@Test
	void theScopeFollowsTheTreeAsItIsToday() {
		CurrentUser districtLeader = user("pgd.giongtrom");
		long school = insertUnit("T-" + suffix(), "PRIMARY", idOf("PGD-GTR"));
		assertThat(this.policy.canSee(districtLeader, school)).isTrue();

		this.jdbc.sql("update unit set parent_id = ? where id = ?").param(idOf("PGD-CTH")).param(school).update();

		assertThat(this.jdbc.sql("select path from unit where id = ?").param(school).query(String.class).single())
			.isEqualTo(pathOf("PGD-CTH") + school + "/");
		assertThat(this.policy.canSee(districtLeader, school)).isFalse();
		assertThatExceptionOfType(UnitNotFoundException.class)
			.isThrownBy(() -> this.policy.check(districtLeader, Permission.READ_DIRECTIVES, school));
		assertThat(this.policy.canSee(user(TestAccounts.DEPARTMENT_OFFICER), school)).isTrue();
	}

	static Stream<Arguments> permissionTable() {
		List<String[]> rows = PERMISSION_TABLE.lines().map((line) -> line.strip().split("\\s+")).toList();
		String[] header = rows.get(0);
		List<Permission> columns = Arrays.stream(header).skip(1).map(Permission::valueOf).toList();
		assertThat(columns).as("every permission has a column").containsExactlyInAnyOrder(Permission.values());
		assertThat(rows.stream().skip(1).map((row) -> Role.valueOf(row[0]))).as("every role has a row")
			.containsExactlyInAnyOrder(Role.values());
		return rows.stream().skip(1).flatMap((row) -> {
			assertThat(row).as("row %s", row[0]).hasSize(header.length);
			Role role = Role.valueOf(row[0]);
			return columns.stream()
				.map((permission) -> Arguments.of(role, permission, row[columns.indexOf(permission) + 1].equals("x")));
		});
	}

	private CurrentUser user(String username) {
		return this.users.loadUserByUsername(username);
	}

	private long insertUnit(String code, String type, Long parentId) {
		return this.jdbc
			.sql("insert into unit (code, name, type, ownership, parent_id, valid_from) "
					+ "values (?, ?, ?, 'PUBLIC', ?, date '2015-09-01') returning id")
			.param(code)
			.param("Đơn vị thử " + code)
			.param(type)
			.param(parentId)
			.query(Long.class)
			.single();
	}

	private List<Long> childrenOf(String code) {
		return this.jdbc.sql("select id from unit where parent_id = ? and valid_to is null")
			.param(idOf(code))
			.query(Long.class)
			.list();
	}

	private long idOf(String code) {
		return this.jdbc.sql("select id from unit where code = ?").param(code).query(Long.class).single();
	}

	private String pathOf(String code) {
		return this.jdbc.sql("select path from unit where code = ?").param(code).query(String.class).single();
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

}
