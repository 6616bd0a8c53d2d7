package vn.edu.portal.directive;

import org.springframework.stereotype.Component;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.Role;
import vn.edu.portal.account.TodoGroup;

/**
 * The home page's groups of directives: the drafts a drafter started or had returned by
 * the leader, and the drafts awaiting a leader's approval.
 */
final class DirectiveTodos {

	private static final String TITLE = "coalesce(nullif(d.subject, ''), '#' || d.id)";

	private DirectiveTodos() {
	}

	/**
	 * The drafts of the account: those the leader returned first (with the comment to
	 * answer), then those it started, the oldest change first.
	 */
	@Component
	static class Drafts implements TodoGroup {

		@Override
		public String key() {
			return "directiveDrafts";
		}

		@Override
		public int order() {
			return 50;
		}

		@Override
		public boolean appliesTo(CurrentUser user) {
			return user.hasRole(Role.DEPARTMENT_OFFICER);
		}

		@Override
		public String more() {
			return "/directives?status=DRAFT";
		}

		@Override
		public String sql() {
			return """
					select case when d.return_comment is not null then 'directiveReturned' else 'directiveDraft' end
					         as action,
					       %s as title, '/directives/' || d.id || '/edit' as link, null::date as deadline,
					       case when d.return_comment is not null then 0 else 1 end as urgency, null::bigint as figure
					from directive d join unit iu on iu.id = d.issuer_unit_id
					where d.status = 'DRAFT' and iu.path like :scope || '%%'
					  and d.created_by = :account
					""".formatted(TITLE);
		}

	}

	/** The drafts submitted for approval: the urgent ones first, then the oldest. */
	@Component
	static class Approval implements TodoGroup {

		@Override
		public String key() {
			return "directiveApproval";
		}

		@Override
		public int order() {
			return 10;
		}

		@Override
		public boolean appliesTo(CurrentUser user) {
			return user.hasRole(Role.DEPARTMENT_LEADER);
		}

		@Override
		public String more() {
			return "/directives?status=PENDING_APPROVAL";
		}

		@Override
		public String sql() {
			return """
					select 'directiveApproval' as action, %s as title, '/directives/' || d.id as link,
					       null::date as deadline, case when d.urgency <> 'NORMAL' then 0 else 1 end as urgency,
					       null::bigint as figure
					from directive d join unit iu on iu.id = d.issuer_unit_id
					where d.status = 'PENDING_APPROVAL' and iu.path like :scope || '%%'
					""".formatted(TITLE);
		}

	}

}
