package vn.edu.portal.incident;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.edu.portal.system.Formats;

/** The requests made outside the portal about an incident, as the export writes them. */
@Component
class IncidentRequestCells {

	private final JsonMapper json;

	private final MessageSource messages;

	IncidentRequestCells(JsonMapper json, MessageSource messages) {
		this.json = json;
		this.messages = messages;
	}

	/** The requests of the export query's JSON array; none for {@code null}. */
	List<Exported> of(String requests) {
		if (requests == null) {
			return List.of();
		}
		return List.of(this.json.readValue(requests, Exported[].class));
	}

	/**
	 * A request as an export's cell reads it: "Facebook · Gỡ bỏ nội dung · Số 123 · Gửi
	 * ngày 01/12/2026 · Trả lời ngày 03/12/2026 · Đã gỡ".
	 */
	String text(Exported request, Locale locale) {
		List<String> parts = new ArrayList<>();
		if (request.platform() != null) {
			parts.add(message("incident.platform." + request.platform(), locale));
			parts.add(message("incident.request.asked." + request.asked(), locale));
		}
		else {
			parts.add(message("incident.request.agency." + request.agency(), locale));
		}
		if (request.reference() != null) {
			parts.add(message("incident.request.ref", locale, request.reference()));
		}
		parts.add(message("incident.request.sent", locale, Formats.dayMonthYear(request.sentOn())));
		if (request.answeredOn() != null) {
			parts.add(message("incident.export.answeredOn", locale, Formats.dayMonthYear(request.answeredOn())));
		}
		String state = (request.outcome() != null) ? "incident.request.outcome." + request.outcome()
				: (request.answeredOn() != null) ? "incident.request.answered" : "incident.request.waiting";
		parts.add(message(state, locale));
		return String.join(" · ", parts);
	}

	private String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	/**
	 * A request made outside the portal, as the export's query gives it.
	 *
	 * @param platform the platform, or {@code null}
	 * @param agency the agency, or {@code null}
	 * @param asked what the platform was asked
	 * @param reference the case number or reference
	 * @param sentOn when sent
	 * @param answeredOn when answered
	 * @param outcome how it ended
	 */
	record Exported(String platform, String agency, String asked, String reference, LocalDate sentOn,
			LocalDate answeredOn, String outcome) {
	}

}
