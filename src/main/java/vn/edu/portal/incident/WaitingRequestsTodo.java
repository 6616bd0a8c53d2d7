package vn.edu.portal.incident;

import org.springframework.stereotype.Component;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.Permission;
import vn.edu.portal.account.ScopePolicy;
import vn.edu.portal.account.TodoGroup;

/**
 * The home page's group of requests to platforms and agencies still without an answer
 * after {@code portal.incidents.request-answer-days}, on the incidents the reviewer
 * handles: each a line to chase it or record its answer, the oldest first.
 */
@Component
class WaitingRequestsTodo implements TodoGroup {

	private final ScopePolicy scope;

	private final IncidentProperties properties;

	WaitingRequestsTodo(ScopePolicy scope, IncidentProperties properties) {
		this.scope = scope;
		this.properties = properties;
	}

	@Override
	public String key() {
		return "incidentRequests";
	}

	@Override
	public boolean appliesTo(CurrentUser user) {
		return this.scope.permits(user, Permission.REVIEW);
	}

	@Override
	public String sql() {
		return """
				select 'requestWaiting.' || coalesce(q.platform, q.agency) as action,
				       '#' || i.id || ' · ' || coalesce(u.short_name, u.name)
				         || coalesce(' · ' || q.reference, '') as title,
				       '/incidents/' || i.id || '/requests/' || q.id || '/edit' as link,
				       q.sent_on + %1$d as deadline, 0 as urgency,
				       (cast(:today as date) - q.sent_on)::bigint as figure
				from incident_request q join incident i on i.id = q.incident_id join unit u on u.id = i.unit_id
				where q.answered_on is null and q.outcome is null and q.sent_on <= cast(:today as date) - %1$d
				  and i.reviewer_id = :account and i.status <> 'DRAFT' and u.path like :scope || '%%'
				""".formatted(this.properties.requestAnswerDays());
	}

	@Override
	public String more() {
		return "/incidents/mine";
	}

	@Override
	public int order() {
		return 60;
	}

}
