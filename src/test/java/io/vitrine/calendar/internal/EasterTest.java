package io.vitrine.calendar.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EasterTest {

	@Test
	void easter_sunday_matches_the_church_tables_over_centuries() {
		assertThat(Easter.sunday(1961)).isEqualTo("1961-04-02");
		assertThat(Easter.sunday(2000)).isEqualTo("2000-04-23");
		assertThat(Easter.sunday(2008)).as("the earliest in a century").isEqualTo("2008-03-23");
		assertThat(Easter.sunday(2019)).isEqualTo("2019-04-21");
		assertThat(Easter.sunday(2024)).isEqualTo("2024-03-31");
		assertThat(Easter.sunday(2025)).isEqualTo("2025-04-20");
		assertThat(Easter.sunday(2026)).isEqualTo("2026-04-05");
		assertThat(Easter.sunday(2027)).isEqualTo("2027-03-28");
		assertThat(Easter.sunday(2038)).isEqualTo("2038-04-25");
		assertThat(Easter.sunday(2100)).isEqualTo("2100-03-28");
	}
}
