package vn.edu.portal.incident;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/**
 * The incident form as typed, kept whole when a save is refused. Dates and times come
 * from the browser's date-time picker ({@code yyyy-MM-ddTHH:mm}, in the time zone of Việt
 * Nam).
 */
public class IncidentForm {

	static final String DATE_TIME = "dd/MM/yyyy HH:mm";

	/** How many blank rows of people the form offers. */
	static final int BLANK_PEOPLE_ROWS = 1;

	private String formKey = UUID.randomUUID().toString();

	private long version;

	@DateTimeFormat(pattern = DATE_TIME)
	private LocalDateTime detectedAt;

	@DateTimeFormat(pattern = DATE_TIME)
	private LocalDateTime occurredAt;

	private Platform platform;

	@Size(max = 10000)
	private String urls = "";

	private Category category;

	@Min(1)
	@Max(4)
	private Integer severity;

	@Size(max = 8000)
	private String summary = "";

	@Min(0)
	@Max(2_000_000_000)
	private Integer reachViews;

	@Min(0)
	@Max(2_000_000_000)
	private Integer reachShares;

	private Press press = Press.NONE;

	@Valid
	private List<PersonRow> people = new ArrayList<>();

	@Size(max = 4000)
	private String names = "";

	private Set<ActionTaken> actions = EnumSet.noneOf(ActionTaken.class);

	private Long directiveId;

	static IncidentForm of(Incident incident, ZoneId zone, String names) {
		IncidentForm form = new IncidentForm();
		form.formKey = incident.getFormKey().toString();
		form.version = incident.getVersion();
		form.detectedAt = local(incident.getDetectedAt(), zone);
		form.occurredAt = local(incident.getOccurredAt(), zone);
		form.platform = incident.getPlatform();
		form.urls = String.join("\n", incident.getUrls().stream().map(IncidentUrl::url).toList());
		form.category = incident.getCategory();
		form.severity = incident.getSeverity();
		form.summary = (incident.getSummary() != null) ? incident.getSummary() : "";
		form.reachViews = incident.getReachViews();
		form.reachShares = incident.getReachShares();
		form.press = incident.getPress();
		form.people = new ArrayList<>(incident.getPeople()
			.stream()
			.map((person) -> new PersonRow(person.role(), person.ageBand(), person.headCount()))
			.toList());
		form.names = (names != null) ? names : "";
		form.actions = incident.getActions().isEmpty() ? EnumSet.noneOf(ActionTaken.class)
				: EnumSet.copyOf(incident.getActions());
		form.directiveId = incident.getDirectiveId();
		return form;
	}

	private static LocalDateTime local(Instant instant, ZoneId zone) {
		return (instant != null) ? LocalDateTime.ofInstant(instant, zone).withSecond(0).withNano(0) : null;
	}

	/** The form key as a UUID; a new one if it was tampered with. */
	UUID key() {
		try {
			return UUID.fromString(this.formKey);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return UUID.randomUUID();
		}
	}

