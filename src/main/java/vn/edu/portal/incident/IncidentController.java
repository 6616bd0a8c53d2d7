package vn.edu.portal.incident;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.audit.AuditLog;
import vn.edu.portal.directive.DirectiveCatalog;
import vn.edu.portal.system.Choices;
import vn.edu.portal.system.Downloads;
import vn.edu.portal.system.FileStore;
import vn.edu.portal.system.FormModel;
import vn.edu.portal.system.Formats;
import vn.edu.portal.system.QueryParameters;
import vn.edu.portal.system.RenderedOnce;
import vn.edu.portal.system.TabularExport;
import vn.edu.portal.system.WritesWhenViewed;

/**
 * The incident form (new and draft), its lists, and the restricted part with the
 * evidence. The steps of the workflow are in {@link IncidentWorkflowController}.
 */
@Controller
class IncidentController {

	private static final String FORM = "incidents/form";

	/**
	 * The flash attribute naming the browser's saved copies that a save made obsolete.
	 */
	private static final String AUTOSAVE_CLEAR = "autosaveClear";

	/** A row of the lists, rendered once for each content and language. */
	private static final String ROW = "incidents/row :: row";

	/**
	 * What a list shows below its alerts, rendered once for each content and language.
	 */
	private static final String CONTENT = "incidents/list-content :: content";

	private static final List<String> SEVERITIES = List.of("1", "2", "3", "4");

	private final IncidentService incidents;

	private final IncidentAccess access;

	private final IncidentEvidence evidence;

	private final IncidentQueries queries;

	private final IncidentTargets targets;

	private final IncidentProperties properties;

	private final DirectiveCatalog directives;

	private final FileStore files;

	private final Formats formats;

	private final Clock clock;

	private final MessageSource messages;

	private final AuditLog audit;

	private final IncidentRequestCells requestCells;

	private final RenderedOnce rendered;

	IncidentController(IncidentService incidents, IncidentAccess access, IncidentEvidence evidence,
			IncidentQueries queries, IncidentTargets targets, IncidentProperties properties,
			DirectiveCatalog directives, FileStore files, Formats formats, Clock clock, MessageSource messages,
			AuditLog audit, IncidentRequestCells requestCells, RenderedOnce rendered) {
		this.requestCells = requestCells;
		this.rendered = rendered;
		this.messages = messages;
		this.audit = audit;
		this.incidents = incidents;
		this.access = access;
		this.evidence = evidence;
		this.queries = queries;
		this.targets = targets;
		this.properties = properties;
		this.directives = directives;
		this.files = files;
		this.formats = formats;
		this.clock = clock;
	}

	@GetMapping("/incidents")
	String list(@AuthenticationPrincipal CurrentUser user, @QueryParameters("filter") IncidentFilter filter,
			Locale locale, Model model, HttpServletRequest request, HttpServletResponse response) {
		return list(user, filter, IncidentQueries.View.ALL, locale, model, request, response);
	}

	@GetMapping("/incidents/triage")
	String triage(@AuthenticationPrincipal CurrentUser user, @QueryParameters("filter") IncidentFilter filter,
			Locale locale, Model model, HttpServletRequest request, HttpServletResponse response) {
		requireReviewer(user);
		return list(user, filter, IncidentQueries.View.TRIAGE, locale, model, request, response);
	}

	@GetMapping("/incidents/mine")
	String mine(@AuthenticationPrincipal CurrentUser user, @QueryParameters("filter") IncidentFilter filter,
			Locale locale, Model model, HttpServletRequest request, HttpServletResponse response) {
		requireReviewer(user);
		return list(user, filter, IncidentQueries.View.MINE, locale, model, request, response);
	}

	private String list(CurrentUser user, IncidentFilter filter, IncidentQueries.View view, Locale locale, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		IncidentAccess.Reader reader = this.access.reader(user);
		IncidentQueries.Page result = this.queries.list(reader, filter, view, user.id(), this.formats.zone());
		ListContent content = new ListContent(view, filter, result, this.access.isReviewer(user),
				this.access.drafts(user), (String) request.getAttribute("pageLink"));
		model.addAttribute("view", view);
		model.addAttribute("keptContent",
				this.rendered.kept(CONTENT, content,
						() -> Map.of("p", content, "rows",
								this.rendered.rows(ROW, result.rows(), locale, request, response), "selects",
								selects(filter, locale, request, response)),
						locale, request, response));
		return "incidents/list";
	}

