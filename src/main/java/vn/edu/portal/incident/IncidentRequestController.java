package vn.edu.portal.incident;

import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.system.FormModel;
import vn.edu.portal.system.Formats;

/**
 * Requests made outside the portal about an incident: a form to record one (to a platform
 * or an agency), and the same form to correct it or record its answer.
 */
@Controller
class IncidentRequestController {

	private static final String FORM = "incidents/request";

	private final IncidentRequests requests;

	private final IncidentQueries queries;

	private final Formats formats;

	IncidentRequestController(IncidentRequests requests, IncidentQueries queries, Formats formats) {
		this.requests = requests;
		this.queries = queries;
		this.formats = formats;
	}

	@GetMapping("/incidents/{id}/requests/new")
	String newRequest(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		Incident incident = this.requests.handled(user, id);
		return show(incident, null, IncidentRequestForm.blank(this.formats.today()), model);
	}

	@PostMapping("/incidents/{id}/requests")
	String create(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") IncidentRequestForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Incident incident = this.requests.handled(user, id);
		if (form == null) {
			return show(incident, null, IncidentRequestForm.blank(this.formats.today()), model);
		}
		form.check(result);
		UUID key = form.key();
		if (key == null) {
			result.reject("incident.request.expired");
		}
		if (!result.hasErrors()) {
			try {
				boolean recorded = this.requests.record(user, id, key, form.details());
				redirect.addFlashAttribute("success",
						recorded ? "incident.request.recorded" : "incident.request.alreadyRecorded");
				return "redirect:/incidents/" + id + "#requests";
			}
			catch (DataIntegrityViolationException sameFormAtOnce) {
				redirect.addFlashAttribute("success", "incident.request.alreadyRecorded");
				return "redirect:/incidents/" + id + "#requests";
			}
			catch (IllegalArgumentException refused) {
				result.reject("incident.request.invalid");
			}
		}
		return show(incident, null, form, model);
	}

	@GetMapping("/incidents/{id}/requests/{requestId}/edit")
	String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long requestId,
			Model model) {
		Incident incident = this.requests.handled(user, id);
		IncidentRequest request = this.requests.find(incident, requestId);
		return show(incident, request, IncidentRequestForm.of(request), model);
	}

	@PostMapping("/incidents/{id}/requests/{requestId}")
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long requestId,
			@Valid @ModelAttribute("form") IncidentRequestForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Incident incident = this.requests.handled(user, id);
		IncidentRequest request = this.requests.find(incident, requestId);
		if (form == null) {
			return show(incident, request, IncidentRequestForm.of(request), model);
		}
		form.check(result);
		if (form.version() == null) {
			result.reject("incident.request.expired");
		}
		if (!result.hasErrors()) {
			try {
				this.requests.update(user, id, requestId, form.version(), form.details());
				redirect.addFlashAttribute("success", "incident.request.updated");
				return "redirect:/incidents/" + id + "#requests";
			}
			catch (IncidentRefused conflict) {
				result.reject("incident.refused.conflict");
			}
			catch (IllegalArgumentException refused) {
				result.reject("incident.request.invalid");
			}
		}
		return show(incident, request, form, model);
	}

	private String show(Incident incident, IncidentRequest request, IncidentRequestForm form, Model model) {
		model.addAttribute("incident", incident);
		model.addAttribute("unitName", this.queries.unitName(incident.getUnitId()));
		model.addAttribute("request", request);
		FormModel.put(model, "form", form);
		model.addAttribute("targets", IncidentRequestForm.Target.values());
		model.addAttribute("platforms", Platform.values());
		model.addAttribute("askeds", IncidentRequest.Asked.values());
		model.addAttribute("agencies", IncidentRequest.Agency.values());
		model.addAttribute("outcomes", IncidentRequest.Outcome.values());
		return FORM;
	}

}
