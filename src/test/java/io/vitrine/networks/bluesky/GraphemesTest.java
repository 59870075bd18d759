package io.vitrine.networks.bluesky;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GraphemesTest {

	@Test
	void a_family_emoji_joined_by_zero_width_joiners_is_one_grapheme() {
		String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66"; // 👨‍👩‍👧‍👦

		assertThat(family.length()).isEqualTo(11);
		assertThat(Graphemes.count(family)).isEqualTo(1);
		assertThat(Graphemes.utf8Bytes(family)).isEqualTo(25);
	}

	@Test
	void a_flag_made_of_two_regional_indicators_is_one_grapheme_and_two_flags_are_two() {
		String france = "\uD83C\uDDEB\uD83C\uDDF7"; // 🇫🇷

		assertThat(Graphemes.count(france)).isEqualTo(1);
		assertThat(Graphemes.count(france + "\uD83C\uDDE9\uD83C\uDDEA")).isEqualTo(2); // 🇫🇷🇩🇪
	}

	@Test
	void an_emoji_with_a_skin_tone_and_a_letter_with_a_combining_accent_are_one_grapheme_each() {
		assertThat(Graphemes.count("\uD83D\uDC4D\uD83C\uDFFD")).isEqualTo(1); // 👍🏽
		assertThat(Graphemes.count("e\u0301")).isEqualTo(1); // é as e + combining acute
	}

	@Test
	void accented_letters_count_once_but_take_two_bytes() {
		assertThat(Graphemes.count("café")).isEqualTo(4);
		assertThat(Graphemes.utf8Bytes("café")).isEqualTo(5);
	}

	@Test
	void an_empty_text_has_no_grapheme() {
		assertThat(Graphemes.count("")).isZero();
	}
}
