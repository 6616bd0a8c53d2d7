package vn.edu.portal.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.ScopePolicy;
import vn.edu.portal.account.UnitScope;
import vn.edu.portal.audit.AuditLog;

/**
 * The outbox for system administrators: how many e-mails wait, went and failed; those
 * that failed or whose sending was interrupted, with why; the addresses refused; and a
 * retry for each.
 */
@Controller
@RequestMapping("/admin/outbox")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class OutboxController {

	private final JdbcClient jdbc;

	/**
	 * The accounts of the reader's scope: an administrator of a Department sees the
	 * e-mails of its accounts only.
	 */
	private static final String IN_SCOPE = """
			(:everything or a.unit_id in (select su.id from unit su where su.path like :scope))
			""";

	private final AuditLog audit;

	private final ScopePolicy scope;

	OutboxController(JdbcClient jdbc, AuditLog audit, ScopePolicy scope) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.scope = scope;
	}

	@GetMapping
	String outbox(@AuthenticationPrincipal CurrentUser user, Model model) {
		UnitScope visible = this.scope.scopeOf(user);
		model.addAttribute("counts",
				inScope(this.jdbc.sql("""
						select o.status, count(*) from outbox_mail o join account a on a.id = o.account_id
						where %s group by o.status
						""".formatted(IN_SCOPE)), visible).query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
					.list()
					.stream()
					.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
		model.addAttribute("statuses", List.of("PENDING", "SENDING", "SENT", "FAILED", "UNCERTAIN"));
		model.addAttribute("problems", inScope(this.jdbc.sql("""
				select o.id, o.status, o.attempts, coalesce(o.address, a.email) as address, a.username, o.last_error,
				       o.created_at, o.next_attempt_at
				from outbox_mail o join account a on a.id = o.account_id
				where (o.status in ('FAILED', 'UNCERTAIN') or (o.status = 'PENDING' and o.attempts > 0)) and %s
				order by o.created_at desc, o.id desc limit 200
				""".formatted(IN_SCOPE)), visible)
			.query((rs, i) -> new Problem(rs.getLong("id"), rs.getString("status"), rs.getInt("attempts"),
					rs.getString("address"), rs.getString("username"), rs.getString("last_error"),
					rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("next_attempt_at").toInstant()))
			.list());
		model.addAttribute("addresses", inScope(this.jdbc.sql("""
				select p.address, p.reason, p.noticed_at from mail_address_problem p
				where :everything or exists (select 1 from account a where lower(a.email) = lower(p.address) and %s)
				order by p.noticed_at desc, p.address limit 200
				""".formatted(IN_SCOPE)), visible)
			.query((rs, i) -> new AddressProblem(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list());
		return "admin/outbox";
	}

	@PostMapping("/{id}/retry")
	String retry(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		UnitScope visible = this.scope.scopeOf(user);
		boolean seen = inScope(this.jdbc.sql("""
				select exists (select 1 from outbox_mail o join account a on a.id = o.account_id
				               where o.id = :id and %s)
				""".formatted(IN_SCOPE)), visible).param("id", id).query(Boolean.class).single();
		if (!seen) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		int updated = this.jdbc.sql("""
				update outbox_mail set status = 'PENDING', attempts = 0, next_attempt_at = now(), last_error = null
				where id = ? and status in ('FAILED', 'UNCERTAIN', 'PENDING')
				""").param(id).update();
		if (updated == 1) {
			this.audit.record("OUTBOX_RETRIED", "OUTBOX_MAIL", id, Map.of());
		}
		redirect.addFlashAttribute("success", "outbox.retried");
		return "redirect:/admin/outbox";
	}

	private static JdbcClient.StatementSpec inScope(JdbcClient.StatementSpec statement, UnitScope visible) {
		return statement.param("everything", visible.isEverything()).param("scope", visible.path() + "%");
	}

	/**
	 * An e-mail that did not go as it should.
	 *
	 * @param id the e-mail
	 * @param status FAILED, UNCERTAIN or PENDING
	 * @param attempts how many times it was tried
	 * @param address where it goes
	 * @param username whose it is
	 * @param lastError why it did not go
	 * @param createdAt when it was queued
	 * @param nextAttemptAt when it is tried again
	 */
	record Problem(long id, String status, int attempts, String address, String username, String lastError,
			Instant createdAt, Instant nextAttemptAt) {

		/** The message key of why it did not go. */
		public String reasonKey() {
			return OutboxController.reasonKey(this.lastError);
		}

		/** The mail server's own words, if any. */
		public String detail() {
			return OutboxController.detail(this.lastError);
		}

	}

	static String reasonKey(String recorded) {
		if (recorded == null) {
			return null;
		}
		String name = recorded.split(java.util.regex.Pattern.quote(OutboxSender.Reason.SEPARATOR), 2)[0];
		boolean known = java.util.Arrays.stream(OutboxSender.Reason.values())
			.anyMatch((reason) -> reason.name().equals(name));
		return "outbox.reason." + (known ? name : "SMTP");
	}

	static String detail(String recorded) {
		if (recorded == null) {
			return null;
		}
		int separator = recorded.indexOf(OutboxSender.Reason.SEPARATOR);
		return (separator < 0) ? null : recorded.substring(separator + OutboxSender.Reason.SEPARATOR.length());
	}

	/**
	 * An address refused.
	 *
	 * @param address the address
	 * @param reason why
	 * @param noticedAt when
	 */
	record AddressProblem(String address, String reason, Instant noticedAt) {

		public String reasonKey() {
			return OutboxController.reasonKey(this.reason);
		}

		public String detail() {
			return OutboxController.detail(this.reason);
		}

	}

}
