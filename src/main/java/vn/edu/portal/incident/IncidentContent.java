package vn.edu.portal.incident;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a unit reports about an incident, checked for its format; a draft may leave any of
 * it out, a submission needs {@link #isComplete() the essentials}.
 *
 * @param detectedAt when the unit found out
 * @param occurredAt when it was posted, if known
 * @param platform where
 * @param urls the posts or accounts, as typed
 * @param category what kind of incident
 * @param severity 1 to 4
 * @param summary what the content says or shows, without names
 * @param reachViews views, if known
 * @param reachShares shares, if known
 * @param press whether the press is involved
 * @param people who is involved, by role and age band
 * @param actions what the unit already did
 * @param directiveId a related directive, if any
 */
public record IncidentContent(Instant detectedAt, Instant occurredAt, Platform platform, List<String> urls,
		Category category, Integer severity, String summary, Integer reachViews, Integer reachShares, Press press,
		List<PersonInvolved> people, Set<ActionTaken> actions, Long directiveId) {

	public IncidentContent {
		urls = List.copyOf(urls);
		people = List.copyOf(people);
		actions = Set.copyOf(actions);
		press = (press != null) ? press : Press.NONE;
	}

	/** Whether it says enough to be submitted. */
	public boolean isComplete() {
		return this.detectedAt != null && this.platform != null && this.category != null && this.severity != null
				&& this.summary != null && !this.summary.isBlank() && !this.urls.isEmpty();
	}

}