	/** The URLs typed, one per line, without blank lines. */
	List<String> urlList() {
		return (this.urls == null) ? List.of()
				: this.urls.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

	/** The rows of people filled in. */
	/**
	 * Whether nothing at all was filled in (a crafted or empty post): there is nothing to
	 * save as a draft.
	 */
	boolean isEmpty() {
		return this.detectedAt == null && this.occurredAt == null && this.platform == null && this.category == null
				&& this.severity == null && this.reachViews == null && this.reachShares == null
				&& this.directiveId == null && isBlank(this.urls) && isBlank(this.summary) && isBlank(this.names)
				&& filledPeople().isEmpty() && (this.actions == null || this.actions.isEmpty());
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	List<PersonRow> filledPeople() {
		return this.people.stream().filter((row) -> row != null && !row.isBlank()).toList();
	}

	/**
	 * Checks what the annotations cannot: the URLs, the times, and the rows of people;
	 * for a submission, that the essentials are there.
	 */
	void check(Errors errors, boolean submitting, Instant now, ZoneId zone) {
		List<String> typed = urlList();
		if (typed.size() > 20) {
			errors.rejectValue("urls", "incident.urls.tooMany");
		}
		for (String url : typed) {
			if (UrlKey.parse(url).isEmpty()) {
				errors.rejectValue("urls", "incident.urls.invalid", new Object[] { url }, null);
				break;
			}
		}
		Instant detected = instant(this.detectedAt, zone);
		Instant occurred = instant(this.occurredAt, zone);
		Instant soon = now.plusSeconds(300);
		if (detected != null && detected.isAfter(soon)) {
			errors.rejectValue("detectedAt", "incident.time.future");
		}
		if (occurred != null && occurred.isAfter(soon)) {
			errors.rejectValue("occurredAt", "incident.time.future");
		}
		if (detected != null && occurred != null && occurred.isAfter(detected)) {
			errors.rejectValue("occurredAt", "incident.occurred.afterDetected");
		}
		for (int i = 0; i < this.people.size(); i++) {
			PersonRow row = this.people.get(i);
			if (row != null && !row.isBlank() && (row.getRole() == null || row.getAgeBand() == null)) {
				errors.rejectValue("people[" + i + "].role", "incident.person.incomplete");
			}
		}
		if (submitting) {
			if (this.detectedAt == null && !errors.hasFieldErrors("detectedAt")) {
				errors.rejectValue("detectedAt", "NotNull");
			}
			if (this.platform == null) {
				errors.rejectValue("platform", "incident.choose");
			}
			if (typed.isEmpty()) {
				errors.rejectValue("urls", "incident.urls.required");
			}
			if (this.category == null) {
				errors.rejectValue("category", "incident.choose");
			}
			if (this.summary == null || this.summary.isBlank()) {
				errors.rejectValue("summary", "NotBlank");
			}
		}
	}

	IncidentContent content(ZoneId zone) {
		return new IncidentContent(instant(this.detectedAt, zone), instant(this.occurredAt, zone), this.platform,
				urlList(), this.category, this.severity, (this.summary != null) ? this.summary.strip() : null,
				this.reachViews, this.reachShares, this.press,
				filledPeople().stream()
					.map((row) -> new PersonInvolved(row.getRole(), row.getAgeBand(),
							(row.getCount() != null) ? row.getCount() : 1))
					.toList(),
				(this.actions != null) ? this.actions : Set.of(), this.directiveId);
	}

	private static Instant instant(LocalDateTime local, ZoneId zone) {
		return (local != null) ? local.atZone(zone).toInstant() : null;
	}

	/** Adds blank rows of people so that there is always one to fill in. */
	IncidentForm withBlankRows(int extra) {
		this.people = new ArrayList<>(filledPeople());
		for (int i = 0; i < Math.max(BLANK_PEOPLE_ROWS, extra); i++) {
			this.people.add(new PersonRow());
		}
		return this;
	}

	public String getFormKey() {
		return this.formKey;
	}

	public void setFormKey(String formKey) {
		this.formKey = formKey;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public LocalDateTime getDetectedAt() {
		return this.detectedAt;
	}

	public void setDetectedAt(LocalDateTime detectedAt) {
		this.detectedAt = detectedAt;
	}

	public LocalDateTime getOccurredAt() {
		return this.occurredAt;
	}

	public void setOccurredAt(LocalDateTime occurredAt) {
		this.occurredAt = occurredAt;
	}

	public Platform getPlatform() {
		return this.platform;
	}

	public void setPlatform(Platform platform) {
		this.platform = platform;
	}

	public String getUrls() {
		return this.urls;
	}

	public void setUrls(String urls) {
		this.urls = urls;
	}

	public Category getCategory() {
		return this.category;
	}

	public void setCategory(Category category) {
		this.category = category;
	}

	public Integer getSeverity() {
		return this.severity;
	}

	public void setSeverity(Integer severity) {
		this.severity = severity;
	}

	public String getSummary() {
		return this.summary;
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

	public Integer getReachViews() {
		return this.reachViews;
	}

	public void setReachViews(Integer reachViews) {
		this.reachViews = reachViews;
	}

	public Integer getReachShares() {
		return this.reachShares;
	}

	public void setReachShares(Integer reachShares) {
		this.reachShares = reachShares;
	}

	public Press getPress() {
		return this.press;
	}

	public void setPress(Press press) {
		this.press = press;
	}

	public List<PersonRow> getPeople() {
		return this.people;
	}

	public void setPeople(List<PersonRow> people) {
		this.people = people;
	}

	public String getNames() {
		return this.names;
	}

	public void setNames(String names) {
		this.names = names;
	}

	public Set<ActionTaken> getActions() {
		return this.actions;
	}

	public void setActions(Set<ActionTaken> actions) {
		this.actions = actions;
	}

	public Long getDirectiveId() {
		return this.directiveId;
	}

	public void setDirectiveId(Long directiveId) {
		this.directiveId = directiveId;
	}

	/** A row of people involved: role, age band, how many. */
	public static class PersonRow {

		private PersonRole role;

		private AgeBand ageBand;

		@Min(1)
		@Max(9999)
		private Integer count;

		public PersonRow() {
		}

		PersonRow(PersonRole role, AgeBand ageBand, Integer count) {
			this.role = role;
			this.ageBand = ageBand;
			this.count = count;
		}

		boolean isBlank() {
			return this.role == null && this.ageBand == null && this.count == null;
		}

		public PersonRole getRole() {
			return this.role;
		}

		public void setRole(PersonRole role) {
			this.role = role;
		}

		public AgeBand getAgeBand() {
			return this.ageBand;
		}

		public void setAgeBand(AgeBand ageBand) {
			this.ageBand = ageBand;
		}

		public Integer getCount() {
			return this.count;
		}

		public void setCount(Integer count) {
			this.count = count;
		}

	}

}
