package vn.edu.portal.incident;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The same post or account, however its URL was written: the key by which reports from
 * several schools are grouped as one event.
 * <p>
 * The scheme, a {@code www.}, {@code m.}, {@code mobile.}, {@code mbasic.} or
 * {@code web.} in front of the host, the fragment, a trailing slash and tracking
 * parameters ({@code utm_*}, {@code fbclid}, {@code igshid}, {@code si} and the like) do
 * not count; the remaining parameters are sorted. Facebook, TikTok and YouTube links are
 * reduced to what they point at: a post or video by its id ({@code facebook:post:123},
 * whether written {@code /page/posts/123}, {@code permalink.php?story_fbid=123} or
 * {@code photo?fbid=123}; {@code youtube:video:ID} for {@code watch?v=},
 * {@code youtu.be}, {@code shorts}), or an account by its name
 * ({@code tiktok:account:name}).
 */
final class UrlKey {

	static final int MAX_LENGTH = 2000;

	private static final Set<String> HOST_PREFIXES = Set.of("www.", "m.", "mobile.", "mbasic.", "web.");

	private static final Pattern TRACKING = Pattern
		.compile("(?i)utm_.*|fbclid|gclid|dclid|msclkid|igshid|igsh|si|mibextid|__tn__|__cft__.*|ref|refsrc|_rdr|rdid|"
				+ "share_url|is_from_webapp|sender_device|_t|_r|feature|sfnsn|s|app|pp|comment_tracking|paipv|"
				+ "eav|notif_id|notif_t|acontext|hc_ref|fref|hc_location|source|lang|locale|sk");

	private static final Set<String> FACEBOOK_RESERVED = Set.of("permalink.php", "story.php", "photo.php", "photo",
			"watch", "reel", "groups", "profile.php", "share", "events", "pages", "hashtag", "login", "home.php",
			"marketplace", "gaming", "stories");

	private UrlKey() {
	}

	/**
	 * Reads a URL as typed: with or without its scheme, http or https, with a host that
	 * has a dot and no spaces.
	 * @return the URL with its scheme, or empty if it is not one
	 */
	static Optional<URI> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String value = text.strip();
		if (value.isEmpty() || value.length() > MAX_LENGTH || value.chars().anyMatch(Character::isWhitespace)) {
			return Optional.empty();
		}
		if (!value.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
			value = "https://" + value;
		}
		try {
			URI uri = new URI(value);
			String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
			String host = uri.getHost();
			if (!(scheme.equals("http") || scheme.equals("https")) || host == null || !host.contains(".")
					|| host.startsWith(".") || host.endsWith(".")) {
				return Optional.empty();
			}
			return Optional.of(uri);
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The key of a URL that {@link #parse} reads.
	 * @throws IllegalArgumentException if it does not
	 */
	static String of(String text) {
		URI uri = parse(text).orElseThrow(() -> new IllegalArgumentException("not a URL"));
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		boolean stripped = true;
		while (stripped) {
			stripped = false;
			for (String prefix : HOST_PREFIXES) {
				if (host.startsWith(prefix) && host.indexOf('.', prefix.length()) > 0) {
					host = host.substring(prefix.length());
					stripped = true;
				}
			}
		}
		List<String> path = Arrays.stream((uri.getRawPath() != null) ? uri.getRawPath().split("/") : new String[0])
			.filter((segment) -> !segment.isEmpty())
			.map((segment) -> URLDecoder.decode(segment, StandardCharsets.UTF_8))
			.toList();
		Map<String, String> query = query(uri.getRawQuery());
		String special = switch (host) {
			case "facebook.com", "fb.com" -> facebook(path, query);
			case "tiktok.com" -> tiktok(path);
			case "youtube.com" -> youtube(path, query);
			case "youtu.be" -> path.isEmpty() ? null : "youtube:video:" + path.get(0);
			default -> null;
		};
		if (special != null) {
			return cut(special);
		}
		String parameters = query.entrySet()
			.stream()
			.filter((parameter) -> !TRACKING.matcher(parameter.getKey()).matches())
			.sorted(Map.Entry.comparingByKey())
			.map((parameter) -> parameter.getKey() + (parameter.getValue().isEmpty() ? "" : "=" + parameter.getValue()))
			.collect(Collectors.joining("&"));
		return cut(host + (path.isEmpty() ? "" : "/" + String.join("/", path))
				+ (parameters.isEmpty() ? "" : "?" + parameters));
	}

	private static String facebook(List<String> path, Map<String, String> query) {
		if (path.isEmpty()) {
			return null;
		}
		String first = path.get(0).toLowerCase(Locale.ROOT);
		if (query.containsKey("story_fbid")) {
			return "facebook:post:" + query.get("story_fbid");
		}
		if (query.containsKey("fbid")) {
			return "facebook:post:" + query.get("fbid");
		}
		if (first.equals("watch") && query.containsKey("v")) {
			return "facebook:post:" + query.get("v");
		}
		if (first.equals("profile.php") && query.containsKey("id")) {
			return "facebook:account:" + query.get("id");
		}
		if (first.equals("reel") && path.size() >= 2) {
			return "facebook:post:" + path.get(1);
		}
		if (first.equals("groups") && path.size() >= 2) {
			if (path.size() >= 4 && (path.get(2).equals("posts") || path.get(2).equals("permalink"))) {
				return "facebook:post:" + path.get(3);
			}
			return "facebook:group:" + path.get(1).toLowerCase(Locale.ROOT);
		}
		if (FACEBOOK_RESERVED.contains(first)) {
			return null;
		}
		if (path.size() >= 3 && (path.get(1).equals("posts") || path.get(1).equals("videos"))) {
			return "facebook:post:" + path.get(2);
		}
		if (path.size() >= 4 && path.get(1).equals("photos")) {
			return "facebook:post:" + path.get(3);
		}
		if (path.size() == 1) {
			return "facebook:account:" + first;
		}
		return null;
	}

	private static String tiktok(List<String> path) {
		if (path.isEmpty() || !path.get(0).startsWith("@")) {
			return null;
		}
		if (path.size() >= 3 && (path.get(1).equals("video") || path.get(1).equals("photo"))) {
			return "tiktok:video:" + path.get(2);
		}
		return "tiktok:account:" + path.get(0).substring(1).toLowerCase(Locale.ROOT);
	}

	private static String youtube(List<String> path, Map<String, String> query) {
		if (path.isEmpty()) {
			return null;
		}
		String first = path.get(0);
		if (first.equals("watch") && query.containsKey("v")) {
			return "youtube:video:" + query.get("v");
		}
		if ((first.equals("shorts") || first.equals("embed") || first.equals("live") || first.equals("v"))
				&& path.size() >= 2) {
			return "youtube:video:" + path.get(1);
		}
		if (first.startsWith("@")) {
			return "youtube:account:" + first.substring(1).toLowerCase(Locale.ROOT);
		}
		if ((first.equals("c") || first.equals("user")) && path.size() >= 2) {
			return "youtube:account:" + path.get(1).toLowerCase(Locale.ROOT);
		}
		if (first.equals("channel") && path.size() >= 2) {
			return "youtube:channel:" + path.get(1);
		}
		return null;
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (raw == null || raw.isEmpty()) {
			return parameters;
		}
		for (String pair : raw.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
			String value = (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			parameters.putIfAbsent(name, value);
		}
		return parameters;
	}

	private static String cut(String key) {
		return (key.length() > 600) ? key.substring(0, 600) : key;
	}

}
