package vn.edu.portal.directive;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.UnitSelection;
import vn.edu.portal.organisation.UnitType;
import vn.edu.portal.system.FormModel;
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

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DirectiveFormPage(UnitSelection selection, DirectiveQueries queries, DirectiveService directives,
			DirectiveReading reading, JdbcClient jdbc, Formats formats, ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
		this.selection = selection;
		this.queries = queries;
		this.directives = directives;
		this.reading = reading;
		this.jdbc = jdbc;
		this.formats = formats;
	}

	/**
	 * The detail page, with the step forms not already in the model (one that failed
	 * keeps what was typed), and the first of its recipients.
	 */
	String detail(CurrentUser user, long id, Model model) {
		return detail(user, id, false, model);
	}

	/**
	 * The detail page, with all its recipients when asked for.
	 */
	String detail(CurrentUser user, long id, boolean allRecipients, Model model) {
		DirectiveReading.Detail detail = this.reading.detail(user, id, allRecipients);
		// After the page's read-only transaction: the read receipt is written in its own.
		this.events.publishEvent(new DirectiveOpened(id, user.id(), user.unitId(), this.clock.instant()));
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
		FormModel.put(model, "form", form);
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

	/**
	 * The form again after "add", with a blank row more and without the checks' messages:
	 * the drafter has not finished typing.
	 */
	String showUnchecked(CurrentUser user, DirectiveForm form, Directive directive, Model model) {
		model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
		return show(user, form.withBlankRows(), directive, model);
	}

	/** A refusal of the service, beside its field or above the form. */
	static void reject(BindingResult result, DirectiveRefused refused) {
		if (refused.field() != null) {
			result.rejectValue(refused.field(), refused.messageKey());
		}
		else {
			result.reject(refused.messageKey());
		}
	}

	/**
	 * What a new draft starts from: the issuer lines, archive line, contact and signer of
	 * the account's last directive of that issuer, if any.
	 */
	DirectiveForm.Defaults defaults(CurrentUser user, long issuer) {
		return this.jdbc.sql("""
				select authority_line, issuer_name, issuer_abbreviation, drafting_abbreviation, place, archive_line,
				       contact_email, contact_phone, signer_prefix, signer_for, signer_position, signer_name
				from directive where created_by = ? and issuer_unit_id = ? order by id desc limit 1
				""")
			.param(user.id())
			.param(issuer)
			.query((rs, i) -> new DirectiveForm.Defaults(rs.getString("authority_line"), rs.getString("issuer_name"),
					rs.getString("issuer_abbreviation"), rs.getString("drafting_abbreviation"), rs.getString("place"),
					rs.getString("archive_line"), rs.getString("contact_email"), rs.getString("contact_phone"),
					(rs.getString("signer_prefix") != null) ? SignerPrefix.valueOf(rs.getString("signer_prefix"))
							: null,
					rs.getString("signer_for"), rs.getString("signer_position"), rs.getString("signer_name")))
			.optional()
			.orElse(DirectiveForm.Defaults.NONE);
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
