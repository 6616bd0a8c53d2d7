package vn.edu.portal.delivery;

import java.sql.Timestamp;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.directive.DirectivePublished;
import vn.edu.portal.directive.DirectiveRecalled;

/**
 * Creates the assignments of a published directive, one per recipient unit, in one
 * set-based statement inside the publication's own transaction: a directive is never
 * published without its assignments, nor assignments left without a directive. A recalled
 * directive's assignments stop counting as due.
 */
@Component
class Deliveries {

	private final JdbcClient jdbc;

	Deliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(DirectivePublished published) {
		this.jdbc.sql("""
				insert into assignment (directive_id, unit_id, role, status, delivered_at, acknowledge_by)
				select :directive, unit_id, role, 'DELIVERED', :at, :acknowledgeBy
				from unnest(:units, :roles) as r(unit_id, role)
				""")
			.param("directive", published.directiveId())
			.param("at", Timestamp.from(published.publishedAt()))
			.param("acknowledgeBy", published.acknowledgeBy())
			.param("units",
					published.recipients().stream().map(DirectivePublished.Recipient::unitId).toArray(Long[]::new))
			.param("roles",
					published.recipients().stream().map((recipient) -> recipient.role().name()).toArray(String[]::new))
			.update();
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(DirectiveRecalled recalled) {
		this.jdbc
			.sql("update assignment set withdrawn_at = :at where directive_id = :directive and withdrawn_at is null")
			.param("at", Timestamp.from(recalled.recalledAt()))
			.param("directive", recalled.directiveId())
			.update();
	}

}
