package vn.edu.portal.api;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.edu.portal.delivery.Inboxes;
import vn.edu.portal.delivery.Inboxes.AssignmentView;

/**
 * The inbox of the token owner's unit: its assignments ({@code inbox:read}) and their
 * acknowledgement ({@code inbox:write}); another unit's assignment answers 404.
 */
@RestController
@RequestMapping("/api/v1/inbox")
class InboxApi {

	private final Inboxes inboxes;

	InboxApi(Inboxes inboxes) {
		this.inboxes = inboxes;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('SCOPE_inbox:read')")
	List<AssignmentView> list(@AuthenticationPrincipal ApiPrincipal caller,
			@RequestParam(defaultValue = "50") int limit) {
		return this.inboxes.latest(caller.user(), Math.max(1, Math.min(limit, 200)));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('SCOPE_inbox:read')")
	AssignmentView read(@AuthenticationPrincipal ApiPrincipal caller, @PathVariable long id) {
		return this.inboxes.assignment(caller.user(), id);
	}

	/** "Đã tiếp nhận": the same acknowledgement sent twice counts once. */
	@PostMapping("/{id}/acknowledge")
	@PreAuthorize("hasAuthority('SCOPE_inbox:write')")
	Acknowledged acknowledge(@AuthenticationPrincipal ApiPrincipal caller, @PathVariable long id) {
		boolean now = this.inboxes.acknowledge(caller.user(), id);
		return new Acknowledged(now, this.inboxes.assignment(caller.user(), id));
	}

	/**
	 * The answer to an acknowledgement.
	 *
	 * @param acknowledgedNow {@code false} when it was acknowledged before
	 * @param assignment the assignment as it is now
	 */
	record Acknowledged(boolean acknowledgedNow, AssignmentView assignment) {
	}

}
