package vn.edu.portal.api;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.edu.portal.incident.IncidentStatuses;
import vn.edu.portal.incident.IncidentStatuses.Status;

/**
 * Where the incidents of the token owner's unit stand, for a token with
 * {@code incidents:read}: status and deadlines, never the summary, links, people or
 * names. Another unit's incident answers 404.
 */
@RestController
@RequestMapping("/api/v1/incidents")
@PreAuthorize("hasAuthority('SCOPE_incidents:read')")
class IncidentApi {

	private final IncidentStatuses incidents;

	IncidentApi(IncidentStatuses incidents) {
		this.incidents = incidents;
	}

	/** The latest incidents of the token owner's unit, the newest first. */
	@GetMapping
	List<Status> list(@AuthenticationPrincipal ApiPrincipal caller, @RequestParam(defaultValue = "50") int limit) {
		return this.incidents.latest(caller.user(), Math.max(1, Math.min(limit, 200)));
	}

	@GetMapping("/{id}")
	Status read(@AuthenticationPrincipal ApiPrincipal caller, @PathVariable long id) {
		return this.incidents.status(caller.user(), id);
	}

}
