package vn.edu.portal.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindException;
import org.springframework.validation.SmartValidator;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.directive.DirectiveCatalog;
import vn.edu.portal.system.Formats;

/**
 * Incidents filed by other modules (the API) under the rules of the incident form: the
 * same checks and messages, the same permissions (staff draft, leaders submit), the same
 * key against a second filing of the same incident. Names of the people involved are
 * typed on the page only, where their restricted handling is explained.
 */
@Service
public class IncidentFilings {

	private final IncidentService incidents;

	private final DirectiveCatalog directives;

	private final SmartValidator validator;

	private final Formats formats;

	private final Clock clock;

	IncidentFilings(IncidentService incidents, DirectiveCatalog directives, SmartValidator validator, Formats formats,
			Clock clock) {
		this.incidents = incidents;
		this.directives = directives;
		this.validator = validator;
		this.formats = formats;
		this.clock = clock;
	}

	/**
	 * Files an incident of the account's unit: a draft, or submitted to the Department.
	 * The same key sent again (a retry) answers the incident it made, changing nothing.
	 * @throws BindException what is wrong, field by field, with the form's message codes
	 */
	public Filed file(CurrentUser user, Filing filing) throws BindException {
		ZoneId zone = this.formats.zone();
		IncidentForm form = filing.form(zone);
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "incident");
		this.validator.validate(form, errors);
		form.check(errors, filing.submit(), this.clock.instant(), zone);
		if (form.getDirectiveId() != null && this.directives.find(user, form.getDirectiveId()).isEmpty()) {
			errors.rejectValue("directiveId", "incident.directive.unknown");
		}
		if (form.isEmpty()) {
			errors.reject("incident.empty");
		}
		if (errors.hasErrors()) {
			throw new BindException(errors);
		}
		UUID key = form.key();
		Incident incident;
		boolean repeated;
		try {
			IncidentService.Saved saved = this.incidents.save(user, key, null, 0, form.content(zone), null,
					filing.submit());
			incident = saved.incident();
			repeated = saved.alreadySubmitted();
		}
		catch (DataIntegrityViolationException twice) {
			// The same key sent twice at once: the other request made the incident.
			incident = this.incidents.madeFrom(user, key).orElseThrow(() -> twice);
			repeated = true;
		}
		return new Filed(!repeated, IncidentStatuses.status(incident, this.clock.instant()));
	}

	/**
	 * An incident as another system files it.
	 *
	 * @param key the client's key for this incident (a UUID): sending it again files
	 * nothing new
	 * @param detectedAt when the school learned of it
	 * @param occurredAt when it happened, if known
	 * @param platform where
	 * @param urls the links to the posts, at most 20
	 * @param category its category
	 * @param severity 1 to 4, if known
	 * @param summary what happened
	 * @param reachViews views, if known
	 * @param reachShares shares, if known
	 * @param press whether the press took it up
	 * @param people who is involved, by role and age band (never by name)
	 * @param actions what the school did already
	 * @param directiveId the directive it relates to, if any
	 * @param submit {@code true} to submit it to the Department (leaders), {@code false}
	 * to keep a draft
	 */
	public record Filing(UUID key, Instant detectedAt, Instant occurredAt, Platform platform, List<String> urls,
			Category category, Integer severity, String summary, Integer reachViews, Integer reachShares, Press press,
			List<Person> people, Set<ActionTaken> actions, Long directiveId, boolean submit) {

		IncidentForm form(ZoneId zone) {
			IncidentForm form = new IncidentForm();
			form.setFormKey((this.key != null) ? this.key.toString() : null);
			form.setDetectedAt(local(this.detectedAt, zone));
			form.setOccurredAt(local(this.occurredAt, zone));
			form.setPlatform(this.platform);
			form.setUrls((this.urls != null) ? String.join("\n", this.urls) : "");
			form.setCategory(this.category);
			form.setSeverity(this.severity);
			form.setSummary((this.summary != null) ? this.summary : "");
			form.setReachViews(this.reachViews);
			form.setReachShares(this.reachShares);
			form.setPress((this.press != null) ? this.press : Press.NONE);
			List<IncidentForm.PersonRow> rows = new ArrayList<>();
			for (Person person : (this.people != null) ? this.people : List.<Person>of()) {
				IncidentForm.PersonRow row = new IncidentForm.PersonRow();
				row.setRole(person.role());
				row.setAgeBand(person.ageBand());
				row.setCount(person.count());
				rows.add(row);
			}
			form.setPeople(rows);
			form.setActions((this.actions != null && !this.actions.isEmpty()) ? EnumSet.copyOf(this.actions)
					: EnumSet.noneOf(ActionTaken.class));
			form.setDirectiveId(this.directiveId);
			return form;
		}

		private static LocalDateTime local(Instant instant, ZoneId zone) {
			return (instant != null) ? LocalDateTime.ofInstant(instant, zone) : null;
		}

		/**
		 * People involved, without names.
		 *
		 * @param role their role
		 * @param ageBand their age band
		 * @param count how many, 1 if not given
		 */
		public record Person(PersonRole role, AgeBand ageBand, Integer count) {
		}

	}

	/**
	 * What filing did.
	 *
	 * @param created {@code false} when the key had filed it before
	 * @param incident where the incident stands
	 */
	public record Filed(boolean created, IncidentStatuses.Status incident) {
	}

}
