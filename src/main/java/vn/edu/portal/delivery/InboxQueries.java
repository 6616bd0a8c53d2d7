package vn.edu.portal.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.edu.portal.account.UnitScope;
import vn.edu.portal.directive.DirectiveCatalog;

/**
 * The read side of delivery: a unit's inbox, its unread count, and a directive's delivery
 * tree; one query each.
 */
@Component
class InboxQueries {

	static final int PAGE_SIZE = 25;

	private static final int MAX_WORDS = 8;

	/**
	 * The columns and joins of inbox rows, for the assignments of a table or a subquery
	 * ({@code %s}, aliased {@code a}).
	 */
	private static final String INBOX_ROWS = """
			select a.id, a.directive_id, d.number, d.symbol, d.type, d.subject, d.urgency, d.issued_on,
			       a.role, a.delivered_at, a.acknowledge_by, a.acknowledge_before, a.due_on, a.read_at, a.acknowledged_at,
			       a.acknowledged_late, a.forwarded_at, a.withdrawn_at, a.forwarding_required,
			       pu.name as forwarded_by_unit, a.instructions,
			       (select ou.name from unit ou where ou.id = a.unit_id) as unit_name,
			       (select ou.successor_id from unit ou where ou.id = a.unit_id) as successor_id
			from %s a join directive d on d.id = a.directive_id
			     left join assignment p on p.id = a.parent_id left join unit pu on pu.id = p.unit_id""";

	/**
	 * A unit and the units merged into it, at any remove (parameter {@code :unit}): a
	 * directive sent to a school that merged since is in its successor's inbox.
	 */
	static final String LINEAGE = """
			with recursive lineage(id) as (select cast(:unit as bigint)
			    union select m.id from unit m join lineage l on m.successor_id = l.id)
			select id from lineage""";

	/**
	 * The assignments of a unit (and of the units merged into it) no one has opened yet.
	 */
	static final String UNREAD = "select count(*) from assignment a where a.unit_id in (" + LINEAGE
			+ ") and a.read_at is null and a.withdrawn_at is null";

	private final JdbcClient jdbc;

	InboxQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A page of the unit's inbox, newest first, plus one row to tell a next page. The
	 * page is chosen among the unit's assignments first, and only its rows are joined to
	 * their directives and units: a school of a province holds hundreds of assignments,
	 * and joining them all before choosing 26 cost PostgreSQL 7 ms a page there instead
	 * of 1. The assignments of each unit of the lineage are read newest first from the
	 * index of a unit's assignments, as many as the pages up to this one hold, then
	 * merged: asked for the assignments of all the lineage's units at once, PostgreSQL
	 * read all of them (314 rows from 292 pages of the table for a school of the
	 * generated province) to sort them. A directive is looked at to choose only when the
	 * filter asks about it (its type, its urgency, words).
	 * <p>
	 * The statement holds only the conditions the filter asks for, the page size as a
	 * literal and an offset only past the first page, so that PostgreSQL keeps one plan
	 * for the first page: with a condition per filter that is true when its value is
	 * null, and the row count and offset parameters, it planned the statement again at
	 * every request (0.7 ms on the demo, 1.3 ms for a province school, where running it
	 * then took 0.2 and 0.5 ms; with its kept plan, 0.3 ms).
	 */
	List<InboxRow> inbox(long unitId, InboxFilter filter, LocalDate today, String zone) {
		List<String> words = Arrays.stream(filter.words().split("\\s+"))
			.filter((word) -> !word.isEmpty())
			.limit(MAX_WORDS)
			.toList();
		StringBuilder directive = new StringBuilder();
		if (blankToNull(filter.type()) != null) {
			directive.append(" and d.type = :type");
		}
		if (blankToNull(filter.urgency()) != null) {
			directive.append(" and d.urgency = :urgency");
		}
		for (int i = 0; i < words.size(); i++) {
			directive.append(" and d.search_text like '%' || portal_fold(:w").append(i).append(") || '%'");
		}
		StringBuilder where = new StringBuilder();
		if (filter.state() != null) {
			where.append(" and ").append(stateCondition(filter.state()));
		}
		if (filter.year() != null) {
			where.append(" and extract(year from a.delivered_at at time zone :zone) = :year");
		}
		if (!directive.isEmpty()) {
			where.append(" and exists (select 1 from directive d where d.id = a.directive_id")
				.append(directive)
				.append(')');
		}
		boolean first = filter.pageNumber() == 0;
		String page = """
				select a.* from (%s) l cross join lateral (
				  select a.* from assignment a
				  where a.unit_id = l.id%s
				  order by a.delivered_at desc, a.id desc
				  limit %s
				) a
				order by a.delivered_at desc, a.id desc
				limit %d%s
				""".formatted(LINEAGE, where, first ? String.valueOf(PAGE_SIZE + 1) : ":offset + " + (PAGE_SIZE + 1),
				PAGE_SIZE + 1, first ? "" : " offset :offset");
		JdbcClient.StatementSpec statement = this.jdbc
			.sql(INBOX_ROWS.formatted("(" + page + ")") + "\norder by a.delivered_at desc, a.id desc")
			.param("unit", unitId)
			.param("state", (filter.state() != null) ? filter.state().name() : null)
			.param("today", today)
			.param("zone", zone)
			.param("year", filter.year())
			.param("type", blankToNull(filter.type()))
			.param("urgency", blankToNull(filter.urgency()))
			.param("offset", filter.pageNumber() * PAGE_SIZE);
		for (int i = 0; i < words.size(); i++) {
			statement = statement.param("w" + i,
					words.get(i).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
		}
		return statement.query(InboxQueries::inboxRow).list();
	}

	/** The condition of an inbox state on an assignment aliased {@code a}. */
	private static String stateCondition(InboxFilter.State state) {
		return switch (state) {
			case ACKNOWLEDGE_LATE -> """
					(a.withdrawn_at is null and (a.acknowledged_late or (a.acknowledged_at is null
					 and (a.acknowledge_before < now() or a.acknowledge_by < :today))))""";
			case REPORT_SUBMITTED, REPORT_RETURNED, REPORT_ACCEPTED ->
				"exists (select 1 from report r where r.assignment_id = a.id and 'REPORT_' || r.status = :state)";
			case NEW, READ, ACKNOWLEDGED, FORWARDED, WITHDRAWN -> AssignmentState.SQL + " = :state";
		};
	}

	/** One assignment of the unit, for its page. */
	InboxRow assignment(long id) {
		return this.jdbc.sql("""
				%s
				where a.id = ?
				""".formatted(INBOX_ROWS.formatted("assignment"))).param(id).query(InboxQueries::inboxRow).single();
	}

	/** Whether a unit, or one merged into it, holds an assignment. */
	boolean actsFor(Long unitId, long assignmentId) {
		return unitId != null && this.jdbc
			.sql("select exists (select 1 from assignment a where a.id = :assignment and a.unit_id in (%s))"
				.formatted(LINEAGE))
			.param("unit", unitId)
			.param("assignment", assignmentId)
			.query(Boolean.class)
			.single();
	}

	/** The name of the unit of an assignment. */
	String unitOf(long assignmentId) {
		return this.jdbc.sql("select u.name from assignment a join unit u on u.id = a.unit_id where a.id = ?")
			.param(assignmentId)
			.query(String.class)
			.single();
	}

	/**
	 * The Department's queue of submitted reports within a scope, oldest first, plus one
	 * row to tell a next page: the reports of the directives its units issued, read from
	 * the index of submitted reports by issuer (V62) for each unit of the scope that has
	 * issued a directive (V63), as many of each as the pages up to this one hold, then
	 * merged in the order of submission: a page reads no more than that per issuer,
	 * however many reports wait in the database. The counts are written in and the offset
	 * only past the first page, so that PostgreSQL keeps one plan for the first page:
	 * with them as parameters its kept plan expected a tenth of the reports and hashed
	 * the units and directives to join them, so it planned the statement anew for every
	 * request (1.6 ms on the generated province).
	 */
	List<QueueRow> reviewQueue(UnitScope scope, int page) {
		return this.jdbc
			.sql("""
					select r.id, r.period_due, r.revision, r.submitted_at, r.submitted_late, u.name as unit_name,
					       d.id as directive_id, d.number, d.symbol, d.subject
					from (select q.id, q.submitted_at
					      from directive_issuer di join unit iu on iu.id = di.unit_id cross join lateral (
					          select r.id, r.submitted_at from report r
					          where r.issuer_unit_id = di.unit_id and r.status = 'SUBMITTED'
					          order by r.submitted_at, r.id limit %d) as q
					      where iu.path ~>=~ :scope and iu.path ~<~ :scopeEnd
					      order by q.submitted_at, q.id
					      limit %d%s) as p
					     join report r on r.id = p.id join assignment a on a.id = r.assignment_id
					     join unit u on u.id = a.unit_id join directive d on d.id = a.directive_id
					order by p.submitted_at, p.id
					""".formatted((page + 1) * PAGE_SIZE + 1, PAGE_SIZE + 1,
					(page > 0) ? " offset " + page * PAGE_SIZE : ""))
			.param("scope", scope.path())
			.param("scopeEnd", scope.pathEnd())
			.query((rs, i) -> new QueueRow(rs.getLong("id"), rs.getObject("period_due", LocalDate.class),
					rs.getInt("revision"), instant(rs, "submitted_at"), rs.getBoolean("submitted_late"),
					rs.getString("unit_name"), rs.getLong("directive_id"),
					DirectiveCatalog.numberAndSymbol(rs.getInt("number"), rs.getString("symbol")),
					rs.getString("subject")))
			.list();
	}

	/** The reports of an assignment, by period. */
	Map<LocalDate, ReportLine> reportsOf(long assignmentId) {
		Map<LocalDate, ReportLine> lines = new LinkedHashMap<>();
		this.jdbc.sql("""
				select id, period_due, status, submitted_late, review_comment from report
				where assignment_id = ? order by period_due
				""").param(assignmentId).query((rs) -> {
			lines.put(rs.getObject("period_due", LocalDate.class),
					new ReportLine(rs.getLong("id"), ReportStatus.valueOf(rs.getString("status")),
							Boolean.TRUE.equals(rs.getObject("submitted_late")), rs.getString("review_comment")));
		});
		return lines;
	}

	/** Whether a unit has open units below it, to forward to. */
	boolean hasUnitsBelow(Long unitId) {
		return unitId != null
				&& this.jdbc.sql("select exists (select 1 from unit where parent_id = ? and valid_to is null)")
					.param(unitId)
					.query(Boolean.class)
					.single();
	}

	/**
	 * The delivery tree of a directive within a scope: every assignment with its unit,
	 * state and who acted, the units each office forwarded to under it.
	 */
	List<TreeNode> tree(long directiveId, String scopePath) {
		List<TreeNode> flat = this.jdbc.sql("""
				select a.id, a.parent_id, u.id as unit_id, u.code, u.name, u.valid_to, s.name as successor_name, a.role,
				       a.delivered_at, a.acknowledge_by, a.acknowledge_before, a.read_at, ra.full_name as read_by,
				       a.acknowledged_at,
				       aa.full_name as acknowledged_by, a.acknowledged_late, a.forwarded_at, a.withdrawn_at,
				       a.forwarding_required
				from assignment a join unit u on u.id = a.unit_id left join unit s on s.id = u.successor_id
				     left join account ra on ra.id = a.read_by left join account aa on aa.id = a.acknowledged_by
				where a.directive_id = :directive and u.path like :scope || '%'
				order by u.path, a.id
				""")
			.param("directive", directiveId)
			.param("scope", scopePath)
			.query((rs, i) -> new TreeNode(rs.getLong("id"), (Long) rs.getObject("parent_id"), rs.getLong("unit_id"),
					rs.getString("code"), rs.getString("name"), rs.getObject("valid_to", LocalDate.class),
					rs.getString("successor_name"), rs.getString("role"), instant(rs, "delivered_at"),
					rs.getObject("acknowledge_by", LocalDate.class), instant(rs, "acknowledge_before"),
					instant(rs, "read_at"), rs.getString("read_by"), instant(rs, "acknowledged_at"),
					rs.getString("acknowledged_by"), Boolean.TRUE.equals(rs.getObject("acknowledged_late")),
					instant(rs, "forwarded_at"), instant(rs, "withdrawn_at"), rs.getBoolean("forwarding_required"), 0))
			.list();
		return depthFirst(flat);
	}

	/**
	 * The nodes in tree order (each office followed by the units it forwarded to), with
	 * their depth; a node whose parent lies outside the scope starts a branch of its own.
	 */
	private static List<TreeNode> depthFirst(List<TreeNode> flat) {
		Map<Long, TreeNode> byId = new LinkedHashMap<>();
		flat.forEach((node) -> byId.put(node.id(), node));
		Map<Long, List<TreeNode>> children = new LinkedHashMap<>();
		List<TreeNode> roots = new ArrayList<>();
		for (TreeNode node : flat) {
			if (node.parentId() != null && byId.containsKey(node.parentId())) {
				children.computeIfAbsent(node.parentId(), (key) -> new ArrayList<>()).add(node);
			}
			else {
				roots.add(node);
			}
		}
		List<TreeNode> ordered = new ArrayList<>(flat.size());
		for (TreeNode root : roots) {
			visit(root, 0, children, ordered);
		}
		return ordered;
	}

	private static void visit(TreeNode node, int depth, Map<Long, List<TreeNode>> children, List<TreeNode> ordered) {
		ordered.add(node.atDepth(depth));
		for (TreeNode child : children.getOrDefault(node.id(), List.of())) {
			visit(child, depth + 1, children, ordered);
		}
	}

	private static InboxRow inboxRow(ResultSet rs, int row) throws SQLException {
		return new InboxRow(rs.getLong("id"), rs.getLong("directive_id"), (Integer) rs.getObject("number"),
				rs.getString("symbol"), rs.getString("type"), rs.getString("subject"), rs.getString("urgency"),
				rs.getObject("issued_on", LocalDate.class), rs.getString("role"), instant(rs, "delivered_at"),
				rs.getObject("acknowledge_by", LocalDate.class), instant(rs, "acknowledge_before"),
				rs.getObject("due_on", LocalDate.class),
				AssignmentState.of(instant(rs, "read_at"), instant(rs, "acknowledged_at"), instant(rs, "forwarded_at"),
						instant(rs, "withdrawn_at")),
				instant(rs, "acknowledged_at"), Boolean.TRUE.equals(rs.getObject("acknowledged_late")),
				rs.getBoolean("forwarding_required"), rs.getString("forwarded_by_unit"), rs.getString("instructions"),
				(rs.getObject("successor_id") != null) ? rs.getString("unit_name") : null);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		java.sql.Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	/**
	 * A directive in a unit's inbox.
	 *
	 * @param id the assignment
	 * @param directiveId the directive
	 * @param number its number
	 * @param symbol its symbol
	 * @param type its type
	 * @param subject its subject
	 * @param urgency its urgency
	 * @param issuedOn its date
	 * @param role implement or inform
	 * @param deliveredAt when it arrived
	 * @param acknowledgeBy the day to acknowledge by
	 * @param acknowledgeBefore for a hỏa tốc directive, the moment to acknowledge by
	 * @param dueOn the day the implementation is due, or {@code null}
	 * @param state where it stands
	 * @param acknowledgedAt when it was acknowledged
	 * @param acknowledgedLate whether after the deadline
	 * @param forwardingRequired whether the unit must forward it
	 * @param forwardedByUnit the office that forwarded it, or {@code null}
	 * @param instructions the office's instructions with it, or {@code null}
	 * @param mergedUnitName the unit it was sent to, when that unit has merged into this
	 * one since; else {@code null}
	 */
	record InboxRow(long id, long directiveId, Integer number, String symbol, String type, String subject,
			String urgency, LocalDate issuedOn, String role, Instant deliveredAt, LocalDate acknowledgeBy,
			Instant acknowledgeBefore, LocalDate dueOn, AssignmentState state, Instant acknowledgedAt,
			boolean acknowledgedLate, boolean forwardingRequired, String forwardedByUnit, String instructions,
			String mergedUnitName) {

		public String numberAndSymbol() {
			return DirectiveCatalog.numberAndSymbol(this.number, this.symbol);
		}

		public boolean urgent() {
			return !"NORMAL".equals(this.urgency);
		}

		public boolean congVan() {
			return "CONG_VAN".equals(this.type);
		}

		/** Whether acknowledging is still to do. */
		public boolean awaitingAcknowledgement() {
			return this.state == AssignmentState.NEW || this.state == AssignmentState.READ;
		}

	}

	/**
	 * A report awaiting review.
	 *
	 * @param id the report
	 * @param periodDue its period's deadline
	 * @param revision its revision
	 * @param submittedAt when it was submitted
	 * @param late whether after the deadline
	 * @param unitName the reporting unit
	 * @param directiveId the directive
	 * @param numberAndSymbol its number and symbol
	 * @param subject its subject
	 */
	record QueueRow(long id, LocalDate periodDue, int revision, Instant submittedAt, boolean late, String unitName,
			long directiveId, String numberAndSymbol, String subject) {
	}

	/**
	 * A report of an assignment, as its period line shows it.
	 *
	 * @param id the report
	 * @param status where it stands
	 * @param late whether submitted late
	 * @param reviewComment why it was returned
	 */
	record ReportLine(long id, ReportStatus status, boolean late, String reviewComment) {
	}

	/**
	 * A node of the delivery tree.
	 *
	 * @param id the assignment
	 * @param parentId the office's assignment it was forwarded from
	 * @param unitId the unit
	 * @param unitCode its code
	 * @param unitName its name
	 * @param unitClosedOn when the unit closed, or {@code null}
	 * @param successorName the unit it merged into, or {@code null}
	 * @param role implement or inform
	 * @param deliveredAt when it arrived
	 * @param acknowledgeBy the day to acknowledge by
	 * @param acknowledgeBefore for a hỏa tốc directive, the moment to acknowledge by
	 * @param readAt when it was first opened
	 * @param readBy by whom
	 * @param acknowledgedAt when it was acknowledged
	 * @param acknowledgedBy by whom
	 * @param acknowledgedLate whether after the deadline
	 * @param forwardedAt when the unit forwarded it
	 * @param withdrawnAt when the directive was recalled
	 * @param forwardingRequired whether the unit must forward it
	 * @param depth how deep in the forwarding tree
	 */
	record TreeNode(long id, Long parentId, long unitId, String unitCode, String unitName, LocalDate unitClosedOn,
			String successorName, String role, Instant deliveredAt, LocalDate acknowledgeBy, Instant acknowledgeBefore,
			Instant readAt, String readBy, Instant acknowledgedAt, String acknowledgedBy, boolean acknowledgedLate,
			Instant forwardedAt, Instant withdrawnAt, boolean forwardingRequired, int depth) {

		TreeNode atDepth(int newDepth) {
			return new TreeNode(this.id, this.parentId, this.unitId, this.unitCode, this.unitName, this.unitClosedOn,
					this.successorName, this.role, this.deliveredAt, this.acknowledgeBy, this.acknowledgeBefore,
					this.readAt, this.readBy, this.acknowledgedAt, this.acknowledgedBy, this.acknowledgedLate,
					this.forwardedAt, this.withdrawnAt, this.forwardingRequired, newDepth);
		}

		public AssignmentState state() {
			return AssignmentState.of(this.readAt, this.acknowledgedAt, this.forwardedAt, this.withdrawnAt);
		}

		/** Not acknowledged, or acknowledged after its deadline. */
		public boolean late(LocalDate today, Instant now) {
			boolean passed = (this.acknowledgeBefore != null) ? now.isAfter(this.acknowledgeBefore)
					: this.acknowledgeBy != null && today.isAfter(this.acknowledgeBy);
			return this.withdrawnAt == null && (this.acknowledgedLate || (this.acknowledgedAt == null && passed));
		}

		/** Required to forward, and has not. */
		public boolean forwardingMissing() {
			return this.forwardingRequired && this.forwardedAt == null && this.withdrawnAt == null;
		}

	}

}
