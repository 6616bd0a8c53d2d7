package vn.edu.portal.incident;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.Role;
import vn.edu.portal.directive.DirectiveCatalog;

/**
 * An incident's page and the steps taken on it: the Department accepts, asks, escalates,
 * resolves, closes and reopens; everyone who may comments; the school answers.
 */
@Controller
class IncidentWorkflowController {

	private final IncidentService incidents;

	private final IncidentAccess access;

	private final IncidentQueries queries;

	private final IncidentTargets targets;

	private final DirectiveCatalog directives;

	private final Clock clock;

	private final IncidentRequests requests;

	IncidentWorkflowController(IncidentService incidents, IncidentAccess access, IncidentQueries queries,
			IncidentTargets targets, DirectiveCatalog directives, Clock clock, IncidentRequests requests) {
		this.requests = requests;
		this.incidents = incidents;
		this.access = access;
		this.queries = queries;
		this.targets = targets;
		this.directives = directives;
		this.clock = clock;
	}

	@GetMapping("/incidents/{id}")
	String view(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		Incident incident = this.incidents.forReading(user, id);
		IncidentAccess.Reader reader = this.access.reader(user);
		boolean reviewer = this.access.isReviewer(user);
		Map<Long, String> names = this.queries
			.accountNames(incident.getSteps().stream().map(IncidentStep::actorId).collect(Collectors.toSet()));
		model.addAttribute("incident", incident);
		model.addAttribute("unitName", this.queries.unitName(incident.getUnitId()));
		model.addAttribute("reporterName", this.queries.accountName(incident.getReporterId()));
		model.addAttribute("reviewerName",
				(incident.getReviewerId() != null) ? this.queries.accountName(incident.getReviewerId()) : null);
		model.addAttribute("actorNames", names);
		model.addAttribute("comments", this.incidents.comments(user, incident));
		model.addAttribute("pastTarget", incident.isPastTarget(this.clock.instant()));
		model.addAttribute("seesRestricted", this.access.seesRestricted(user, incident));
		model.addAttribute("reviewer", reviewer);
		model.addAttribute("handles", this.access.handles(user, incident));
		model.addAttribute("ofUnit", this.access.isOfReportingUnit(user, incident) && !reviewer);
		model.addAttribute("canEdit", incident.getStatus() == IncidentStatus.DRAFT
				&& this.access.isOfReportingUnit(user, incident) && this.access.drafts(user));
		model.addAttribute("sameEvent", this.queries.sameEvent(reader, id));
		model.addAttribute("reviewers", reviewer && user.hasRole(Role.DEPARTMENT_LEADER)
				? this.queries.reviewers(reader.scopePath()) : List.of());
		model.addAttribute("directive", (incident.getDirectiveId() != null)
				? this.directives.find(user, incident.getDirectiveId()).orElse(null) : null);
		model.addAttribute("resolutions", Resolution.values());
		model.addAttribute("requests", this.requests.of(user, incident));
		model.addAttribute("target", (incident.getSeverity() != null) ? this.targets.of(incident.getSeverity()) : null);
		addForms(model);
		return "incidents/detail";
	}

	private static void addForms(Model model) {
		model.addAttribute("question", new Question(""));
		model.addAttribute("escalation", new Escalation("", null, ""));
		model.addAttribute("resolving", new Resolving(null, ""));
		model.addAttribute("reopening", new Reason(""));
		model.addAttribute("commenting", new Comment("", false));
	}

