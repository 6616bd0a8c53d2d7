package vn.edu.portal.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.Permission;
import vn.edu.portal.account.ScopePolicy;
import vn.edu.portal.account.UnitSelection;
import vn.edu.portal.audit.AuditLog;
import vn.edu.portal.calendar.WorkingDays;
import vn.edu.portal.system.Formats;

/**
 * What a unit does with its assignments: read, acknowledge, forward. A unit acts only on
 * its own assignments (404 otherwise), and only its leaders acknowledge and forward (403
 * otherwise). Every step is in the audit trail.
 */
@Service
class DeliveryService {

	static final String AUDIT_TYPE = "ASSIGNMENT";

	private final AssignmentRepository assignments;

	private final ScopePolicy scope;

	private final UnitSelection selection;

	private final WorkingDays workingDays;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Formats formats;

	private final InboxQueries queries;

	private final DeliveryProperties properties;

	DeliveryService(AssignmentRepository assignments, ScopePolicy scope, UnitSelection selection,
			WorkingDays workingDays, AuditLog audit, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock,
			Formats formats, InboxQueries queries, DeliveryProperties properties) {
		this.properties = properties;
		this.queries = queries;
		this.assignments = assignments;
		this.scope = scope;
		this.selection = selection;
		this.workingDays = workingDays;
		this.audit = audit;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
		this.formats = formats;
	}

	/**
	 * An assignment of the account's own unit (or of a unit merged into it), or 404.
	 */
	Assignment own(CurrentUser user, long id) {
		return this.assignments.findById(id)
			.filter((assignment) -> Objects.equals(assignment.getUnitId(), user.unitId())
					|| this.queries.actsFor(user.unitId(), id))
			.orElseThrow(() -> new AssignmentNotFoundException(id));
	}

	/** The read receipt of the account's unit, the first time someone of it opens it. */
	@Transactional
	void read(CurrentUser user, long id) {
		own(user, id);
		this.jdbc.sql(
				"update assignment set read_at = ?, read_by = ?, version = version + 1 where id = ? and read_at is null")
			.params(Timestamp.from(this.clock.instant()), user.id(), id)
			.update();
	}

	/**
	 * "Đã tiếp nhận": the unit leader confirms receipt, late if after the deadline.
	 * @return {@code false} when the unit had acknowledged it already
	 */
	@Transactional
	boolean acknowledge(CurrentUser user, long id) {
		Assignment assignment = forLeader(user, id);
		boolean done = assignment.acknowledge(user.id(), this.clock.instant(), this.formats.today());
		if (done) {
			this.audit.record("ASSIGNMENT_ACKNOWLEDGED", AUDIT_TYPE, id,
					Map.of("directive", assignment.getDirectiveId()));
		}
		return done;
	}

	/**
	 * Forwards the directive to units below the account's unit, with instructions and a
	 * deadline no later than the unit's own; units that hold it already are left as they
	 * are.
	 * @return how many units received it now
	 */
	@Transactional
	int forward(CurrentUser user, long id, List<String> tokens, String instructions, LocalDate dueOn) {
		Assignment parent = forLeader(user, id);
		LocalDate today = this.formats.today();
		if (dueOn != null && dueOn.isBefore(today)) {
			throw new DeliveryRefused("dueOn", "delivery.forward.duePast");
		}
		if (dueOn != null && parent.getDueOn() != null && dueOn.isAfter(parent.getDueOn())) {
			throw new DeliveryRefused("dueOn", "delivery.forward.dueAfterParent");
		}
		// Below the unit that holds the assignment, whatever wider scope the account has.
		List<Long> units = this.jdbc.sql("""
				select u.id from unit u where u.id = any(:chosen) and u.id <> :unit
				  and u.path like (select p.path from unit p where p.id = :unit) || '%'
				order by u.path
				""")
			.param("chosen", this.selection.resolve(user, tokens).toArray(Long[]::new))
			.param("unit", parent.getUnitId())
			.query(Long.class)
			.list();
		if (units.isEmpty()) {
			throw new DeliveryRefused("units", "delivery.forward.noUnits");
		}
		Instant now = this.clock.instant();
		List<Long> received = this.jdbc.sql("""
				insert into assignment (directive_id, unit_id, role, delivered_at, acknowledge_by, acknowledge_before,
				                        due_on, parent_id, instructions)
				select :directive, unit_id, :role, :at, :acknowledgeBy, :before, :dueOn, :parent, :instructions
				from unnest(:units) as u(unit_id)
				on conflict (directive_id, unit_id) do nothing
				returning unit_id
				""")
			.param("directive", parent.getDirectiveId())
			.param("role", parent.getRole())
			.param("at", Timestamp.from(now))
			.param("acknowledgeBy", this.workingDays.nextWorkingDay(today))
			.param("before",
					(parent.getAcknowledgeBefore() != null)
							? Timestamp.from(now.plus(this.properties.flashAcknowledgeWithin())) : null)
			.param("dueOn", (dueOn != null) ? dueOn : parent.getDueOn())
			.param("parent", id)
			.param("instructions", instructions)
			.param("units", units.toArray(Long[]::new))
			.query(Long.class)
			.list();
		if (parent.forwarded(user.id(), now, today)) {
			this.audit.record("ASSIGNMENT_ACKNOWLEDGED", AUDIT_TYPE, id, Map.of("directive", parent.getDirectiveId()));
		}
		this.audit.record("ASSIGNMENT_FORWARDED", AUDIT_TYPE, id,
				Map.of("directive", parent.getDirectiveId(), "units", received.size()));
		this.events.publishEvent(new DirectiveForwarded(parent.getDirectiveId(), id, received, now));
		return received.size();
	}

	private Assignment forLeader(CurrentUser user, long id) {
		Assignment assignment = own(user, id);
		if (!this.scope.permits(user, Permission.ACT_FOR_UNIT)) {
			throw new AccessDeniedException("only the unit's leaders act for it");
		}
		if (assignment.isWithdrawn()) {
			throw new DeliveryRefused(null, "delivery.withdrawn");
		}
		return assignment;
	}

}
