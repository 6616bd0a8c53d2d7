package vn.edu.portal.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.ScopePolicy;
import vn.edu.portal.directive.DirectiveCatalog;
import vn.edu.portal.system.Formats;

/**
 * A directive's delivery tree: every recipient within the reader's scope, the units each
 * office forwarded it to under it, and who read, acknowledged and forwarded when. The
 * Department sees the whole tree, an office its own branch.
 */
@Controller
class DeliveryTreeController {

	/** Rows per page: a province's 1,500 recipients are read a page at a time. */
	static final int PAGE_SIZE = 200;

	private final DirectiveCatalog directives;

	private final InboxQueries queries;

	private final ScopePolicy scope;

	private final Formats formats;

	private final Clock clock;

	DeliveryTreeController(DirectiveCatalog directives, InboxQueries queries, ScopePolicy scope, Formats formats,
			Clock clock) {
		this.clock = clock;
		this.directives = directives;
		this.queries = queries;
		this.scope = scope;
		this.formats = formats;
	}

	@GetMapping("/directives/{id}/delivery")
	String tree(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(defaultValue = "ALL") Show show, @RequestParam(defaultValue = "0") int page, Model model) {
		DirectiveCatalog.Summary directive = this.directives.summary(user, id);
		LocalDate today = this.formats.today();
		Instant now = this.clock.instant();
		List<InboxQueries.TreeNode> nodes = this.queries.tree(id, this.scope.scopeOf(user).path());
		model.addAttribute("directive", directive);
		model.addAttribute("counts", Counts.of(nodes, today, now));
		List<InboxQueries.TreeNode> shown = nodes.stream().filter((node) -> show.keeps(node, today, now)).toList();
		int from = (int) Math.min((long) Math.max(page, 0) * PAGE_SIZE, shown.size());
		model.addAttribute("nodes", shown.subList(from, Math.min(from + PAGE_SIZE, shown.size())));
		model.addAttribute("page", from / PAGE_SIZE);
		model.addAttribute("hasNext", from + PAGE_SIZE < shown.size());
		model.addAttribute("show", show);
		model.addAttribute("shows", Show.values());
		model.addAttribute("today", today);
		model.addAttribute("now", now);
		return "delivery/tree";
	}

	/** What the tree shows. */
	enum Show {

		ALL, UNACKNOWLEDGED, LATE;

		boolean keeps(InboxQueries.TreeNode node, LocalDate today, Instant now) {
			return switch (this) {
				case ALL -> true;
				case UNACKNOWLEDGED -> node.acknowledgedAt() == null && node.withdrawnAt() == null;
				case LATE -> node.late(today, now) || node.forwardingMissing();
			};
		}

	}

	/**
	 * The figures above the tree.
	 *
	 * @param total every recipient in the scope
	 * @param read opened by someone of the unit
	 * @param acknowledged acknowledged
	 * @param acknowledgedLate acknowledged after the deadline
	 * @param overdue not acknowledged, deadline passed
	 * @param forwarded forwarded further down
	 */
	record Counts(long total, long read, long acknowledged, long acknowledgedLate, long overdue, long forwarded) {

		static Counts of(List<InboxQueries.TreeNode> nodes, LocalDate today, Instant now) {
			return new Counts(nodes.size(), nodes.stream().filter((node) -> node.readAt() != null).count(),
					nodes.stream().filter((node) -> node.acknowledgedAt() != null).count(),
					nodes.stream().filter(InboxQueries.TreeNode::acknowledgedLate).count(),
					nodes.stream().filter((node) -> node.acknowledgedAt() == null && node.late(today, now)).count(),
					nodes.stream().filter((node) -> node.forwardedAt() != null).count());
		}

	}

}
