package vn.edu.portal.delivery;

import org.springframework.stereotype.Component;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.MenuFigure;

/** The unread count beside "Văn bản đến" in the menu of every page. */
@Component
class InboxCount implements MenuFigure {

	@Override
	public String name() {
		return "inboxUnread";
	}

	@Override
	public String sql() {
		return InboxQueries.UNREAD;
	}

	@Override
	public boolean appliesTo(CurrentUser user) {
		return user.unitId() != null;
	}

}
