package vn.edu.portal.directive;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.UnitSelection;
import vn.edu.portal.organisation.UnitType;
import vn.edu.portal.system.Formats;

/**
 * What the directive pages share: the form with its choices, and a lifecycle step that
 * answers with a flash message.
 */
@Component
class DirectiveFormPage {

	static final String FORM = "directives/form";

	private final UnitSelection selection;

	private final DirectiveQueries queries;

	private final DirectiveService directives;

	private final DirectiveReading reading;

	private final JdbcClient jdbc;

	private final Formats formats;

	DirectiveFormPage(UnitSelection selection, DirectiveQueries queries, DirectiveService directives,
			DirectiveReading reading, JdbcClient jdbc, Formats formats) {
		this.selection = selection;
		this.queries = queries;
		this.directives = directives;
		this.reading = reading;
		this.jdbc = jdbc;
		this.formats = formats;
	}

	/**
	 * The detail page, with the step forms not already in the model (one that failed
	 * keeps what was typed).
	 */
	String detail(CurrentUser user, long id, Model model) {
		DirectiveReading.Detail detail = this.reading.detail(user, id);
		long version = detail.directive().getVersion();
		model.addAttribute("d", detail);
		if (!model.containsAttribute("publishing")) {
			model.addAttribute("publishing",
					new StepForms.Publish(Formats.dayMonthYear(this.formats.today()), version));
		}
		if (!model.containsAttribute("returning")) {
			model.addAttribute("returning", new StepForms.WithReason("", version));
		}
		if (!model.containsAttribute("recalling")) {
			model.addAttribute("recalling", new StepForms.WithReason("", version));
		}
		return "directives/detail";
	}

	/**
	 * The form, new (directive {@code null}), editing a draft, or amending a published
	 * directive.
	 */
	String show(CurrentUser user, DirectiveForm form, Directive directive, Model model) {
		long issuer = (directive != null) ? directive.getIssuerUnitId() : this.directives.issuerFor(user);
		model.addAttribute("form", form);
		model.addAttribute("directive", directive);
		model.addAttribute("amending", directive != null && directive.getStatus() == DirectiveStatus.PUBLISHED);
		model.addAttribute("types", DocumentType.values());
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("secrecies", Secrecy.values());
		model.addAttribute("prefixes", SignerPrefix.values());
		model.addAttribute("schedules", ReportSchedule.values());
		model.addAttribute("unitTypes", UnitType.values());
		model.addAttribute("chosenImplementers", this.selection.describe(user, form.implementers()));
		model.addAttribute("chosenInformed", this.selection.describe(user, form.informed()));
		model.addAttribute("referable", this.queries.referable(issuer));
		return FORM;
	}

	/** The account's last directive, whose issuer lines a new draft starts from. */
	DirectiveContent previousContent(CurrentUser user) {
		List<Long> ids = this.jdbc.sql("select id from directive where created_by = ? order by id desc limit 1")
			.param(user.id())
			.query(Long.class)
			.list();
		return ids.isEmpty() ? null : this.directives.get(user, ids.get(0)).content();
	}

	/**
	 * Runs a lifecycle step and redirects: to {@code onSuccess} with a success message,
	 * or to {@code onFailure} with the reason it was refused.
	 */
	String step(RedirectAttributes redirect, String successKey, Runnable step, String onSuccess, String onFailure) {
		try {
			step.run();
			redirect.addFlashAttribute("success", successKey);
			return onSuccess;
		}
		catch (DirectiveRefused refused) {
			redirect.addFlashAttribute("failure", refused.messageKey());
		}
		catch (ObjectOptimisticLockingFailureException conflict) {
			redirect.addFlashAttribute("failure", "directive.conflict");
		}
		return onFailure;
	}

}
