package io.vitrine.networks.linkedin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/little-text-format */
class LittleTextTest {

	@Test
	void escapes_every_reserved_character_with_a_backslash() {
		assertThat(LittleText.of("| { } @ [ ] ( ) < > \\ * _ ~")).isEqualTo("\\| \\{ \\} \\@ \\[ \\] \\( \\) \\< \\> \\\\ \\* \\_ \\~");
	}

	@Test
	void keeps_hashtags_as_hashtag_templates() {
		assertThat(LittleText.of("Fresh #bread and #pain_au_chocolat today"))
			.isEqualTo("Fresh {hashtag|\\#|bread} and {hashtag|\\#|pain\\_au\\_chocolat} today");
	}

	@Test
	void a_hash_that_is_no_hashtag_is_escaped() {
		assertThat(LittleText.of("Order #12, C# and a#b")).isEqualTo("Order \\#12, C\\# and a\\#b");
		assertThat(LittleText.of("https://example.com/menu#soups")).isEqualTo("https://example.com/menu\\#soups");
	}

	@Test
	void leaves_plain_text_emoji_and_accents_alone() {
		assertThat(LittleText.of("Croissants à 7 h 🥐, 2 € : 50% off!")).isEqualTo("Croissants à 7 h 🥐, 2 € : 50% off!");
	}

	@Test
	void plain_undoes_the_format() {
		String text = "Pain (au levain) #boulangerie @marie a_b \\ {x} #pain_blanc";
		assertThat(LittleText.plain(LittleText.of(text))).isEqualTo(text);
	}
}
