package vn.edu.portal.home;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.ScopePolicy;
import vn.edu.portal.account.TodoGroup;
import vn.edu.portal.calendar.WorkingCalendar;
import vn.edu.portal.calendar.WorkingDays;
import vn.edu.portal.system.Formats;

/**
 * What needs a person: the groups of work that apply to the account, all read in one
 * statement (each group's first rows, the most urgent first, and how many it has), with
 * each deadline counted in working days. The account's scope was read with the menu.
 */
@Service
class Todos {

	/** How many rows of a group the page shows. */
	static final int SHOWN = 10;

	private final List<TodoGroup> groups;

	private final ScopePolicy scope;

	private final JdbcClient jdbc;

	private final Formats formats;

	private final WorkingDays workingDays;

	private final Clock clock;

	Todos(List<TodoGroup> groups, ScopePolicy scope, JdbcClient jdbc, Formats formats, WorkingDays workingDays,
			Clock clock) {
		this.groups = groups.stream()
			.sorted(java.util.Comparator.comparingInt(TodoGroup::order).thenComparing(TodoGroup::key))
			.toList();
		this.scope = scope;
		this.jdbc = jdbc;
		this.formats = formats;
		this.workingDays = workingDays;
		this.clock = clock;
	}

	/** Whether none of the groups has any work. */
	static boolean nothingToDo(List<Group> groups) {
		return groups.stream().noneMatch((group) -> group.work() && group.count() > 0);
	}

	@Transactional(readOnly = true)
	List<Group> of(CurrentUser user) {
		List<TodoGroup> applying = this.groups.stream().filter((group) -> group.appliesTo(user)).toList();
		if (applying.isEmpty()) {
			return List.of();
		}
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < applying.size(); i++) {
			parts.add("""
					(select %d as grp, t.action, t.title, t.link, t.deadline, t.urgency, t.figure,
					        count(*) over () as total
					 from (%s) as t
					 order by t.urgency, t.deadline nulls last, t.title, t.link limit %d)""".formatted(i,
					applying.get(i).sql().strip(), SHOWN));
		}
		LocalDate today = this.formats.today();
		Map<Integer, List<Todo>> rows = new LinkedHashMap<>();
		long[] totals = new long[applying.size()];
		WorkingCalendar calendar = this.workingDays.calendar();
		this.jdbc.sql("select * from (" + String.join("\nunion all\n", parts) + """
				) as todo
				order by todo.grp, todo.urgency, todo.deadline nulls last, todo.title, todo.link
				""")
			.param("account", user.id())
			.param("unit", user.unitId())
			.param("scope", this.scope.scopeOf(user).path())
			.param("today", today)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("zone", this.formats.zone().getId())
			.query((rs) -> {
				int group = rs.getInt("grp");
				totals[group] = rs.getLong("total");
				LocalDate deadline = rs.getObject("deadline", LocalDate.class);
				Object figure = rs.getObject("figure");
				rows.computeIfAbsent(group, (g) -> new ArrayList<>())
					.add(new Todo(rs.getString("action"), rs.getString("title"), rs.getString("link"), deadline,
							Due.of(deadline, today, calendar), rs.getInt("urgency"),
							(figure != null) ? ((Number) figure).longValue() : null));
			});
		List<Group> result = new ArrayList<>();
		for (int i = 0; i < applying.size(); i++) {
			TodoGroup group = applying.get(i);
			result
				.add(new Group(group.key(), rows.getOrDefault(i, List.of()), totals[i], group.more(), group.isWork()));
		}
		return result;
	}

	/**
	 * A group of the page.
	 *
	 * @param key its key (heading {@code home.todo.<key>})
	 * @param items its first rows, the most urgent first
	 * @param count how many it has in all
	 * @param more where the whole list is, or {@code null}
	 * @param work whether its rows are work to do, or a figure to know
	 */
	record Group(String key, List<Todo> items, long count, String more, boolean work) {

		public boolean hasMore() {
			return this.more != null && this.count > this.items.size();
		}

	}

	/**
	 * One thing to do.
	 *
	 * @param action what to do (message {@code home.todo.action.<action>})
	 * @param title what it is about
	 * @param link where it is done
	 * @param deadline when it is due, or {@code null}
	 * @param due how its deadline stands today, or {@code null} without one
	 * @param urgency 0 first
	 * @param figure a number the action shows, or {@code null}
	 */
	record Todo(String action, String title, String link, LocalDate deadline, Due due, int urgency, Long figure) {

	}

	/**
	 * How a deadline stands today: passed, today, or ahead, with the working days (at
	 * least one) since or until it.
	 *
	 * @param state {@code late}, {@code today} or {@code ahead}
	 * @param workingDays the working days since the deadline (late) or until it (ahead)
	 */
	record Due(String state, int workingDays) {

		static Due of(LocalDate deadline, LocalDate today, WorkingCalendar calendar) {
			if (deadline == null) {
				return null;
			}
			if (deadline.isBefore(today)) {
				return new Due("late", Math.max(1, -calendar.between(today, deadline)));
			}
			if (deadline.equals(today)) {
				return new Due("today", 0);
			}
			return new Due("ahead", Math.max(1, calendar.between(today, deadline)));
		}

	}

}
