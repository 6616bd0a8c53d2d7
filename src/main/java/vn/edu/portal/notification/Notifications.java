package vn.edu.portal.notification;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes messages, set-based, in the caller's transaction: one in-app row per account,
 * and one outbox row for each of them that takes e-mail for it (everything, or urgent
 * messages only, and an address). So a message exists exactly when the event that caused
 * it was committed.
 */
@Service
class Notifications {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Notifications(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Sends one message to an audience.
	 * @return how many accounts received it
	 */
	int send(Audience audience, NotificationKind kind, boolean urgent, Map<String, ?> args, String link) {
		return insert("", """
				select a.id, :kind, :urgent, cast(:args as jsonb), :link from account a where a.enabled and (%s)
				""".formatted(audience.condition()), Map.of("kind", kind.name(), "urgent", urgent, "args",
				this.json.writeValueAsString(args), "link", link));
	}

	/**
	 * Sends the messages a query selects: its rows are (account, kind, urgent, arguments
	 * as JSON, link), after the common table expressions given (which may write, as the
	 * reminders' record does), each ending with a comma.
	 * @return how many messages were written
	 */
	int insert(String ctes, String select, Map<String, ?> params) {
		var statement = this.jdbc.sql("""
				with %s made as (
				  insert into notification (account_id, kind, urgent, args, link)
				  %s
				  returning id, account_id, urgent
				), mailed as (
				  insert into outbox_mail (account_id, notification_id)
				  select m.account_id, m.id from made m
				  join account a on a.id = m.account_id
				  left join notification_preference p on p.account_id = m.account_id
				  where a.email is not null and a.email <> ''
				    and (coalesce(p.email_mode, 'ALL') = 'ALL' or (p.email_mode = 'URGENT' and m.urgent))
				  returning id
				)
				select (select count(*) from made) + 0 * (select count(*) from mailed)
				""".formatted(ctes, select));
		for (Map.Entry<String, ?> param : params.entrySet()) {
			statement = statement.param(param.getKey(), param.getValue());
		}
		return statement.query(Integer.class).single();
	}

}
