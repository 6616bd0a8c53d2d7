package vn.edu.portal.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.edu.portal.audit.AuditLog;
import vn.edu.portal.organisation.OpenWork;
import vn.edu.portal.organisation.UnitMerged;

/**
 * Accounts follow their unit's history: active accounts are open work (a unit keeping
 * them cannot just close), and when a unit merges they move to its successor, in the same
 * transaction, each move audited and the moved accounts' sessions ended (their scope
 * changed).
 */
@Component
class AccountsOfUnits implements OpenWork {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final AccountSessions sessions;

	AccountsOfUnits(JdbcClient jdbc, AuditLog audit, AccountSessions sessions) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.sessions = sessions;
	}

	@Override
	public Optional<Item> openAt(long unitId) {
		long active = this.jdbc.sql("select count(*) from account where unit_id = ? and enabled")
			.param(unitId)
			.query(Long.class)
			.single();
		return (active > 0) ? Optional.of(new Item("account.openWork.accounts", active)) : Optional.empty();
	}

	@EventListener
	void on(UnitMerged merged) {
		List<Moved> moved = this.jdbc.sql("""
				update account set unit_id = :successor, version = version + 1 where unit_id = :unit
				returning id, username
				""")
			.param("successor", merged.successorId())
			.param("unit", merged.unitId())
			.query((rs, i) -> new Moved(rs.getLong("id"), rs.getString("username")))
			.list();
		Map<Long, Map<String, Object>> details = new LinkedHashMap<>();
		moved.forEach((account) -> details.put(account.id(), Map.of("username", account.username(), "unitIdBefore",
				merged.unitId(), "unitIdAfter", merged.successorId())));
		if (!details.isEmpty()) {
			this.audit.recordAll("ACCOUNTS_MOVED", "ACCOUNT", details);
		}
		moved.forEach((account) -> this.sessions.endAll(account.username()));
	}

	private record Moved(long id, String username) {
	}

}
