package vn.edu.portal.api;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.edu.portal.incident.IncidentFilings;
import vn.edu.portal.incident.IncidentFilings.Filed;
import vn.edu.portal.incident.IncidentFilings.Filing;
import vn.edu.portal.incident.IncidentStatuses;
import vn.edu.portal.incident.IncidentStatuses.Status;

/**
 * Incidents: where they stand ({@code incidents:read}), status and deadlines only, never
 * the summary, links, people or names, for those the incidents page shows the token's
 * owner (its unit's; for the Department, those its units submitted); and filing one for
 * the owner's unit ({@code incidents:write}: staff keep drafts, leaders submit). Any
 * other incident answers 404.
 */
@RestController
@RequestMapping("/api/v1/incidents")
class IncidentApi {

	private final IncidentStatuses incidents;

	private final IncidentFilings filings;

	IncidentApi(IncidentStatuses incidents, IncidentFilings filings) {
		this.incidents = incidents;
		this.filings = filings;
	}

	/** The latest incidents the token's owner may see, the newest first. */
	@GetMapping
	@PreAuthorize("hasAuthority('SCOPE_incidents:read')")
	List<Status> list(@AuthenticationPrincipal ApiPrincipal caller, @RequestParam(defaultValue = "50") int limit) {
		return this.incidents.latest(caller.user(), Math.max(1, Math.min(limit, 200)));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('SCOPE_incidents:read')")
	Status read(@AuthenticationPrincipal ApiPrincipal caller, @PathVariable long id) {
		return this.incidents.status(caller.user(), id);
	}

	/**
	 * Files an incident of the caller's unit, 201 when made now; the same {@code key}
	 * sent again answers 200 with the incident it made. Evidence files and the names of
	 * the people involved are added on the incident's page.
	 */
	@PostMapping
	@PreAuthorize("hasAuthority('SCOPE_incidents:write')")
	ResponseEntity<Filed> file(@AuthenticationPrincipal ApiPrincipal caller, @RequestBody Filing filing)
			throws BindException {
		Filed filed = this.filings.file(caller.user(), filing);
		return ResponseEntity.status(filed.created() ? HttpStatus.CREATED : HttpStatus.OK).body(filed);
	}

}
