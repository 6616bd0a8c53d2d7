package vn.edu.portal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for tests against the running server: it keeps cookies, does
 * not follow redirects, reads the CSRF token from the last page, and comes from its own
 * (forwarded) address so that login throttling of one test does not touch another.
 */
public final class PortalHttp {

	public static final String SESSION_COOKIE = "PORTALSESSION";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	/** A server that does not answer within this fails the test instead of hanging it. */
	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private final String base;

	private final CookieManager cookies;

	private final HttpClient client;

	private volatile String address;

	private String csrf;

	public PortalHttp(int port) {
		this(port, randomAddress());
	}

	public PortalHttp(int port, String address) {
		this(port, address, new CookieManager());
	}

	private PortalHttp(int port, String address, CookieManager cookies) {
		this.cookies = cookies;
		this.base = "http://localhost:" + port;
		this.address = address;
		this.client = HttpClient.newBuilder()
			.connectTimeout(TIMEOUT)
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * The same browser (its cookies, its address) talking to another instance of the
	 * portal, as behind a proxy without sticky sessions.
	 */
	public PortalHttp sameBrowserOn(int otherPort) {
		PortalHttp other = new PortalHttp(otherPort, this.address, this.cookies);
		other.csrf = this.csrf;
		return other;
	}

	public static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "198.51." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
	}

	public String address() {
		return this.address;
	}

	/**
	 * The same browser, with its cookies, from another network (a phone leaving Wi-Fi).
	 */
	public void moveTo(String newAddress) {
		this.address = newAddress;
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET().build());
	}

	/** Posts a form with the CSRF token of the last page seen. */
	public HttpResponse<String> post(String path, Map<String, String> form) {
		Map<String, String> body = new LinkedHashMap<>(form);
		if (this.csrf != null) {
			body.putIfAbsent("_csrf", this.csrf);
		}
		return postRaw(path, body);
	}

	/**
	 * Posts a form as a browser does from a page of the portal (with that page as the
	 * referer), with the CSRF token of the last page seen.
	 */
	public HttpResponse<String> postFrom(String page, String path, Map<String, String> form) {
		Map<String, String> body = new LinkedHashMap<>(form);
		if (this.csrf != null) {
			body.putIfAbsent("_csrf", this.csrf);
		}
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.header("Referer", this.base + page)
			.POST(HttpRequest.BodyPublishers.ofString(formBody(body)))
			.build());
	}

	/** Posts a form exactly as given, without adding a CSRF token. */
	public HttpResponse<String> postRaw(String path, Map<String, String> form) {
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(formBody(form)))
			.build());
	}

	private static String formBody(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
	}

	/**
	 * Uploads a file as a browser's multipart form does, with the CSRF token of the last
	 * page seen.
	 */
	public HttpResponse<String> upload(String path, String fileName, byte[] content) {
		String boundary = "----PortalTests" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (this.csrf != null) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + this.csrf
					+ "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	/**
	 * Sends a form with files, as a browser sends a form of {@code multipart/form-data}:
	 * the fields (with the CSRF token), then each file under the given field name.
	 */
	public HttpResponse<String> multipart(String path, Map<String, String> fields, String fileField,
			Map<String, byte[]> files) {
		String boundary = "----PortalTests" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		Map<String, String> all = new java.util.LinkedHashMap<>(fields);
		if (this.csrf != null) {
			all.put("_csrf", this.csrf);
		}
		all.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		files.forEach((name, content) -> {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
					+ "\"; filename=\"" + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(content);
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		});
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	/** Downloads a file. */
	public HttpResponse<byte[]> download(String path) {
		try {
			return this.client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Opens the login page and logs in; answers the response to the login form. */
	public HttpResponse<String> login(String username, String password) {
		get("/login");
		return post("/login", Map.of("username", username, "password", password));
	}

	/** Where a redirect points, as path and query. */
	public static String location(HttpResponse<?> response) {
		URI location = URI.create(response.headers().firstValue("Location").orElse(""));
		return location.getRawPath() + ((location.getRawQuery() != null) ? "?" + location.getRawQuery() : "");
	}

	public String sessionId() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(SESSION_COOKIE))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(TIMEOUT)
			.header("X-Forwarded-For", this.address)
			.header("User-Agent", "PortalTests/1.0")
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			Matcher matcher = CSRF.matcher(response.body());
			if (matcher.find()) {
				this.csrf = matcher.group(1);
			}
			return response;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
