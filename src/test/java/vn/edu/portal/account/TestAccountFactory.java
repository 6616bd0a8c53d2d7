package vn.edu.portal.account;

import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.edu.portal.organisation.UnitDirectory;

/**
 * Creates throwaway accounts, so that a test can lock or change one without touching
 * others.
 */
@Component
class TestAccountFactory {

	static final String PASSWORD = "Mot-mat-khau-rieng-2026";

	private final AccountService accounts;

	private final UnitDirectory units;

	TestAccountFactory(AccountService accounts, UnitDirectory units) {
		this.accounts = accounts;
		this.units = units;
	}

	String create(Role role, boolean mustChangePassword) {
		String username = "test." + UUID.randomUUID().toString().substring(0, 8);
		long unit = this.units.findByCode("THPT-CHUYENBENTRE").orElseThrow().id();
		this.accounts.create(username, "Người Kiểm Thử", unit, Set.of(role), PASSWORD, mustChangePassword);
		return username;
	}

}
