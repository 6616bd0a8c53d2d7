package vn.edu.portal.account;

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
 * transaction.
 */
@Component
class AccountsOfUnits implements OpenWork {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	AccountsOfUnits(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
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
		int moved = this.jdbc
			.sql("update account set unit_id = :successor, version = version + 1 where unit_id = :unit")
			.param("successor", merged.successorId())
			.param("unit", merged.unitId())
			.update();
		if (moved > 0) {
			this.audit.record("ACCOUNTS_MOVED", "UNIT", merged.unitId(),
					Map.of("successorId", merged.successorId(), "accounts", moved));
		}
	}

}
