package vn.edu.portal.delivery;

import java.sql.Timestamp;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.directive.DirectiveAmended;
import vn.edu.portal.directive.DirectiveOpened;
import vn.edu.portal.directive.DirectivePublished;
import vn.edu.portal.directive.DirectiveRecalled;
import vn.edu.portal.directive.Urgency;

/**
 * Creates the assignments of a published directive, one per recipient unit, in one
 * set-based statement inside the publication's own transaction: a directive is never
 * published without its assignments, nor assignments left without a directive. A recalled
 * directive's assignments stop counting as due; an opened one is read.
 */
@Component
class Deliveries {

	private final JdbcClient jdbc;

	private final DeliveryProperties properties;

	Deliveries(JdbcClient jdbc, DeliveryProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * One assignment per recipient; offices with open units below them must forward it
	 * when the Department requires it.
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(DirectivePublished published) {
		this.jdbc
			.sql("""
					insert into assignment (directive_id, unit_id, role, delivered_at, acknowledge_by, acknowledge_before,
					                        due_on, forwarding_required)
					select :directive, r.unit_id, r.role, :at, :acknowledgeBy, :before, :dueOn,
					       :forwarding and r.role = 'IMPLEMENT' and exists (select 1 from unit c where c.parent_id = r.unit_id and c.valid_to is null)
					from unnest(:units, :roles) as r(unit_id, role)
					""")
			.param("directive", published.directiveId())
			.param("at", Timestamp.from(published.publishedAt()))
			.param("acknowledgeBy", published.acknowledgeBy())
			.param("before", (published.urgency() == Urgency.FLASH)
					? Timestamp.from(published.publishedAt().plus(this.properties.flashAcknowledgeWithin())) : null)
			.param("dueOn", published.dueOn())
			.param("forwarding", published.forwardingRequired())
			.param("units",
					published.recipients().stream().map(DirectivePublished.Recipient::unitId).toArray(Long[]::new))
			.param("roles",
					published.recipients().stream().map((recipient) -> recipient.role().name()).toArray(String[]::new))
			.update();
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(DirectiveRecalled recalled) {
		this.jdbc.sql(
				"update assignment set withdrawn_at = :at, version = version + 1 where directive_id = :directive and withdrawn_at is null")
			.param("at", Timestamp.from(recalled.recalledAt()))
			.param("directive", recalled.directiveId())
			.update();
	}

	/**
	 * An amendment that moves the report deadline moves it for the recipients; offices
	 * set their own for the units they forwarded to, which stay.
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(DirectiveAmended amended) {
		this.jdbc.sql("""
				update assignment set due_on = :due, version = version + 1
				where directive_id = :directive and parent_id is null and due_on is distinct from :due
				""").param("due", amended.reportDue()).param("directive", amended.directiveId()).update();
	}

	/**
	 * The read receipt: the first time someone of a recipient unit opens the directive
	 * (published after the page's read-only transaction, so this one is its own).
	 */
	@EventListener
	@Transactional
	void on(DirectiveOpened opened) {
		if (opened.unitId() == null) {
			return;
		}
		this.jdbc.sql("""
				update assignment set read_at = :at, read_by = :account, version = version + 1
				where directive_id = :directive and unit_id = :unit and read_at is null
				""")
			.param("at", Timestamp.from(opened.at()))
			.param("account", opened.accountId())
			.param("directive", opened.directiveId())
			.param("unit", opened.unitId())
			.update();
	}

}
