package vn.edu.portal.directive;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.Permission;
import vn.edu.portal.account.ScopePolicy;
import vn.edu.portal.account.UnitScope;

/**
 * Who sees which directive, in one place. Department staff see every directive of their
 * Department, drafts included; everyone else sees the issued directives that reached a
 * unit in their scope: at publication, or later (forwarded; see
 * {@link DirectiveAudience}). Anything else answers 404, as if it did not exist.
 */
@Component
class DirectiveAccess {

	private static final String VISIBLE = """
			((:staff and exists (select 1 from unit iu where iu.id = d.issuer_unit_id and iu.path like :scope || '%'))
			 or (d.status in ('PUBLISHED', 'RECALLED') and (exists (
			     select 1 from directive_recipient vr join unit vu on vu.id = vr.unit_id
			     where vr.directive_id = d.id and vu.path like :scope || '%'){audiences})))
			""";

	/**
	 * The same rule for a list: each part a set of directive ids found from the units
	 * under the scope alone, the units by the range of their paths (see
	 * {@link UnitScope#pathEnd()}). PostgreSQL keeps one plan for it, good for every
	 * reader; written with {@code exists}, as above, every list was planned anew for its
	 * reader (1.3 to 2 ms, several times its running on the demo). A single directive
	 * keeps the condition above, which looks at that directive's recipients alone.
	 * <p>
	 * Each set is grouped by directive: a Department's units are the recipients of
	 * 600,000 rows on four generated Departments, more than PostgreSQL hashes in its
	 * working memory, and it then went through all of them again for each directive of
	 * another Department (a Department officer's list did not end in minutes); grouped,
	 * the set is the 1,600 directives themselves (about 100 ms there). The list of a
	 * reader at the top two levels of the tree now looks them up instead (see
	 * {@link #REACHED_AT_THE_TOP}); this form stays for the whole tree's reader and for
	 * drafting staff deeper in the tree.
	 */
	private static final String VISIBLE_IN_LISTS = """
			((:staff and d.issuer_unit_id in (select iu.id from unit iu where iu.path ~>=~ :scope and iu.path ~<~ :scopeEnd))
			 or (d.status in ('PUBLISHED', 'RECALLED') and ({reached})))
			""";

	/**
	 * The same rule for the list of a reader at the top two levels of the tree: both sets
	 * given as arrays of ids, the scope's units and the directives that reached the scope
	 * (see {@link #REACHED_AT_THE_TOP}), so that PostgreSQL can find the directives in
	 * the indexes of their issuers and ids when they are few of the table's. Asked as
	 * sets, as above, the condition was tested on every directive of the database: on the
	 * generated country, 34 Departments, a Department officer's list read 53,700 to find
	 * its 1,600 (PostgreSQL's own time 84 to 100 ms; 10 to 11 ms so). On one Department,
	 * where the scope is nearly the whole table, PostgreSQL still reads the table. The
	 * issuers are the units of the scope that have issued a directive
	 * ({@code directive_issuer}, V63), not every unit of the scope looked up as one (on
	 * the country 1,590 lookups in the index of issuers for the one that issues).
	 */
	private static final String VISIBLE_IN_LISTS_AT_THE_TOP = """
			((:staff and d.issuer_unit_id = any(array({scopeIssuers})))
			 or (d.status in ('PUBLISHED', 'RECALLED') and d.id = any(array({reached}))))
			""";

	/**
	 * The units of the scope that have issued a directive ({@code directive_issuer},
	 * V63).
	 */
	private static final String SCOPE_ISSUERS = """
			select iu.id from directive_issuer di join unit iu on iu.id = di.unit_id
			where iu.path ~>=~ :scope and iu.path ~<~ :scopeEnd
			""";

	/**
	 * The same rule for the list of a reader who sees less than a Department and drafts
	 * nothing (a school; a district office's sets come from the table, below): the
	 * directives that reached its units, one array of ids, are looked up by their key.
	 * The sets of the rule above are asked of every directive read in turn: on four
	 * generated Departments a school's list read all 6,300 directives to find its 390
	 * (2.7 ms; 0.9 ms so), and the country has 54,000.
	 */
	private static final String VISIBLE_IN_SMALL_LISTS = """
			(d.status in ('PUBLISHED', 'RECALLED') and d.id = any(array({reached})))
			""";

	/**
	 * The directives that reached, in any of the ways above, a unit under the scope when
	 * the scope is a unit of the top two levels of the tree (a Department, a district
	 * office): looked up in the table the database keeps of them
	 * ({@code directive_reach}, V59) by the unit's id. Gathered from the units, the sets
	 * above are everything that reached the scope (600,000 rows for a Department on four
	 * generated Departments, 0.15 to 0.2 s a page; 18,500 for a district office, 24 ms);
	 * looked up, they are the scope's directives alone.
	 */
	private static final String REACHED_AT_THE_TOP = """
			select rr.directive_id from directive_reach rr where rr.unit_id = :scopeUnit
			""";

