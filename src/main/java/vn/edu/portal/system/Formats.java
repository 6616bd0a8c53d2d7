package vn.edu.portal.system;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

import org.springframework.stereotype.Component;

/**
 * Dates and times as users read them: dd/MM/yyyy, in the portal's time zone
 * (Asia/Ho_Chi_Minh). Templates call it as {@code ${@formats.dateTime(x)}}.
 */
@Component("formats")
public class Formats {

	public static final String DATE_PATTERN = "dd/MM/yyyy";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(DATE_PATTERN);

	private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

	private final ZoneId zone;

	private final Clock clock;

	Formats(PortalProperties properties, Clock clock) {
		this.zone = properties.timeZone();
		this.clock = clock;
	}

	public ZoneId zone() {
		return this.zone;
	}

	/** Parses a dd/MM/yyyy text strictly: 31/02 is refused, not moved to March. */
	public static LocalDate parseDayMonthYear(String text) {
		return LocalDate.parse(text.strip(), STRICT_DATE);
	}

	/** A day as forms show it, dd/MM/yyyy. */
	public static String dayMonthYear(LocalDate date) {
		return (date != null) ? DATE.format(date) : "";
	}

	public String date(LocalDate date) {
		return (date != null) ? DATE.format(date) : "";
	}

	public String date(Instant instant) {
		return (instant != null) ? DATE.format(instant.atZone(this.zone)) : "";
	}

	public String dateTime(Instant instant) {
		return (instant != null) ? DATE_TIME.format(instant.atZone(this.zone)) : "";
	}

	public String dateTimeSeconds(Instant instant) {
		return (instant != null) ? DATE_TIME_SECONDS.format(instant.atZone(this.zone)) : "";
	}

	/** The first instant of a local day in the portal's zone. */
	public Instant startOf(LocalDate date) {
		return date.atStartOfDay(this.zone).toInstant();
	}

	/** Today in the portal's zone, by the portal's clock. */
	public LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.zone);
	}

}
