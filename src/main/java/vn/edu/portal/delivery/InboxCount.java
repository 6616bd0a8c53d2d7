package vn.edu.portal.delivery;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.edu.portal.account.CurrentUser;

/** The unread count beside "Văn bản đến" in the menu of every page. */
@ControllerAdvice
class InboxCount {

	private final InboxQueries queries;

	InboxCount(InboxQueries queries) {
		this.queries = queries;
	}

	@ModelAttribute("inboxUnread")
	Integer unread(Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user
				&& user.unitId() != null) {
			return this.queries.unread(user.unitId());
		}
		return null;
	}

}
