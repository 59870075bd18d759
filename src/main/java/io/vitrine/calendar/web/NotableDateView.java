package io.vitrine.calendar.web;

import io.vitrine.calendar.Country;
import io.vitrine.calendar.NotableDate;

import java.time.LocalDate;

/** A notable date named in the reader's language, with the composer's address for that day. */
record NotableDateView(LocalDate date, Country country, String key, String name, NotableDate.Kind kind,
		boolean substitute, String composeUrl) {
}
