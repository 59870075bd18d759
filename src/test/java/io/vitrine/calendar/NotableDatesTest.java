package io.vitrine.calendar;

import io.vitrine.shared.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Notable dates checked against the published calendars of several years (Légifrance and
 * service-public.fr for France, OPM's federal holiday tables for the US, canada.ca, gov.uk/bank-holidays).
 */
class NotableDatesTest {

	private static LocalDate dateOf(Country country, int year, String key) {
		return datesOf(country, year, key).getFirst();
	}

	private static List<LocalDate> datesOf(Country country, int year, String key) {
		return NotableDates.ofYear(country, year).stream().filter(d -> d.key().equals(key) && !d.substitute())
			.map(NotableDate::date).toList();
	}

	private static List<LocalDate> substitutesOf(Country country, int year, String key) {
		return NotableDates.ofYear(country, year).stream().filter(d -> d.key().equals(key) && d.substitute())
			.map(NotableDate::date).toList();
	}

	@Test
	void easter_monday_ascension_and_whit_monday_follow_easter_in_france() {
		assertThat(dateOf(Country.FR, 2024, "easter-monday")).isEqualTo("2024-04-01");
		assertThat(dateOf(Country.FR, 2024, "ascension")).isEqualTo("2024-05-09");
		assertThat(dateOf(Country.FR, 2024, "whit-monday")).isEqualTo("2024-05-20");
		assertThat(dateOf(Country.FR, 2025, "easter-monday")).isEqualTo("2025-04-21");
		assertThat(dateOf(Country.FR, 2025, "ascension")).isEqualTo("2025-05-29");
		assertThat(dateOf(Country.FR, 2025, "whit-monday")).isEqualTo("2025-06-09");
		assertThat(dateOf(Country.FR, 2026, "easter-monday")).isEqualTo("2026-04-06");
		assertThat(dateOf(Country.FR, 2026, "ascension")).isEqualTo("2026-05-14");
		assertThat(dateOf(Country.FR, 2026, "whit-monday")).isEqualTo("2026-05-25");
		assertThat(dateOf(Country.FR, 2038, "easter-monday")).as("the latest Easter of the century").isEqualTo("2038-04-26");
	}

	@Test
	void france_has_eleven_public_holidays_and_no_substitute_days() {
		List<NotableDate> holidays = NotableDates.ofYear(Country.FR, 2027).stream()
			.filter(d -> d.kind() == NotableDate.Kind.PUBLIC_HOLIDAY).toList();
		assertThat(holidays).hasSize(11).noneMatch(NotableDate::substitute);
		assertThat(holidays).extracting(NotableDate::date).contains(LocalDate.of(2027, 7, 14), LocalDate.of(2027, 11, 11),
				LocalDate.of(2027, 5, 8), LocalDate.of(2027, 8, 15));
	}

	@Test
	void french_mothers_day_is_the_last_sunday_of_may_unless_that_is_pentecost_then_the_first_sunday_of_june() {
		assertThat(dateOf(Country.FR, 2024, "mothers-day")).isEqualTo("2024-05-26");
		assertThat(dateOf(Country.FR, 2025, "mothers-day")).isEqualTo("2025-05-25");
		assertThat(dateOf(Country.FR, 2012, "mothers-day")).as("Pentecost on 27 May 2012").isEqualTo("2012-06-03");
		assertThat(dateOf(Country.FR, 2023, "mothers-day")).as("Pentecost on 28 May 2023").isEqualTo("2023-06-04");
		assertThat(dateOf(Country.FR, 2026, "fathers-day")).isEqualTo("2026-06-21");
	}

	@Test
	void us_thanksgiving_is_the_fourth_thursday_of_november_and_black_friday_the_day_after() {
		assertThat(dateOf(Country.US, 2024, "thanksgiving")).isEqualTo("2024-11-28");
		assertThat(dateOf(Country.US, 2025, "thanksgiving")).isEqualTo("2025-11-27");
		assertThat(dateOf(Country.US, 2026, "thanksgiving")).isEqualTo("2026-11-26");
		assertThat(dateOf(Country.US, 2026, "black-friday")).isEqualTo("2026-11-27");
		assertThat(dateOf(Country.FR, 2026, "black-friday")).as("a retail date in France too").isEqualTo("2026-11-27");
	}

	@Test
	void us_monday_holidays_mothers_and_fathers_day_fall_on_their_nth_weekday() {
		assertThat(dateOf(Country.US, 2026, "martin-luther-king-day")).isEqualTo("2026-01-19");
		assertThat(dateOf(Country.US, 2026, "washingtons-birthday")).isEqualTo("2026-02-16");
		assertThat(dateOf(Country.US, 2026, "memorial-day")).isEqualTo("2026-05-25");
		assertThat(dateOf(Country.US, 2025, "memorial-day")).isEqualTo("2025-05-26");
		assertThat(dateOf(Country.US, 2026, "labor-day")).isEqualTo("2026-09-07");
		assertThat(dateOf(Country.US, 2026, "columbus-day")).isEqualTo("2026-10-12");
		assertThat(dateOf(Country.US, 2026, "mothers-day")).isEqualTo("2026-05-10");
		assertThat(dateOf(Country.US, 2025, "fathers-day")).isEqualTo("2025-06-15");
	}

	@Test
	void a_us_federal_holiday_on_a_saturday_is_observed_on_friday_and_on_a_sunday_on_monday() {
		assertThat(substitutesOf(Country.US, 2026, "independence-day")).containsExactly(LocalDate.of(2026, 7, 3));
		assertThat(substitutesOf(Country.US, 2027, "christmas")).containsExactly(LocalDate.of(2027, 12, 24));
		assertThat(substitutesOf(Country.US, 2023, "new-years-day")).containsExactly(LocalDate.of(2023, 1, 2));
		assertThat(NotableDates.between(LocalDate.of(2021, 12, 31), LocalDate.of(2022, 1, 1), List.of(Country.US)))
			.as("1 January 2022 was a Saturday: observed on Friday 31 December 2021")
			.anyMatch(d -> d.key().equals("new-years-day") && d.substitute());
	}

	@Test
	void juneteenth_exists_from_2021_on() {
		assertThat(datesOf(Country.US, 2020, "juneteenth")).isEmpty();
		assertThat(dateOf(Country.US, 2021, "juneteenth")).isEqualTo("2021-06-19");
	}

	@Test
	void canada_has_good_friday_victoria_day_and_thanksgiving_on_the_second_monday_of_october() {
		assertThat(dateOf(Country.CA, 2026, "good-friday")).isEqualTo("2026-04-03");
		assertThat(dateOf(Country.CA, 2024, "victoria-day")).isEqualTo("2024-05-20");
		assertThat(dateOf(Country.CA, 2025, "victoria-day")).isEqualTo("2025-05-19");
		assertThat(dateOf(Country.CA, 2026, "victoria-day")).isEqualTo("2026-05-18");
		assertThat(dateOf(Country.CA, 2025, "thanksgiving")).isEqualTo("2025-10-13");
		assertThat(dateOf(Country.CA, 2026, "thanksgiving")).isEqualTo("2026-10-12");
		assertThat(dateOf(Country.CA, 2029, "canada-day")).as("1 July 2029 is a Sunday").isEqualTo("2029-07-02");
		assertThat(datesOf(Country.CA, 2020, "truth-and-reconciliation-day")).isEmpty();
		assertThat(dateOf(Country.CA, 2026, "truth-and-reconciliation-day")).isEqualTo("2026-09-30");
	}

	@Test
	void uk_bank_holidays_match_gov_uk_including_substitute_days() {
		assertThat(dateOf(Country.GB, 2026, "good-friday")).isEqualTo("2026-04-03");
		assertThat(dateOf(Country.GB, 2026, "easter-monday")).isEqualTo("2026-04-06");
		assertThat(dateOf(Country.GB, 2026, "early-may-bank-holiday")).isEqualTo("2026-05-04");
		assertThat(dateOf(Country.GB, 2026, "spring-bank-holiday")).isEqualTo("2026-05-25");
		assertThat(dateOf(Country.GB, 2026, "summer-bank-holiday")).isEqualTo("2026-08-31");
		assertThat(substitutesOf(Country.GB, 2026, "boxing-day")).as("Boxing Day 2026 is a Saturday")
			.containsExactly(LocalDate.of(2026, 12, 28));
		assertThat(substitutesOf(Country.GB, 2021, "christmas")).containsExactly(LocalDate.of(2021, 12, 27));
		assertThat(substitutesOf(Country.GB, 2021, "boxing-day")).containsExactly(LocalDate.of(2021, 12, 28));
		assertThat(substitutesOf(Country.GB, 2022, "christmas")).as("Christmas 2022 on a Sunday, Boxing Day on Monday")
			.containsExactly(LocalDate.of(2022, 12, 27));
		assertThat(substitutesOf(Country.GB, 2022, "boxing-day")).isEmpty();
		assertThat(substitutesOf(Country.GB, 2022, "new-years-day")).containsExactly(LocalDate.of(2022, 1, 3));
	}

	@Test
	void uk_mothering_sunday_is_three_weeks_before_easter() {
		assertThat(dateOf(Country.GB, 2025, "mothers-day")).isEqualTo("2025-03-30");
		assertThat(dateOf(Country.GB, 2026, "mothers-day")).isEqualTo("2026-03-15");
		assertThat(dateOf(Country.GB, 2027, "mothers-day")).isEqualTo("2027-03-07");
	}

	@Test
	void international_womens_day_and_christmas_are_in_every_country_every_year() {
		for (Country country : Country.values()) {
			for (int year = 2020; year <= 2035; year++) {
				assertThat(dateOf(country, year, "womens-day")).isEqualTo(LocalDate.of(year, 3, 8));
				assertThat(dateOf(country, year, "christmas")).isEqualTo(LocalDate.of(year, 12, 25));
			}
		}
	}

	@Test
	void a_range_holds_only_its_days_sorted_by_date_and_country() {
		List<NotableDate> december = NotableDates.between(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 1),
				List.of(Country.GB, Country.FR));
		assertThat(december).allMatch(d -> d.date().getMonthValue() == 12 && d.date().getYear() == 2026);
		assertThat(december).extracting(NotableDate::date).isSorted();
		assertThat(december).filteredOn(d -> d.key().equals("christmas")).extracting(NotableDate::country)
			.containsExactly(Country.FR, Country.GB);
	}

	@Test
	void a_backwards_too_long_or_too_far_range_is_refused_naming_the_field() {
		assertThatThrownBy(() -> NotableDates.between(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), List.of(Country.FR)))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("to");
		assertThatThrownBy(() -> NotableDates.between(LocalDate.of(2026, 1, 1), LocalDate.of(2028, 1, 1), List.of(Country.FR)))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().getFirst().rule()).isEqualTo("range"));
		assertThatThrownBy(() -> NotableDates.between(LocalDate.of(1500, 1, 1), LocalDate.of(1500, 2, 1), List.of(Country.FR)))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().getFirst().field()).isEqualTo("from"));
	}

	@Test
	void uk_is_read_as_gb_and_an_unknown_country_names_the_choices() {
		assertThat(Country.parse("country", "uk")).isEqualTo(Country.GB);
		assertThatThrownBy(() -> Country.parse("country", "DE")).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("FR, US, CA, GB");
	}
}