	@PostMapping("/incidents/{id}/accept")
	String accept(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) Long reviewerId, RedirectAttributes redirect) {
		return act(id, redirect, "incident.accepted", () -> this.incidents.accept(user, id, version, reviewerId));
	}

	@PostMapping("/incidents/{id}/start")
	String start(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
			RedirectAttributes redirect) {
		return act(id, redirect, "incident.started", () -> this.incidents.start(user, id, version));
	}

	@PostMapping("/incidents/{id}/severity")
	String severity(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam int severity, RedirectAttributes redirect) {
		if (severity < 1 || severity > 4) {
			redirect.addFlashAttribute("failure", "incident.severity.invalid");
			return "redirect:/incidents/" + id;
		}
		return act(id, redirect, "incident.severityChanged",
				() -> this.incidents.changeSeverity(user, id, version, severity));
	}

	@PostMapping("/incidents/{id}/ask")
	String ask(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
			@Valid @ModelAttribute("question") Question question, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return again(user, id, model, "question", question, result);
		}
		return act(id, redirect, "incident.asked",
				() -> this.incidents.askForInformation(user, id, version, question.text()));
	}

	@PostMapping("/incidents/{id}/escalate")
	String escalate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
			@Valid @ModelAttribute("escalation") Escalation escalation, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return again(user, id, model, "escalation", escalation, result);
		}
		return act(id, redirect, "incident.escalated", () -> this.incidents.escalate(user, id, version,
				escalation.agency(), escalation.on(), escalation.reference()));
	}

	@PostMapping("/incidents/{id}/resolve")
	String resolve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
			@Valid @ModelAttribute("resolving") Resolving resolving, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return again(user, id, model, "resolving", resolving, result);
		}
		return act(id, redirect, "incident.resolved",
				() -> this.incidents.resolve(user, id, version, resolving.resolution(), resolving.note()));
	}

	@PostMapping("/incidents/{id}/close")
	String close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
			RedirectAttributes redirect) {
		return act(id, redirect, "incident.closed", () -> this.incidents.close(user, id, version));
	}

	@PostMapping("/incidents/{id}/reopen")
	String reopen(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
			@Valid @ModelAttribute("reopening") Reason reason, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return again(user, id, model, "reopening", reason, result);
		}
		return act(id, redirect, "incident.reopened", () -> this.incidents.reopen(user, id, version, reason.text()));
	}

	@PostMapping("/incidents/{id}/comments")
	String comment(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("commenting") Comment comment, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return again(user, id, model, "commenting", comment, result);
		}
		return act(id, redirect, "incident.commented",
				() -> this.incidents.comment(user, id, comment.body(), Boolean.TRUE.equals(comment.shared())));
	}

	/** The page again, with a refused form as it was typed and its errors beside it. */
	private String again(CurrentUser user, long id, Model model, String name, Object form, BindingResult result) {
		String page = view(user, id, model);
		model.addAttribute(name, form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, result);
		return page;
	}

	private static String act(long id, RedirectAttributes redirect, String done, Runnable step) {
		try {
			step.run();
			redirect.addFlashAttribute("success", done);
		}
		catch (IncidentRefused refused) {
			redirect.addFlashAttribute("failure", refused.messageKey());
		}
		catch (IllegalStateException wrongStatus) {
			redirect.addFlashAttribute("failure", "incident.refused.status");
		}
		catch (ObjectOptimisticLockingFailureException conflict) {
			redirect.addFlashAttribute("failure", "incident.refused.conflict");
		}
		return "redirect:/incidents/" + id;
	}

	/**
	 * A question to the reporting unit.
	 *
	 * @param text what is asked
	 */
	record Question(@NotBlank @Size(max = 4000) String text) {
	}

	/**
	 * An escalation to the authorities.
	 *
	 * @param agency which agency
	 * @param on when
	 * @param reference their reference, if any
	 */
	record Escalation(@NotBlank @Size(max = 200) String agency,
			@NotNull @PastOrPresent @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@Size(max = 100) String reference) {
	}

	/**
	 * A resolution.
	 *
	 * @param resolution its code
	 * @param note what was done, shared with the unit
	 */
	record Resolving(@NotNull Resolution resolution, @Size(max = 4000) String note) {
	}

	/**
	 * Why an incident is reopened.
	 *
	 * @param text the reason
	 */
	record Reason(@NotBlank @Size(max = 2000) String text) {
	}

	/**
	 * A comment.
	 *
	 * @param body what it says
	 * @param shared whether the reporting unit sees it (the Department's choice)
	 */
	record Comment(@NotBlank @Size(max = 4000) String body, Boolean shared) {
	}

}
