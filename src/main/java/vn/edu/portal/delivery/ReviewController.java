package vn.edu.portal.delivery;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.Permission;
import vn.edu.portal.account.ScopePolicy;

/** The Department's queue of submitted reports to review, oldest first. */
@Controller
class ReviewController {

	private final InboxQueries queries;

	private final ScopePolicy scope;

	ReviewController(InboxQueries queries, ScopePolicy scope) {
		this.queries = queries;
		this.scope = scope;
	}

	@GetMapping("/reports/review")
	String queue(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		if (!this.scope.permits(user, Permission.REVIEW)) {
			throw new AccessDeniedException("only department officers review reports");
		}
		int shown = Math.max(0, Math.min(page, InboxFilter.MAX_PAGE));
		List<InboxQueries.QueueRow> rows = this.queries.reviewQueue(this.scope.scopeOf(user), shown);
		model.addAttribute("rows", rows.subList(0, Math.min(rows.size(), InboxQueries.PAGE_SIZE)));
		model.addAttribute("hasNext", rows.size() > InboxQueries.PAGE_SIZE);
		model.addAttribute("page", shown);
		return "reports/review";
	}

}
