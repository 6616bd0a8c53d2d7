package vn.edu.portal.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.UnitSelection;
import vn.edu.portal.calendar.WorkingCalendar;
import vn.edu.portal.calendar.WorkingDays;
import vn.edu.portal.directive.DirectiveCatalog;
import vn.edu.portal.directive.Urgency;
import vn.edu.portal.organisation.UnitType;
import vn.edu.portal.system.Choices;
import vn.edu.portal.system.Formats;
import vn.edu.portal.system.QueryParameters;
import vn.edu.portal.system.RenderedOnce;
import vn.edu.portal.system.WritesWhenViewed;

/**
 * A unit's inbox (văn bản đến): the directives delivered to it, and each one's page where
 * its leader acknowledges and forwards it.
 */
@Controller
@RequestMapping("/inbox")
class InboxController {

	/** A row of the inbox, rendered once for each content and language. */
	private static final String ROW = "inbox/row :: row";

	private final InboxQueries queries;

	private final DeliveryService delivery;

	private final WorkingDays workingDays;

	private final UnitSelection selection;

	private final Formats formats;

	private final ReportService reports;

	private final Clock clock;

	private final RenderedOnce rendered;

	InboxController(InboxQueries queries, DeliveryService delivery, WorkingDays workingDays, UnitSelection selection,
			Formats formats, ReportService reports, Clock clock, RenderedOnce rendered) {
		this.rendered = rendered;
		this.clock = clock;
		this.reports = reports;
		this.queries = queries;
		this.delivery = delivery;
		this.workingDays = workingDays;
		this.selection = selection;
		this.formats = formats;
	}

	@GetMapping
	String inbox(@AuthenticationPrincipal CurrentUser user, @QueryParameters("filter") InboxFilter filter,
			Locale locale, Model model, HttpServletRequest request, HttpServletResponse response) {
		List<InboxQueries.InboxRow> rows = (user.unitId() != null)
				? this.queries.inbox(user.unitId(), filter, this.formats.today(), this.formats.zone().getId())
				: List.of();
		List<InboxQueries.InboxRow> shown = rows.subList(0, Math.min(rows.size(), InboxQueries.PAGE_SIZE));
		Deadlines deadlines = new Deadlines(this.workingDays.calendar(), this.formats, this.clock.instant());
		model.addAttribute("rows", shown);
		model.addAttribute("keptRows", this.rendered.rows(ROW,
				shown.stream().map((row) -> ShownRow.of(row, deadlines)).toList(), locale, request, response));
		model.addAttribute("hasNext", rows.size() > InboxQueries.PAGE_SIZE);
		model.addAttribute("page", filter.pageNumber());
		model.addAttribute("selects",
				this.rendered.selects(locale, request, response,
						Choices.of("state", "inbox.filter", InboxFilter.State.values(), filter.state()),
						Choices.of("type", "directive.type", DirectiveCatalog.documentTypes(), filter.type()),
						Choices.of("urgency", "directive.urgency", Urgency.values(), filter.urgency())));
		return "inbox/list";
	}

	@WritesWhenViewed
	@GetMapping("/{id}")
	String assignment(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		this.delivery.read(user, id);
		if (!model.containsAttribute("forwarding")) {
			model.addAttribute("forwarding", ForwardForm.blank());
		}
		return show(user, id, model);
	}

