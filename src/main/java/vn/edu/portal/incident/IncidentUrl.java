package vn.edu.portal.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A URL reported, as typed, with its {@link UrlKey}.
 *
 * @param url the URL as the reporter wrote it
 * @param urlKey the post or account it points at
 */
@Embeddable
public record IncidentUrl(@Column(name = "url") String url, @Column(name = "url_key") String urlKey) {

	static IncidentUrl of(String url) {
		return new IncidentUrl(url.strip(), UrlKey.of(url));
	}

}
