package vn.edu.portal.notification;

import org.springframework.stereotype.Component;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.Role;
import vn.edu.portal.account.TodoGroup;

/**
 * The e-mails refused for good (or whose fate is unknown) to accounts of the
 * administrator's scope: an administrator decides whether to send them again. The most
 * recent first.
 */
@Component
class NotificationTodos implements TodoGroup {

	@Override
	public String key() {
		return "failedMail";
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public boolean appliesTo(CurrentUser user) {
		return user.hasRole(Role.SYSTEM_ADMIN);
	}

	@Override
	public String more() {
		return "/admin/outbox";
	}

	@Override
	public String sql() {
		return """
				select case when o.status = 'FAILED' then 'mailFailed' else 'mailUncertain' end as action,
				       coalesce(o.address, a.email, a.username) as title, '/admin/outbox' as link,
				       null::date as deadline, 0 as urgency, null::bigint as figure
				from outbox_mail o join account a on a.id = o.account_id
				where o.status in ('FAILED', 'UNCERTAIN')
				  and (:scope = '/' or a.unit_id in (select su.id from unit su where su.path like :scope || '%'))
				""";
	}

}