	@PostMapping("/{id}/acknowledge")
	String acknowledge(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("success",
					this.delivery.acknowledge(user, id) ? "delivery.acknowledged" : "delivery.alreadyAcknowledged");
		}
		catch (ObjectOptimisticLockingFailureException doubleClick) {
			// The same acknowledgement, sent twice at once: the first one counted.
			redirect.addFlashAttribute("success", "delivery.alreadyAcknowledged");
		}
		catch (DeliveryRefused refused) {
			redirect.addFlashAttribute("failure", refused.messageKey());
		}
		return "redirect:/inbox/" + id;
	}

	@PostMapping("/{id}/forward")
	String forward(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("forwarding") ForwardForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		this.delivery.own(user, id);
		if (!result.hasErrors()) {
			try {
				int received = this.delivery.forward(user, id, form.units(),
						(form.instructions() != null && !form.instructions().isBlank()) ? form.instructions().strip()
								: null,
						(form.dueOn() != null && !form.dueOn().isBlank()) ? Formats.parseDayMonthYear(form.dueOn())
								: null);
				redirect.addFlashAttribute("success", "delivery.forwarded");
				redirect.addFlashAttribute("successArgument", String.valueOf(received));
				return "redirect:/inbox/" + id;
			}
			catch (ObjectOptimisticLockingFailureException conflict) {
				result.reject("delivery.forward.conflict");
			}
			catch (DeliveryRefused refused) {
				if (refused.field() != null) {
					result.rejectValue(refused.field(), refused.messageKey());
				}
				else {
					result.reject(refused.messageKey());
				}
			}
		}
		return show(user, id, model);
	}

	private String show(CurrentUser user, long id, Model model) {
		InboxQueries.InboxRow row = this.queries.assignment(this.delivery.own(user, id).getId());
		ForwardForm form = (ForwardForm) model.getAttribute("forwarding");
		model.addAttribute("a", row);
		model.addAttribute("canForward", this.queries.hasUnitsBelow(user.unitId()));
		model.addAttribute("chosenUnits", this.selection.describe(user, (form != null) ? form.units() : List.of()));
		model.addAttribute("unitTypes", UnitType.values());
		model.addAttribute("periods", this.reports.periods(user, id));
		model.addAttribute("reportLines", this.queries.reportsOf(id));
		model.addAttribute("deadlines", new Deadlines(this.workingDays.calendar(), this.formats, this.clock.instant()));
		return "inbox/assignment";
	}

	/**
	 * A row of the inbox as it shows now ({@code inbox/row.html}), rendered once for each
	 * value and language: the assignment as the inbox's statement returned it, and the
	 * deadline it shows counted from now, only when it shows one (working days to the day
	 * to acknowledge by, or hours to a hỏa tốc deadline), so that a row's key changes
	 * when what it shows does: at a new day or a new hour, not at every request.
	 *
	 * @param row the assignment
	 * @param ack the working days to the day to acknowledge by, when shown
	 * @param hours the hours to the hỏa tốc deadline, when shown
	 */
	record ShownRow(InboxQueries.InboxRow row, Deadline ack, Deadlines.Hours hours) {

		static ShownRow of(InboxQueries.InboxRow row, Deadlines deadlines) {
			boolean awaiting = row.awaitingAcknowledgement();
			boolean hoaToc = awaiting && row.acknowledgeBefore() != null;
			return new ShownRow(row, (awaiting && !hoaToc) ? deadlines.of(row.acknowledgeBy()) : null,
					hoaToc ? deadlines.hours(row.acknowledgeBefore()) : null);
		}

	}

	/**
	 * Deadlines counted in working days from today, for the templates
	 * ({@code deadlines.of(day)}).
	 */
	record Deadlines(WorkingCalendar calendar, Formats formats, Instant now) {

		/**
		 * Hours to or past a hỏa tốc deadline.
		 *
		 * @param passed whether it has passed
		 * @param count how many hours, each begun hour counted
		 */
		record Hours(boolean passed, long count) {
		}

		public Deadline of(java.time.LocalDate day) {
			return Deadline.of(day, this.formats.today(), this.calendar);
		}

		/**
		 * The hours left before a hỏa tốc deadline, or overdue after it, each begun hour
		 * counted.
		 */
		public Hours hours(Instant before) {
			boolean passed = this.now.isAfter(before);
			java.time.Duration span = passed ? java.time.Duration.between(before, this.now)
					: java.time.Duration.between(this.now, before);
			long hours = Math.max(1, (span.toMinutes() + 59) / 60);
			return new Hours(passed, hours);
		}

	}

}
