package vn.edu.portal.account;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.organisation.UnitDirectory;
import vn.edu.portal.organisation.UnitRef;
import vn.edu.portal.system.DemoProperties;
import vn.edu.portal.system.FirstStartStep;

/**
 * On the first start with an empty database, creates the {@code admin} account; with demo
 * data on, creates the demo accounts once (after the demo units).
 */
@Component
@Order(20)
class FirstAccounts implements FirstStartStep {

	static final String ADMIN = "admin";

	private static final Logger log = LoggerFactory.getLogger(FirstAccounts.class);

	/**
	 * The demo accounts: username, full name, unit code, role. Later features add their
	 * demo data to these.
	 */
	static final List<DemoAccount> DEMO_ACCOUNTS = List.of(
			new DemoAccount("sgd.lanhdao", "Nguyễn Văn Hùng", "SGDDT-BT", Role.DEPARTMENT_LEADER),
			new DemoAccount("sgd.chuyenvien", "Trần Thị Mai", "SGDDT-BT-CTTT", Role.DEPARTMENT_OFFICER),
			new DemoAccount("pgd.giongtrom", "Lê Văn Phúc", "PGD-GTR", Role.UNIT_LEADER),
			new DemoAccount("thcs.giongtrom", "Phạm Thị Lan", "GTR-THCS-PHUOCLONG", Role.UNIT_LEADER),
			new DemoAccount("thpt.chuyenbentre", "Võ Minh Tuấn", "THPT-CHUYENBENTRE", Role.UNIT_LEADER),
			new DemoAccount("thpt.chuyenbentre.gv", "Huỳnh Thị Ngọc", "THPT-CHUYENBENTRE", Role.UNIT_STAFF),
			new DemoAccount("thpt.nguyendinhchieu", "Đặng Quốc Bảo", "THPT-NGUYENDINHCHIEU", Role.UNIT_LEADER));

	private final AccountRepository accounts;

	private final AccountService service;

	private final AdminProperties admin;

	private final DemoProperties demo;

	private final UnitDirectory units;

	private final JdbcClient jdbc;

	FirstAccounts(AccountRepository accounts, AccountService service, AdminProperties admin, DemoProperties demo,
			UnitDirectory units, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.service = service;
		this.admin = admin;
		this.demo = demo;
		this.units = units;
	}

	@Override
	@Transactional
	public void run() {
		// Two instances starting on an empty database take turns here.
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('portal.first-start'))").query().listOfRows();
		if (this.accounts.count() == 0) {
			createAdmin();
		}
		if (this.demo.data() && !this.accounts.existsByUsername(DEMO_ACCOUNTS.get(0).username())) {
			createDemoAccounts();
		}
	}

	private void createAdmin() {
		if (this.admin.hasPassword()) {
			this.service.create(ADMIN, "Quản trị hệ thống", null, Set.of(Role.SYSTEM_ADMIN), this.admin.password(),
					false);
			log.info("Created the account 'admin' with the password given in PORTAL_ADMIN_PASSWORD");
			return;
		}
		String password = this.service.generatePassword();
		this.service.create(ADMIN, "Quản trị hệ thống", null, Set.of(Role.SYSTEM_ADMIN), password, true);
		log.warn("""

				==================================================================
				 First start: created the account 'admin' with the password
				     {}
				 It is shown only this once and must be changed at first login.
				==================================================================""", password);
	}

	private void createDemoAccounts() {
		String password = this.demo.hasPassword() ? this.demo.password() : this.service.generatePassword();
		for (DemoAccount account : DEMO_ACCOUNTS) {
			UnitRef unit = this.units.findByCode(account.unitCode())
				.orElseThrow(() -> new IllegalStateException("Demo unit " + account.unitCode() + " is missing"));
			this.service.create(account.username(), account.fullName(), unit.id(), Set.of(account.role()), password,
					false);
		}
		log.warn("""

				==================================================================
				 Demo data: log in at /login as one of
				     {}
				 with the password {}
				==================================================================""",
				String.join(", ", DEMO_ACCOUNTS.stream().map(DemoAccount::username).toList()),
				this.demo.hasPassword() ? "given in PORTAL_DEMO_PASSWORD" : password);
	}

	record DemoAccount(String username, String fullName, String unitCode, Role role) {
	}

}
