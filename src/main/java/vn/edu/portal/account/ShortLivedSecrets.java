package vn.edu.portal.account;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sweeps what was kept for a few minutes and never taken: imported accounts' temporary
 * passwords ({@link CredentialsVault}) and passkey registrations never finished
 * ({@link PendingPasskeyRegistrations}). Every five minutes, on one instance per slot
 * (the lock is held at least a minute, so instances whose clocks differ a little do not
 * sweep the same slot twice). Expired rows are refused anyway; the sweep only keeps them
 * from lying around.
 */
@Component
class ShortLivedSecrets {

	static final String LOCK = "short-lived-secrets";

	private final JdbcClient jdbc;

	ShortLivedSecrets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Scheduled(cron = "${portal.accounts.sweep-cron:0 */5 * * * *}")
	@SchedulerLock(name = LOCK, lockAtMostFor = "PT5M", lockAtLeastFor = "PT1M")
	void sweep() {
		this.jdbc.sql("delete from import_credentials where expires_at <= now()").update();
		this.jdbc.sql("delete from passkey_registration where expires_at <= now()").update();
	}

}
