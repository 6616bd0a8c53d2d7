package vn.edu.portal.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The account list of the administration pages: one query per page, within the scope. */
@Component
class AccountQueries {

	static final int PAGE_SIZE = 50;

	private final JdbcClient jdbc;

	private final Clock clock;

	AccountQueries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A page of accounts, plus one beyond it to tell whether a next page exists. */
	List<AccountRow> list(UnitScope scope, AccountFilter filter) {
		return this.jdbc
			.sql("""
					select a.id, a.username, a.full_name, a.email, a.enabled, a.must_change_password,
					       a.locked_until > :now as locked, u.code as unit_code, u.name as unit_name,
					       (select string_agg(r.role, ',' order by r.role) from account_role r where r.account_id = a.id) as roles
					from account a left join unit u on u.id = a.unit_id
					where (u.path like :scope || '%' or (a.unit_id is null and :everything))
					  and (:unit = '' or u.code = :unit)
					  and (:role = '' or exists (select 1 from account_role r where r.account_id = a.id and r.role = :role))
					  and (:status = ''
					       or (:status = 'ACTIVE' and a.enabled and (a.locked_until is null or a.locked_until <= :now))
					       or (:status = 'DISABLED' and not a.enabled)
					       or (:status = 'LOCKED' and a.locked_until > :now)
					       or (:status = 'MUST_CHANGE' and a.must_change_password))
					  and (:text = '' or portal_fold(a.username || ' ' || a.full_name) like '%' || portal_fold(:text) || '%')
					order by a.username
					limit :limit offset :offset
					""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("scope", scope.path())
			.param("everything", scope.isEverything())
			.param("unit", filter.unitCodeOrEmpty())
			.param("role", (filter.role() != null) ? filter.role().name() : "")
			.param("status", (filter.status() != null) ? filter.status().name() : "")
			.param("text", filter.textOrEmpty())
			.param("limit", PAGE_SIZE + 1)
			.param("offset", filter.pageNumber() * PAGE_SIZE)
			.query((rs, i) -> new AccountRow(rs.getLong("id"), rs.getString("username"), rs.getString("full_name"),
					rs.getString("email"), rs.getString("unit_code"), rs.getString("unit_name"), rs.getString("roles"),
					rs.getBoolean("enabled"), rs.getBoolean("locked"), rs.getBoolean("must_change_password")))
			.list();
	}

	/** The account with its unit, for the edit page. */
	String unitCodeOf(Long unitId) {
		return (unitId != null)
				? this.jdbc.sql("select code from unit where id = ?").param(unitId).query(String.class).single() : "";
	}

	Instant now() {
		return this.clock.instant();
	}

	record AccountRow(long id, String username, String fullName, String email, String unitCode, String unitName,
			String roles, boolean enabled, boolean locked, boolean mustChangePassword) {

		public List<String> roleList() {
			return (this.roles != null) ? List.of(this.roles.split(",")) : List.of();
		}

	}

}
