package vn.edu.portal.account;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.util.Assert;

/**
 * An account: one person's login, roles and unit. Guards its own lockout and password
 * state.
 */
@Entity
@Table(name = "account")
class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	private String passwordHash;

	private String fullName;

	private String email;

	private String phone;

	private Long unitId;

	private String language = "vi";

	private boolean enabled = true;

	private boolean mustChangePassword;

	private int failedAttempts;

	private int lockCount;

	private Instant lockedUntil;

	private Instant passwordChangedAt;

	private Instant lastLoginAt;

	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	@Version
	private long version;

	protected Account() {
	}

	Account(String username, String fullName, Long unitId, Set<Role> roles, String passwordHash,
			boolean mustChangePassword, Instant now) {
		Assert.hasText(username, "username is required");
		Assert.notEmpty(roles, "an account has at least one role");
		Assert.isTrue(unitId != null || roles.equals(Set.of(Role.SYSTEM_ADMIN)),
				"only a system administrator may have no unit");
		this.username = normaliseUsername(username);
		this.fullName = fullName;
		this.unitId = unitId;
		this.roles = EnumSet.copyOf(roles);
		this.passwordHash = passwordHash;
		this.mustChangePassword = mustChangePassword;
		this.passwordChangedAt = now;
	}

	static String normaliseUsername(String username) {
		return username.strip().toLowerCase(Locale.ROOT);
	}

	boolean isLockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	void recordSuccessfulLogin(Instant now) {
		this.failedAttempts = 0;
		this.lockCount = 0;
		this.lockedUntil = null;
		this.lastLoginAt = now;
	}

	/** What an administrator changes; a system administrator alone may have no unit. */
	void edit(String fullName, String email, String phone, Long unitId, Set<Role> roles) {
		Assert.notEmpty(roles, "an account has at least one role");
		Assert.isTrue(unitId != null || roles.equals(Set.of(Role.SYSTEM_ADMIN)),
				"only a system administrator may have no unit");
		this.fullName = fullName;
		this.email = email;
		this.phone = phone;
		this.unitId = unitId;
		this.roles.clear();
		this.roles.addAll(roles);
	}

	/** What every user changes on their profile. */
	void updateProfile(String email, String phone, String language) {
		Assert.isTrue(language.equals("vi") || language.equals("en"), "vi or en");
		this.email = email;
		this.phone = phone;
		this.language = language;
	}

	void disable() {
		this.enabled = false;
	}

	void enable() {
		this.enabled = true;
	}

	void unlock() {
		this.lockedUntil = null;
		this.failedAttempts = 0;
	}

	/**
	 * A temporary password set by an administrator: it must be changed at the next login.
	 */
	void resetPassword(String temporaryHash, Instant now) {
		this.passwordHash = temporaryHash;
		this.passwordChangedAt = now;
		this.mustChangePassword = true;
		unlock();
	}

	Map<String, Object> snapshot() {
		Map<String, Object> snapshot = snapshotOf(this.username, this.fullName, this.email, this.phone, this.unitId,
				this.roles);
		snapshot.put("enabled", this.enabled);
		snapshot.put("language", this.language);
		return snapshot;
	}

	/** What the audit trail records of an account, also for rows of an import. */
	static Map<String, Object> snapshotOf(String username, String fullName, String email, String phone, Long unitId,
			Set<Role> roles) {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("username", username);
		snapshot.put("fullName", fullName);
		snapshot.put("email", email);
		snapshot.put("phone", phone);
		snapshot.put("unitId", unitId);
		snapshot.put("roles", new TreeSet<>(roles).toString());
		return snapshot;
	}

	void changePassword(String newHash, Instant now) {
		this.passwordHash = newHash;
		this.passwordChangedAt = now;
		this.mustChangePassword = false;
	}

	Duration lockRemaining(Instant now) {
		return isLockedAt(now) ? Duration.between(now, this.lockedUntil) : Duration.ZERO;
	}

	Long getId() {
		return this.id;
	}

	String getUsername() {
		return this.username;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	String getFullName() {
		return this.fullName;
	}

	Long getUnitId() {
		return this.unitId;
	}

	String getLanguage() {
		return this.language;
	}

	boolean isEnabled() {
		return this.enabled;
	}

	boolean isMustChangePassword() {
		return this.mustChangePassword;
	}

	int getFailedAttempts() {
		return this.failedAttempts;
	}

	Instant getLockedUntil() {
		return this.lockedUntil;
	}

	String getEmail() {
		return this.email;
	}

	String getPhone() {
		return this.phone;
	}

	long getVersion() {
		return this.version;
	}

	Set<Role> getRoles() {
		return this.roles;
	}

}