	/**
	 * The directives that reached, at publication, a unit under the scope: its units from
	 * {@code units_in_path_range} (V64), which PostgreSQL estimates at a few rows, so
	 * that it keeps one plan for a school's list instead of planning it at every request.
	 */
	private static final String REACHED_RECIPIENTS = """
			select vr.directive_id from directive_recipient vr
			where vr.unit_id in (select units_in_path_range(:scope, :scopeEnd)) group by vr.directive_id
			""";

	/**
	 * The same rule for the list of a reader at the top two levels of the tree asked for
	 * no filter, on each directive read in the list's order, issuer by issuer (see
	 * {@link DirectiveQueries#page}): the issuers of the scope, a few, as one array, and
	 * whether the directive reached the scope looked up by its key in
	 * {@code directive_reach} (a sub-select of one row: asked with {@code exists},
	 * PostgreSQL read and hashed every directive that reached a district office, 1,660,
	 * to let 27 through). Read so, a page stops at its last row: a Department's staff see
	 * every directive of their Department, a district office most of them.
	 */
	private static final String VISIBLE_IN_ORDER_AT_THE_TOP = """
			((:staff and d.issuer_unit_id = any(array({scopeIssuers})))
			 or (d.status in ('PUBLISHED', 'RECALLED')
			     and (select true from directive_reach rr where rr.unit_id = :scopeUnit and rr.directive_id = d.id)))
			""";

	/**
	 * The issuers of the directives visible to a reader at the top two levels: the units
	 * of the scope that issued a directive still there (staff see every directive of
	 * their issuers, drafts included), and the issuers of the directives that reached the
	 * scope, kept beside them ({@code directive_reach.issuer_unit_id}, V65; every such
	 * directive is published or recalled), read from its index one issuer after the
	 * other: a few look-ups, not the 1,974 rows of a Department of the generated
	 * province. The scope's issuers are an array and each is looked up by itself: as sets
	 * joined, the plan PostgreSQL keeps for every reader went through the scope's 1,500
	 * units to find the one that issues, or through every directive's issuer.
	 */
	private static final String ISSUERS_AT_THE_TOP = """
			select s.id from unnest(array({scopeIssuers})) as s (id)
			where :staff and (select true from directive x where x.issuer_unit_id = s.id limit 1)
			union
			select n.id from (
			  with recursive reached (id) as (
			    (select rr.issuer_unit_id from directive_reach rr where rr.unit_id = :scopeUnit
			     order by rr.issuer_unit_id limit 1)
			    union all
			    select (select rr.issuer_unit_id from directive_reach rr where rr.unit_id = :scopeUnit and rr.issuer_unit_id > r.id
			            order by rr.issuer_unit_id limit 1)
			    from reached r where r.id is not null)
			  select id from reached) as n
			where n.id is not null
			""";

	private final ScopePolicy scope;

	private final JdbcClient jdbc;

	/** The SQL condition on a directive aliased {@code d}, bound by a {@link Reader}. */
	private final String visible;

	/** The same, for a list of directives. */
	private final String visibleInLists;

	/** The same, for a list of directives of a reader who sees less than a Department. */
	private final String visibleInSmallLists;

	/** The same two, for a reader whose scope is a unit of the top two levels. */
	private final String visibleInListsAtTheTop;

	private final String visibleInSmallListsAtTheTop;

	/**
	 * The rule for the unfiltered list of a reader at the top two levels, read in order.
	 */
	private final InOrder inOrderAtTheTop;

	DirectiveAccess(ScopePolicy scope, JdbcClient jdbc, List<DirectiveAudience> audiences) {
		this.scope = scope;
		this.jdbc = jdbc;
		this.visible = VISIBLE.replace("{audiences}",
				audiences.stream()
					.map((audience) -> " or (" + audience.reachedCondition() + ")")
					.collect(Collectors.joining()));
		List<String> reached = Stream
			.concat(Stream.of(REACHED_RECIPIENTS),
					audiences.stream().flatMap((audience) -> audience.reachedSets().stream()))
			.map(String::strip)
			.toList();
		this.visibleInLists = VISIBLE_IN_LISTS.replace("{reached}",
				reached.stream().map((set) -> "d.id in (" + set + ")").collect(Collectors.joining(" or ")));
		this.visibleInSmallLists = VISIBLE_IN_SMALL_LISTS.replace("{reached}", String.join(" union ", reached));
		String scopeIssuers = SCOPE_ISSUERS.strip();
		this.visibleInListsAtTheTop = VISIBLE_IN_LISTS_AT_THE_TOP.replace("{reached}", REACHED_AT_THE_TOP.strip())
			.replace("{scopeIssuers}", scopeIssuers);
		this.inOrderAtTheTop = new InOrder(
				unseenByThePlanner(VISIBLE_IN_ORDER_AT_THE_TOP.replace("{scopeIssuers}", scopeIssuers)),
				unseenByThePlanner(ISSUERS_AT_THE_TOP.replace("{scopeIssuers}", scopeIssuers)));
		this.visibleInSmallListsAtTheTop = VISIBLE_IN_SMALL_LISTS.replace("{reached}", REACHED_AT_THE_TOP.strip());
	}

