package vn.edu.portal.account;

import java.time.Clock;
import java.util.Set;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class AccountUserDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	private final Clock clock;

	AccountUserDetailsService(AccountRepository accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public CurrentUser loadUserByUsername(String username) {
		return this.accounts.findByUsername(Account.normaliseUsername(username))
			.map(this::toCurrentUser)
			.orElseThrow(() -> new UsernameNotFoundException("unknown account"));
	}

	private CurrentUser toCurrentUser(Account account) {
		return new CurrentUser(account.getId(), account.getUsername(), account.getPasswordHash(), account.getFullName(),
				account.getUnitId(), Set.copyOf(account.getRoles()), account.isMustChangePassword(),
				account.isEnabled(), account.isLockedAt(this.clock.instant()), account.getLanguage());
	}

}
