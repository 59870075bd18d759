package io.vitrine.publishing.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Shows an instant the way a person reads it: in the account's zone, in their language, zone named. */
@Component("timeFormat")
public class TimeFormat {

	public String format(Instant instant, ZoneId zone) {
		if (instant == null) {
			return "";
		}
		DateTimeFormatter formatter = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(LocaleContextHolder.getLocale());
		return formatter.format(instant.atZone(zone)) + " " + zone.getId();
	}

	public String iso(Instant instant) {
		return instant == null ? "" : instant.toString();
	}
}
