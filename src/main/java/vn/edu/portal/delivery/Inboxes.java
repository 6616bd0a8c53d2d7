package vn.edu.portal.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.account.CurrentUser;

/**
 * A unit's inbox for other modules (the API): its assignments and their acknowledgement,
 * under the same rules as the pages: another unit's assignment answers 404.
 */
@Service
public class Inboxes {

	private final DeliveryService delivery;

	private final JdbcClient jdbc;

	Inboxes(DeliveryService delivery, JdbcClient jdbc) {
		this.delivery = delivery;
		this.jdbc = jdbc;
	}

	/** The latest assignments of the user's unit, the newest first. */
	@Transactional(readOnly = true)
	public List<AssignmentView> latest(CurrentUser user, int limit) {
		return this.jdbc.sql(SELECT + " where a.unit_id = ? order by a.delivered_at desc, a.id desc limit ?")
			.param(user.unitId())
			.param(limit)
			.query(Inboxes::view)
			.list();
	}

	/** An assignment of the user's unit, or 404. */
	@Transactional(readOnly = true)
	public AssignmentView assignment(CurrentUser user, long id) {
		this.delivery.own(user, id);
		return this.jdbc.sql(SELECT + " where a.id = ?").param(id).query(Inboxes::view).single();
	}

	/**
	 * "Đã tiếp nhận" by the unit's leader: 404 for another unit's assignment, 403 without
	 * the right to act for the unit.
	 * @return {@code false} when it was acknowledged already
	 */
	public boolean acknowledge(CurrentUser user, long id) {
		try {
			return this.delivery.acknowledge(user, id);
		}
		catch (DeliveryRefused refused) {
			throw new IllegalStateException(refused.getMessage());
		}
	}

	private static final String SELECT = """
			select a.id, a.directive_id, a.role, a.delivered_at, a.acknowledge_by, a.due_on, a.acknowledged_at,
			       a.acknowledged_late
			from assignment a
			""";

	private static AssignmentView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		java.sql.Timestamp acknowledged = rs.getTimestamp("acknowledged_at");
		return new AssignmentView(rs.getLong("id"), rs.getLong("directive_id"), rs.getString("role"),
				rs.getTimestamp("delivered_at").toInstant(), rs.getObject("acknowledge_by", LocalDate.class),
				rs.getObject("due_on", LocalDate.class), (acknowledged != null) ? acknowledged.toInstant() : null,
				Boolean.TRUE.equals(rs.getObject("acknowledged_late")));
	}

	/**
	 * An assignment.
	 *
	 * @param id its id
	 * @param directiveId the directive
	 * @param role IMPLEMENT or INFORM
	 * @param deliveredAt when it arrived
	 * @param acknowledgeBy the acknowledgement deadline
	 * @param dueOn the deadline set when it was forwarded, or {@code null}
	 * @param acknowledgedAt when it was acknowledged, or {@code null}
	 * @param acknowledgedLate whether after the deadline
	 */
	public record AssignmentView(long id, long directiveId, String role, Instant deliveredAt, LocalDate acknowledgeBy,
			LocalDate dueOn, Instant acknowledgedAt, boolean acknowledgedLate) {
	}

}
