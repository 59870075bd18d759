package io.vitrine.bulk.web;

import io.vitrine.bulk.internal.ExportPosts;
import io.vitrine.publishing.TargetState;
import io.vitrine.shared.InvalidInput;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The export's query parameters as people type them, read into a filter or refused naming each one. */
record ExportQuery(String from, String to, String account, String state, String separator, String bom) {

	ExportPosts.Filter filter(ZoneId zone) {
		List<InvalidInput.Problem> problems = new ArrayList<>();
		LocalDate fromDay = day("from", from, problems);
		LocalDate toDay = day("to", to, problems);
		if (fromDay != null && toDay != null && !toDay.isAfter(fromDay)) {
			problems.add(new InvalidInput.Problem("to", "after", "must be after from"));
		}
		UUID connection = null;
		if (!blank(account)) {
			try {
				connection = UUID.fromString(account.strip());
			}
			catch (IllegalArgumentException e) {
				problems.add(new InvalidInput.Problem("account", "uuid", "must be an account id"));
			}
		}
		TargetState targetState = null;
		if (!blank(state)) {
			try {
				targetState = TargetState.fromDb(state.strip());
			}
			catch (IllegalArgumentException e) {
				problems.add(new InvalidInput.Problem("state", "one-of", "must be one of " + String.join(", ",
						Arrays.stream(TargetState.values()).map(TargetState::dbValue).toList())));
			}
		}
		separatorChar();
		withByteOrderMark();
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Instant start = fromDay == null ? null : fromDay.atStartOfDay(zone).toInstant();
		Instant end = toDay == null ? null : toDay.atStartOfDay(zone).toInstant();
		return new ExportPosts.Filter(start, end, connection, targetState);
	}

	char separatorChar() {
		return switch (blank(separator) ? "comma" : separator.strip().toLowerCase(Locale.ROOT)) {
			case "comma", "," -> ',';
			case "semicolon", ";" -> ';';
			default -> throw InvalidInput.of("separator", "one-of", "must be comma or semicolon");
		};
	}

	boolean withByteOrderMark() {
		return switch (blank(bom) ? "false" : bom.strip().toLowerCase(Locale.ROOT)) {
			case "true", "on", "1", "yes" -> true;
			case "false", "off", "0", "no" -> false;
			default -> throw InvalidInput.of("bom", "boolean", "must be true or false");
		};
	}

	private static LocalDate day(String field, String value, List<InvalidInput.Problem> problems) {
		if (blank(value)) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeException e) {
			problems.add(new InvalidInput.Problem(field, "date", "must be a date such as 2026-12-01"));
			return null;
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
