package vn.edu.portal.incident;

import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.Permission;
import vn.edu.portal.account.Role;
import vn.edu.portal.account.ScopePolicy;
import vn.edu.portal.account.UnitScope;

/**
 * Who sees which incident, and its restricted part, in one place (domain.md §4). A unit
 * sees its own incidents, drafts included; a unit above sees the submitted incidents of
 * its scope; department officers and leaders see every submitted incident of the
 * Department. Anything else answers 404. Names and evidence are for the reporting unit's
 * leaders, the assigned reviewer and department leaders alone.
 */
@Component
class IncidentAccess {

	/**
	 * The SQL condition on an incident aliased {@code i}, bound by {@link Reader#bind}.
	 * The units of the scope are the range of their paths ({@link UnitScope#pathEnd()}),
	 * which the plan kept for every reader finds in the path index; a prefix given as a
	 * parameter read every unit of the tree for each list.
	 */
	static final String VISIBLE = """
			(i.unit_id = :ownUnit or (i.status <> 'DRAFT'
			 and exists (select 1 from unit vu where vu.id = i.unit_id and vu.path ~>=~ :scope and vu.path ~<~ :scopeEnd)))
			""";

	/**
	 * The same rule for a list whose reader sees less than a Department (a district
	 * office, a school), whose own unit is the root of its scope: the incidents of the
	 * units of the scope are read first (a few hundred at most), from the units, and only
	 * theirs are sorted. Read in the list's order and filtered, as a Department's list is
	 * best read, a school's list of the generated province with four Departments went
	 * through all 60,000 incidents to find its few (27 ms; 0.2 ms so). The units come
	 * from {@code units_in_path_range} (V64), which PostgreSQL estimates at a few rows:
	 * from the range of paths, estimated at a share of the tree, the plan kept for every
	 * reader looked dearer than one for a school's single unit, and a school's list was
	 * planned anew at every request (1.2 ms on the generated province).
	 */
	private static final String SCOPE_FIRST = """
			(select * from incident i
			 where i.unit_id in (select units_in_path_range(:scope, :scopeEnd))
			 offset 0) as i
			""";

	private final ScopePolicy scope;

	private final IncidentRepository incidents;

	private final JdbcClient jdbc;

	IncidentAccess(ScopePolicy scope, IncidentRepository incidents, JdbcClient jdbc) {
		this.scope = scope;
		this.incidents = incidents;
		this.jdbc = jdbc;
	}

	Reader reader(CurrentUser user) {
		if (!this.scope.permits(user, Permission.READ_INCIDENTS)) {
			throw new AccessDeniedException("no permission to read incidents");
		}
		UnitScope unitScope = this.scope.scopeOf(user);
		return new Reader(unitScope.path(), unitScope.pathEnd(), (user.unitId() != null) ? user.unitId() : -1L,
				unitScope.isDepartmentOrWider(), unitScope.isDepartmentOrWider() ? unitScope.rootUnitId() : null);
	}

	/** An incident the reader may see, or 404. */
	Incident visible(CurrentUser user, long id) {
		Reader reader = reader(user);
		boolean visible = reader
			.bind(this.jdbc.sql("select exists (select 1 from incident i where i.id = :id and " + VISIBLE + ")"))
			.param("id", id)
			.query(Boolean.class)
			.single();
		if (!visible) {
			throw new IncidentNotFoundException(id);
		}
		return this.incidents.findById(id).orElseThrow(() -> new IncidentNotFoundException(id));
	}

	/** Whether the reader sees the names and evidence of a visible incident. */
	boolean seesRestricted(CurrentUser user, Incident incident) {
		return (user.hasRole(Role.UNIT_LEADER) && isOfReportingUnit(user, incident))
				|| Objects.equals(incident.getReviewerId(), user.id()) || user.hasRole(Role.DEPARTMENT_LEADER);
	}

	boolean isOfReportingUnit(CurrentUser user, Incident incident) {
		return Objects.equals(user.unitId(), incident.getUnitId());
	}

	boolean isReviewer(CurrentUser user) {
		return this.scope.permits(user, Permission.REVIEW);
	}

	/**
	 * Whether the reader takes the steps of a visible incident: its reviewer, or a
	 * department leader.
	 */
	boolean handles(CurrentUser user, Incident incident) {
		return isReviewer(user)
				&& (Objects.equals(incident.getReviewerId(), user.id()) || user.hasRole(Role.DEPARTMENT_LEADER));
	}

	/** Whether the account reports incidents for its unit (drafts, at least). */
	boolean drafts(CurrentUser user) {
		return user.unitId() != null && (this.scope.permits(user, Permission.DRAFT_FOR_UNIT)
				|| this.scope.permits(user, Permission.ACT_FOR_UNIT));
	}

	/**
	 * Whether the account submits its unit's incidents: a leader, or staff where the unit
	 * allows it.
	 */
	boolean submits(CurrentUser user, long unitId) {
		if (!Objects.equals(user.unitId(), unitId)) {
			return false;
		}
		return this.scope.permits(user, Permission.ACT_FOR_UNIT)
				|| (this.scope.permits(user, Permission.DRAFT_FOR_UNIT) && staffMaySubmit(unitId));
	}

	boolean staffMaySubmit(long unitId) {
		return this.jdbc.sql("select staff_may_submit from incident_unit_setting where unit_id = ?")
			.param(unitId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * A reader's scope.
	 *
	 * @param scopePath the units seen
	 * @param scopePathEnd the end of the range of their paths
	 * @param ownUnit the reader's unit, whose drafts it sees
	 * @param departmentOrWider whether the reader sees a whole Department or more
	 * @param department the Department the reader sees, or {@code null} for a reader who
	 * sees less or the whole tree
	 */
	record Reader(String scopePath, String scopePathEnd, long ownUnit, boolean departmentOrWider, Long department) {

		/**
		 * The incidents a list reads, aliased {@code i}: all of them for a Department's
		 * reader, else those of the units of the scope alone; with
		 * {@link #listCondition()}.
		 */
		String listSource() {
			return this.departmentOrWider ? "incident i" : SCOPE_FIRST;
		}

		/**
		 * The rule on the incidents of {@link #listSource()}: {@link #VISIBLE}, or for
		 * those of the units of the scope, which holds the reader's own unit, the unit's
		 * own drafts and the others submitted.
		 */
		String listCondition() {
			return this.departmentOrWider ? VISIBLE : "(i.unit_id = :ownUnit or i.status <> 'DRAFT')";
		}

		/**
		 * The same rule for the open incidents alone (none is a draft), for the triage
		 * list read in its order until the page is full: a Department's reader reads its
		 * Department's open incidents from their index in the list's order (V69), about
		 * its own rows. For the whole tree's reader, whose scope holds every open
		 * incident, the rule above, asked of each in the same index.
		 */
		String openListCondition() {
			if (this.department != null) {
				return "i.department_id = :department";
			}
			return this.departmentOrWider ? VISIBLE : listCondition();
		}

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
			return statement.param("scope", this.scopePath)
				.param("scopeEnd", this.scopePathEnd)
				.param("ownUnit", this.ownUnit)
				.param("department", this.department);
		}

	}

}
