package vn.edu.portal.directive;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.system.Choices;
import vn.edu.portal.system.QueryParameters;
import vn.edu.portal.system.RenderedOnce;
import vn.edu.portal.system.WritesWhenViewed;

/**
 * Directives for their readers and drafters: the list, the detail, and the draft's form
 * (new, edit, submit, delete). Publication and later steps are in
 * {@link DirectiveApprovalController}.
 */
@Controller
@RequestMapping("/directives")
class DirectiveController {

	/** A row of the list, rendered once for each content and language. */
	private static final String ROW = "directives/row :: row";

	/**
	 * What the list shows below its alerts, rendered once for each content and language.
	 */
	private static final String CONTENT = "directives/list-content :: content";

	private final DirectiveService directives;

	private final DirectiveQueries queries;

	private final DirectiveAccess access;

	private final DirectiveFormPage formPage;

	private final RenderedOnce rendered;

	DirectiveController(DirectiveService directives, DirectiveQueries queries, DirectiveAccess access,
			DirectiveFormPage formPage, RenderedOnce rendered) {
		this.rendered = rendered;
		this.directives = directives;
		this.queries = queries;
		this.access = access;
		this.formPage = formPage;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser user, @QueryParameters("filter") DirectiveFilter filter,
			Locale locale, Model model, HttpServletRequest request, HttpServletResponse response) {
		DirectiveAccess.Reader reader = this.access.reader(user);
		DirectiveQueries.ListPage page = this.queries.page(reader, filter);
		List<DirectiveQueries.ListRow> rows = page.rows();
		List<DirectiveQueries.ListRow> shown = rows.subList(0, Math.min(rows.size(), DirectiveQueries.PAGE_SIZE));
		ListContent content = new ListContent(filter, List.copyOf(shown), rows.size() > DirectiveQueries.PAGE_SIZE,
				filter.pageNumber(), page.issuers(), reader.staff(), (String) request.getAttribute("pageLink"));
		model.addAttribute("keptContent",
				this.rendered.kept(CONTENT, content,
						() -> Map.of("p", content, "rows", this.rendered.rows(ROW, shown, locale, request, response),
								"selects", selects(filter, locale, request, response)),
						locale, request, response));
		return "directives/list";
	}

	private Map<String, String> selects(DirectiveFilter filter, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		return this.rendered.selects(locale, request, response,
				Choices.of("type", "directive.type", DocumentType.values(), filter.type()),
				Choices.of("status", "directive.status", DirectiveStatus.values(), filter.status()));
	}

	/**
	 * What the directive list shows below its alerts
	 * ({@code directives/list-content.html}), rendered once for each value and language:
	 * the filter as asked, the rows listed as the list's statement returned them, whether
	 * another page follows, the page, the issuers its filter offers, whether the reader
	 * drafts, and the pager's link (the query as asked). The rows' and the selects' HTML
	 * follow from it.
	 */
	record ListContent(DirectiveFilter filter, List<DirectiveQueries.ListRow> rows, boolean hasNext, int page,
			List<DirectiveQueries.Option> issuers, boolean canDraft, String pageLink) {
	}

	@WritesWhenViewed
	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) String recipients, Model model) {
		return this.formPage.detail(user, id, "all".equals(recipients), model);
	}

	@GetMapping("/new")
	String newDirective(@AuthenticationPrincipal CurrentUser user, Model model) {
		long issuer = this.directives.issuerFor(user);
		return this.formPage.show(user, DirectiveForm.blank(this.formPage.defaults(user, issuer)), null, model);
	}

	/**
	 * Saves a new draft; "add" (a row for a task or a reference) shows the form again
	 * with everything typed, before any check.
	 */
	@PostMapping
	String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") DirectiveForm form,
			BindingResult result, @RequestParam(required = false) String add, Model model,
			RedirectAttributes redirect) {
		this.directives.issuerFor(user);
		if (add != null) {
			return this.formPage.showUnchecked(user, form, null, model);
		}
		form.check(result);
		if (!result.hasErrors()) {
			try {
				Directive directive = this.directives.create(user, form.content(), form.key());
				redirect.addFlashAttribute("success", "directive.saved");
				return "redirect:/directives/" + directive.getId();
			}
			catch (DataIntegrityViolationException twice) {
				// The same form sent twice at once: the other request made the draft.
				Directive made = this.directives.madeFrom(user, form.key()).orElseThrow(() -> twice);
				redirect.addFlashAttribute("success", "directive.saved");
				return "redirect:/directives/" + made.getId();
			}
			catch (DirectiveRefused refused) {
				DirectiveFormPage.reject(result, refused);
			}
		}
		return this.formPage.show(user, form.withBlankRows(), null, model);
	}

	@GetMapping("/{id}/edit")
	String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model,
			RedirectAttributes redirect) {
		try {
			Directive directive = this.directives.forEditing(user, id);
			return this.formPage.show(user, DirectiveForm.of(directive.content(), directive.getVersion()), directive,
					model);
		}
		catch (DirectiveRefused refused) {
			redirect.addFlashAttribute("failure", refused.messageKey());
			return "redirect:/directives/" + id;
		}
	}

	/** Saves a draft, or amends a published directive; "add" as for a new draft. */
	@PostMapping("/{id}/edit")
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") DirectiveForm form, BindingResult result,
			@RequestParam(required = false) String add, Model model, RedirectAttributes redirect) {
		if (add != null) {
			return this.formPage.showUnchecked(user, form, this.directives.forEditing(user, id), model);
		}
		form.check(result);
		if (!result.hasErrors()) {
			try {
				boolean amended = this.directives.save(user, id, (form.version() != null) ? form.version() : -1,
						form.content(), form.changeNote());
				redirect.addFlashAttribute("success", amended ? "directive.amended" : "directive.saved");
				return "redirect:/directives/" + id;
			}
			catch (ObjectOptimisticLockingFailureException conflict) {
				result.reject("directive.conflict");
			}
			catch (DirectiveRefused refused) {
				DirectiveFormPage.reject(result, refused);
			}
		}
		return this.formPage.show(user, form.withBlankRows(), this.directives.forEditing(user, id), model);
	}

	@PostMapping("/{id}/submit")
	String submit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
			RedirectAttributes redirect) {
		return this.formPage.step(redirect, "directive.submitted", () -> this.directives.submit(user, id, version),
				"redirect:/directives/" + id, "redirect:/directives/" + id);
	}

	@PostMapping("/{id}/delete")
	String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
			RedirectAttributes redirect) {
		return this.formPage.step(redirect, "directive.deleted", () -> this.directives.delete(user, id, version),
				"redirect:/directives", "redirect:/directives/" + id);
	}

}
