package vn.edu.portal.account;

import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Accounts for tests of other modules: a throwaway account with one role in a given unit,
 * with the password {@link #PASSWORD}.
 */
@Component
public class TestPeople {

	public static final String PASSWORD = TestAccountFactory.PASSWORD;

	private final AccountService accounts;

	private final AccountUserDetailsService users;

	TestPeople(AccountService accounts, AccountUserDetailsService users) {
		this.accounts = accounts;
		this.users = users;
	}

	/** A new account; answers its username. */
	public String account(long unitId, Role role) {
		String username = "t." + role.name().toLowerCase().replace("_", "") + "."
				+ UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(username, "Người Thử " + role.name(), unitId, Set.of(role), PASSWORD, false);
		return username;
	}

	/** The signed-in form of an account, for calling services directly. */
	public CurrentUser user(String username) {
		return this.users.loadUserByUsername(username).withoutPassword();
	}

}