	/**
	 * The reader's values as PostgreSQL sees them only when the statement runs (each one
	 * a sub-select), so that a plan made for a reader's values costs what the plan kept
	 * for every reader does. The plan for the list read in order is good for every reader
	 * at the top two levels; but, planned for a Department's values, PostgreSQL counted
	 * it a little cheaper than the kept one, and so planned the list anew for every
	 * request of a Department's staff (1.3 ms of planning for 0.2 ms of running on the
	 * generated province).
	 */
	private static String unseenByThePlanner(String sql) {
		return sql.replaceAll(":staff\\b", "(select cast(:staff as boolean))")
			.replaceAll(":scopeUnit\\b", "(select cast(:scopeUnit as bigint))")
			.replaceAll(":scopeEnd\\b", "(select cast(:scopeEnd as text))")
			.replaceAll(":scope\\b", "(select cast(:scope as text))");
	}

	/** Who is reading: refused (403) without the permission to read directives. */
	Reader reader(CurrentUser user) {
		if (!this.scope.permits(user, Permission.READ_DIRECTIVES)) {
			throw new AccessDeniedException("no permission to read directives");
		}
		UnitScope unitScope = this.scope.scopeOf(user);
		boolean staff = this.scope.permits(user, Permission.DRAFT_DIRECTIVES);
		boolean atTheTop = !unitScope.isEverything() && unitScope.depth() <= 2;
		return new Reader(unitScope.rootUnitId(), unitScope.path(), unitScope.pathEnd(), staff, this.visible,
				listCondition(unitScope, staff), atTheTop ? this.inOrderAtTheTop : null);
	}

	/**
	 * The form of the rule for a reader's filtered list: the one that finds the fewest
	 * rows for them. A drafting reader's list reads every directive once (their own
	 * drafts are among them); anyone else's looks the directives that reached them up by
	 * their key. The unfiltered list of a reader at the top two levels is read in order
	 * instead ({@link InOrder}).
	 */
	private String listCondition(UnitScope unitScope, boolean staff) {
		if (unitScope.isEverything()) {
			return this.visibleInLists;
		}
		if (unitScope.depth() <= 2) {
			return staff ? this.visibleInListsAtTheTop : this.visibleInSmallListsAtTheTop;
		}
		return staff ? this.visibleInLists : this.visibleInSmallLists;
	}

	/** Lets a visible directive through, or answers 404. */
	void checkVisible(CurrentUser user, long directiveId) {
		Reader reader = reader(user);
		boolean visible = reader
			.bind(this.jdbc
				.sql("select exists (select 1 from directive d where d.id = :id and " + reader.condition() + ")"))
			.param("id", directiveId)
			.query(Boolean.class)
			.single();
		if (!visible) {
			throw new DirectiveNotFoundException(directiveId);
		}
	}

	/**
	 * Whether the reader is staff of the directive's issuer, who see its drafts and so
	 * its drafting: the same rule that shows them drafts at all.
	 */
	boolean isIssuerStaff(CurrentUser user, long issuerUnitId) {
		Reader reader = reader(user);
		return reader.staff() && this.jdbc.sql("select exists (select 1 from unit where id = ? and path like ? || '%')")
			.params(issuerUnitId, reader.scopePath())
			.query(Boolean.class)
			.single();
	}

	/**
	 * A reader's scope.
	 *
	 * @param scopeUnitId the unit at the top of the scope, or {@code null} for the whole
	 * tree
	 * @param scopePath the materialised path of the units the reader sees
	 * @param scopePathEnd the end of the range of their paths
	 * ({@link UnitScope#pathEnd()})
	 * @param staff whether the reader is department staff, who see drafts
	 * @param condition the SQL condition on a directive aliased {@code d} that it binds
	 * @param listCondition the same condition, for a list of directives
	 * @param inOrder the same rule for a list read in its order, with the issuers of the
	 * directives it lets through, or {@code null} where the list is best read by
	 * {@code listCondition} alone
	 */
	record Reader(Long scopeUnitId, String scopePath, String scopePathEnd, boolean staff, String condition,
			String listCondition, InOrder inOrder) {

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
			return statement.param("staff", this.staff)
				.param("scope", this.scopePath)
				.param("scopeEnd", this.scopePathEnd)
				.param("scopeUnit", this.scopeUnitId);
		}

	}

	/**
	 * The rule for a list read directive by directive in its order, stopping at the end
	 * of the page.
	 *
	 * @param condition the SQL condition on a directive aliased {@code d}, bound by a
	 * {@link Reader}
	 * @param issuers the SQL set of the issuers of the directives it lets through
	 */
	record InOrder(String condition, String issuers) {
	}

}
