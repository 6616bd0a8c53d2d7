package vn.edu.portal.incident;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The fields of an incident form as a browser posts them, for tests of any module. */
public final class TestIncidentForms {

	private static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private static final ZoneId ICT = ZoneId.of("Asia/Ho_Chi_Minh");

	private TestIncidentForms() {
	}

	/**
	 * A complete form, without its action: a post about a student, detected so many hours
	 * ago; the map can be changed.
	 */
	public static Map<String, String> form(UUID key, String url, int severity, int hoursAgo) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("formKey", key.toString());
		form.put("version", "0");
		form.put("detectedAt", LocalDateTime.now(ICT).minusHours(hoursAgo).format(PICKER));
		form.put("platform", "FACEBOOK");
		form.put("urls", url);
		form.put("category", "BNTT");
		form.put("severity", String.valueOf(severity));
		form.put("summary", "Bài đăng chế giễu một học sinh lớp 10.");
		form.put("press", "NONE");
		form.put("people[0].role", "STUDENT");
		form.put("people[0].ageBand", "FROM_16_TO_17");
		form.put("people[0].count", "1");
		form.put("actions", "REMOVAL_REQUESTED");
		return form;
	}

}
