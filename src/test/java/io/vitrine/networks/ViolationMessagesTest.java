package io.vitrine.networks;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The French catalog of rule messages, entry by entry, and how a message finds its entry. */
class ViolationMessagesTest {

	private final ViolationMessages messages = new ViolationMessages();

	private static List<Map.Entry<String, String>> catalog() throws IOException {
		List<Map.Entry<String, String>> entries = new ArrayList<>();
		try (InputStream in = ViolationMessages.class.getResourceAsStream("/i18n/violations_fr.txt")) {
			String english = null;
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.startsWith("en: ")) {
					english = line.substring(4).strip();
				}
				else if (line.startsWith("fr: ")) {
					entries.add(Map.entry(english, line.substring(4).strip()));
				}
			}
		}
		return entries;
	}

	@Test
	void every_french_entry_uses_each_value_of_its_english_shape() throws IOException {
		List<Map.Entry<String, String>> entries = catalog();
		assertThat(entries).hasSizeGreaterThan(90);
		for (Map.Entry<String, String> e : entries) {
			int[] counts = ViolationMessages.placeholders(e.getKey(), e.getValue());
			assertThat(counts[1]).as("{n} in %s", e.getValue()).isEqualTo(counts[0]);
		}
	}

	@Test
	void every_english_shape_filled_with_values_comes_back_in_french_with_those_values() throws IOException {
		for (Map.Entry<String, String> e : catalog()) {
			List<String> values = new ArrayList<>();
			String english = e.getKey();
			StringBuilder filled = new StringBuilder();
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("%(?:,d|\\d*d|\\.\\d+f|s)").matcher(english);
			int at = 0;
			while (m.find()) {
				String value = "v" + (values.size() + 7) + "q";
				values.add(value);
				filled.append(english, at, m.start()).append(value);
				at = m.end();
			}
			filled.append(english.substring(at));

			String french = messages.translate(filled.toString(), Locale.FRENCH);

			assertThat(french).as(english).isNotEqualTo(filled.toString());
			values.forEach(value -> assertThat(french).as(english).contains(value));
		}
	}

	@Test
	void the_account_named_before_a_message_stays_and_numbers_are_written_the_french_way() {
		assertThat(messages.translate("X (@boulangerie): X counts 281 characters (each link as 23, emoji and CJK characters as 2); "
				+ "the limit is 280.", Locale.FRANCE))
			.isEqualTo("X (@boulangerie): X compte 281 caractères (chaque lien pour 23, les emoji et caractères CJC pour 2) ; "
					+ "la limite est de 280.");
		assertThat(messages.translate("Image 2 is 9.4 MB; Instagram takes up to 8 MB.", Locale.FRENCH))
			.isEqualTo("L’image 2 pèse 9,4 Mo ; Instagram accepte jusqu’à 8 Mo.");
		assertThat(messages.translate("The photo weighs 6,144 KB; Google Business Profile takes 10 KB to 5 MB.", Locale.FRENCH))
			.isEqualTo("La photo pèse 6\u202f144 Ko ; Google Business Profile accepte de 10 Ko à 5 Mo.");
	}

	@Test
	void the_most_specific_shape_wins_and_an_unknown_message_or_english_reader_gets_it_unchanged() {
		assertThat(messages.translate("An event on Google Business Profile needs a title.", Locale.FRENCH))
			.isEqualTo("Un événement Google Business Profile demande : title.");
		assertThat(messages.translate("YouTube needs a title.", Locale.FRENCH)).isEqualTo("YouTube demande un champ « title ».");
		assertThat(messages.translate("Something no rule says.", Locale.FRENCH)).isEqualTo("Something no rule says.");
		assertThat(messages.translate("X allows 4 images per post; this post has 5.", Locale.ENGLISH))
			.isEqualTo("X allows 4 images per post; this post has 5.");
	}
}