	private Map<String, String> selects(IncidentFilter filter, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		return this.rendered.selects(locale, request, response,
				Choices.of("status", "incident.status", IncidentStatus.values(), filter.status()),
				Choices.of("category", "incident.category", Category.values(), filter.category()).withCodes(),
				Choices.of("severity", "incident.severity", SEVERITIES, filter.severity()),
				Choices.of("platform", "incident.platform", Platform.values(), filter.platform()));
	}

	/**
	 * What an incident list shows below its alerts ({@code incidents/list-content.html}),
	 * rendered once for each value and language: the view, the filter as asked, the page
	 * of rows as the list's statement returned it, whether the reader reviews and drafts,
	 * and the pager's link (the query as asked). The rows' and the selects' HTML follow
	 * from it.
	 */
	record ListContent(IncidentQueries.View view, IncidentFilter filter, IncidentQueries.Page result, boolean reviewer,
			boolean drafts, String pageLink) {
	}

	@WritesWhenViewed
	@GetMapping({ "/incidents.xlsx", "/incidents.csv" })
	ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal CurrentUser user,
			@QueryParameters("filter") IncidentFilter filter, HttpServletRequest request, Locale locale) {
		IncidentAccess.Reader reader = this.access.reader(user);
		boolean csv = request.getRequestURI().endsWith(".csv");
		this.audit.record("INCIDENT_EXPORTED", "INCIDENT", null,
				Map.of("format", csv ? "csv" : "xlsx", "filter", String.valueOf(filter)));
		List<String> header = java.util.stream.Stream
			.of("id", "unit", "category", "severity", "status", "platform", "detectedAt", "submittedAt", "pastTarget",
					"otherUnits", "summary", "requests", "requestsAnswered", "requestsDetail")
			.map((column) -> this.messages.getMessage("incident.export." + column, null, locale))
			.toList();
		String name = "su-co-" + this.formats.today() + (csv ? ".csv" : ".xlsx");
		return Downloads.attachment(name, csv ? Downloads.CSV : Downloads.XLSX, (out) -> {
			try (Stream<IncidentQueries.Row> rows = this.queries.all(reader, filter, user.id(), this.formats.zone())) {
				Stream<List<String>> values = rows.map((row) -> exportRow(row, locale));
				if (csv) {
					TabularExport.csv(out, header, values);
				}
				else {
					TabularExport.xlsx(out, this.messages.getMessage("nav.incidents", null, locale), header, values);
				}
			}
		});
	}

	private List<String> exportRow(IncidentQueries.Row row, Locale locale) {
		List<IncidentRequestCells.Exported> requests = this.requestCells.of(row.requests());
		return Arrays.asList(String.valueOf(row.id()), row.unitName(),
				(row.category() != null) ? row.category().name() : null,
				(row.severity() != null) ? String.valueOf(row.severity()) : null,
				this.messages.getMessage("incident.status." + row.status(), null, locale),
				(row.platform() != null) ? this.messages.getMessage("incident.platform." + row.platform(), null, locale)
						: null,
				(row.detectedAt() != null) ? this.formats.dateTime(row.detectedAt()) : null,
				(row.submittedAt() != null) ? this.formats.dateTime(row.submittedAt()) : null,
				this.messages.getMessage(row.pastTarget() ? "incident.export.yes" : "incident.export.no", null, locale),
				String.valueOf(row.otherUnits()), row.summary(), String.valueOf(requests.size()),
				String.valueOf(requests.stream().filter((request) -> request.answeredOn() != null).count()),
				requests.stream()
					.map((request) -> this.requestCells.text(request, locale))
					.collect(Collectors.joining("; ")));
	}

	@GetMapping("/incidents/new")
	String newIncident(@AuthenticationPrincipal CurrentUser user, Model model) {
		requireDrafter(user);
		// A new form holds no file yet; its holding place is made with its first upload.
		IncidentForm form = new IncidentForm().withBlankRows(1);
		return form(user, null, form, null, List.of(), model);
	}

	@PostMapping("/incidents/new")
	String saveNew(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "save") String action,
			@Valid @ModelAttribute("form") IncidentForm form, BindingResult result,
			@RequestParam(name = "evidence", required = false) List<MultipartFile> uploads, Model model,
			RedirectAttributes redirect) throws IOException {
		requireDrafter(user);
		Optional<Incident> made = this.incidents.madeFrom(user, form.key());
		if (made.isPresent() && made.get().getStatus() != IncidentStatus.DRAFT) {
			redirect.addFlashAttribute("success", "incident.alreadySubmitted");
			redirect.addFlashAttribute(AUTOSAVE_CLEAR, autosaveKeys(user, null, made.get().getId()));
			return "redirect:/incidents/" + made.get().getId();
		}
		FileStore.Owner owner = made.map((incident) -> IncidentEvidence.ofIncident(incident.getId()))
			.orElseGet(() -> this.evidence.ofForm(form.key(), user.id()));
		return handle(user, made.map(Incident::getId).orElse(null), owner, action, form, result, uploads, model,
				redirect);
	}

	@WritesWhenViewed
	@GetMapping("/incidents/{id}/edit")
	String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		Incident incident = this.incidents.draft(user, id);
		if (incident.getStatus() != IncidentStatus.DRAFT) {
			return "redirect:/incidents/" + id;
		}
		String names = this.access.seesRestricted(user, incident)
				? this.incidents.names(user, incident, "draft-form").orElse("") : "";
		IncidentForm form = IncidentForm.of(incident, this.formats.zone(), names).withBlankRows(1);
		return form(user, incident, form, IncidentEvidence.ofIncident(id), List.of(), model);
	}

	@PostMapping("/incidents/{id}/edit")
	String saveDraft(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(defaultValue = "save") String action, @Valid @ModelAttribute("form") IncidentForm form,
			BindingResult result, @RequestParam(name = "evidence", required = false) List<MultipartFile> uploads,
			Model model, RedirectAttributes redirect) throws IOException {
		Incident incident = this.incidents.draft(user, id);
		if (incident.getStatus() != IncidentStatus.DRAFT) {
			redirect.addFlashAttribute("success", "incident.alreadySubmitted");
			return "redirect:/incidents/" + id;
		}
		return handle(user, id, IncidentEvidence.ofIncident(id), action, form, result, uploads, model, redirect);
	}

	@PostMapping("/incidents/{id}/delete")
	String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		this.incidents.deleteDraft(user, id);
		redirect.addFlashAttribute("success", "incident.deleted");
		return "redirect:/incidents";
	}

	/**
	 * A post of the form: its files are kept first, whatever else happens; then it adds a
	 * row, removes a file, or saves (and submits) if everything is right.
	 */
	private String handle(CurrentUser user, Long draftId, FileStore.Owner owner, String action, IncidentForm form,
			BindingResult result, List<MultipartFile> uploads, Model model, RedirectAttributes redirect)
			throws IOException {
		Incident draft = (draftId != null) ? this.incidents.draft(user, draftId) : null;
		List<IncidentEvidence.Refusal> refused = receive(user, owner, form, uploads);
		if (action.matches("remove-\\d{1,18}")) {
			this.incidents.removeEvidence(user, owner, Long.parseLong(action.substring("remove-".length())));
			return form(user, draft, form.withBlankRows(1), owner, refused, model);
		}
		if (action.equals("addPerson")) {
			return form(user, draft, form.withBlankRows(2), owner, refused, model);
		}
		boolean submit = action.equals("submit");
		form.check(result, submit, this.clock.instant(), this.formats.zone());
		if (form.getDirectiveId() != null && this.directives.find(user, form.getDirectiveId()).isEmpty()) {
			result.rejectValue("directiveId", "incident.directive.unknown");
		}
		if (draftId == null && form.isEmpty()) {
			result.reject("incident.empty");
		}
		if (result.hasErrors() || !refused.isEmpty()) {
			return form(user, draft, form.withBlankRows(1), owner, refused, model);
		}
		boolean namesHidden = draft != null && !this.access.seesRestricted(user, draft);
		String names = (namesHidden && form.getNames().isBlank()) ? null : form.getNames();
		IncidentService.Saved saved;
		try {
			saved = this.incidents.save(user, form.key(), draftId, form.getVersion(), form.content(this.formats.zone()),
					names, submit);
		}
		catch (DataIntegrityViolationException twice) {
			// The same form sent twice at once: the other request made the incident.
			Incident made = this.incidents.madeFrom(user, form.key()).orElseThrow(() -> twice);
			redirect.addFlashAttribute("success", "incident.alreadySubmitted");
			redirect.addFlashAttribute(AUTOSAVE_CLEAR, autosaveKeys(user, draftId, made.getId()));
			return "redirect:/incidents/" + made.getId();
		}
		catch (IncidentRefused refusal) {
			result.reject(refusal.messageKey());
			return form(user, draft, form.withBlankRows(1), owner, refused, model);
		}
		long id = saved.incident().getId();
		if (saved.alreadySubmitted()) {
			redirect.addFlashAttribute("success", "incident.alreadySubmitted");
			return "redirect:/incidents/" + id;
		}
		redirect.addFlashAttribute("success", submit ? "incident.submitted" : "incident.saved");
		redirect.addFlashAttribute(AUTOSAVE_CLEAR, autosaveKeys(user, draftId, id));
		return submit ? "redirect:/incidents/" + id : "redirect:/incidents/" + id + "/edit";
	}

	/**
	 * The browser's saved copies of the form that the server now holds: the new form's
	 * when it made the incident, and the draft's own.
	 */
	private static String autosaveKeys(CurrentUser user, Long draftId, long id) {
		String draft = "incident-" + id + "-" + user.id();
		return (draftId != null) ? draft : "incident-new-" + user.id() + " " + draft;
	}

	private List<IncidentEvidence.Refusal> receive(CurrentUser user, FileStore.Owner owner, IncidentForm form,
			List<MultipartFile> uploads) throws IOException {
		List<MultipartFile> sent = (uploads != null)
				? uploads.stream().filter((upload) -> upload != null && !upload.isEmpty()).toList() : List.of();
		if (sent.isEmpty()) {
			return List.of();
		}
		if (form.getCategory() != null && form.getCategory().forbidsEvidence()) {
			return sent.stream()
				.map((upload) -> new IncidentEvidence.Refusal(upload.getOriginalFilename(), "incident.file.CSAM"))
				.toList();
		}
		List<IncidentEvidence.Upload> received = new ArrayList<>();
		try {
			for (MultipartFile upload : sent) {
				Path file = Files.createTempFile("incident-evidence", ".upload");
				received.add(new IncidentEvidence.Upload(upload.getOriginalFilename(), file));
				upload.transferTo(file);
			}
			return this.evidence.receive(owner, received, user.id());
		}
		finally {
			for (IncidentEvidence.Upload upload : received) {
				Files.deleteIfExists(upload.file());
			}
		}
	}

	private String form(CurrentUser user, Incident draft, IncidentForm form, FileStore.Owner owner,
			List<IncidentEvidence.Refusal> refused, Model model) {
		FormModel.put(model, "form", form);
		model.addAttribute("draft", draft);
		model.addAttribute("files", (owner != null) ? this.evidence.of(owner) : List.of());
		model.addAttribute("refusedFiles", refused);
		model.addAttribute("canSubmit", this.access.submits(user, user.unitId()));
		model.addAttribute("namesHidden",
				draft != null && !this.access.seesRestricted(user, draft) && this.incidents.hasNames(draft));
		model.addAttribute("categories", Category.values());
		model.addAttribute("platforms", Platform.values());
		model.addAttribute("presses", Press.values());
		model.addAttribute("roles", PersonRole.values());
		model.addAttribute("ages", AgeBand.values());
		model.addAttribute("actionsTaken", ActionTaken.values());
		model.addAttribute("targets", this.targets.all());
		model.addAttribute("directives", this.directives.recentlyIssued(user, 40));
		model.addAttribute("maxFileMegabytes", this.properties.maxFileSize().toMegabytes());
		model.addAttribute("maxFiles", this.properties.maxFiles());
		return FORM;
	}

	@WritesWhenViewed
	@GetMapping("/incidents/{id}/restricted")
	String restricted(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		Incident incident = this.incidents.forReading(user, id);
		if (!this.access.seesRestricted(user, incident)) {
			throw new IncidentNotFoundException(id);
		}
		model.addAttribute("incident", incident);
		model.addAttribute("unitName", this.queries.unitName(incident.getUnitId()));
		model.addAttribute("names", this.incidents.names(user, incident, "restricted-page").orElse(null));
		model.addAttribute("files", this.evidence.of(IncidentEvidence.ofIncident(id)));
		return "incidents/restricted";
	}

	@WritesWhenViewed
	@GetMapping("/incidents/{id}/files/{fileId}")
	ResponseEntity<StreamingResponseBody> download(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable long fileId) {
		FileStore.StoredFile file = this.incidents.evidenceFile(user, id, fileId);
		return Downloads.attachment(file.fileName(), MediaType.parseMediaType(file.mediaType()),
				(out) -> this.files.copy(fileId, out));
	}

	private void requireReviewer(CurrentUser user) {
		if (!this.access.isReviewer(user)) {
			throw new AccessDeniedException("does not review incidents");
		}
	}

	private void requireDrafter(CurrentUser user) {
		if (!this.access.drafts(user)) {
			throw new AccessDeniedException("reports no incidents");
		}
	}

}
