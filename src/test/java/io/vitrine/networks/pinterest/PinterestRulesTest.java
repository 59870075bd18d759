package io.vitrine.networks.pinterest;

import io.vitrine.networks.PostVariant;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.Violation;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Pinterest's rules, each against the source named on {@link PinterestRules}. */
class PinterestRulesTest {

	private static PostVariant.Media image(String type, long size, String alt) {
		return PostVariant.Media.image(UUID.randomUUID(), type, size, 1000, 1500, alt);
	}

	private static VariantCheck check(String text, String link, List<PostVariant.Media> images) {
		return PinterestRules.check(new PostVariant(text, link, images));
	}

	private static List<String> rules(VariantCheck check) {
		return check.violations().stream().map(Violation::rule).toList();
	}

	@Test
	void a_pin_with_an_image_and_a_500_character_description_is_valid() {
		VariantCheck check = check("é".repeat(500), "https://boulangerie-martin.fr", List.of(image("image/jpeg", 1000, null)));

		assertThat(check.violations()).isEmpty();
		assertThat(check.length()).isEqualTo(500);
		assertThat(check.maxLength()).isEqualTo(500);
	}

	@Test
	void a_description_over_500_characters_is_refused_with_the_count() {
		VariantCheck check = check("🥐".repeat(501), null, List.of(image("image/png", 1000, null)));

		assertThat(check.violations()).singleElement().satisfies(v -> {
			assertThat(v.field()).isEqualTo("text");
			assertThat(v.rule()).isEqualTo("max-characters");
			assertThat(v.message()).isEqualTo("Pinterest counts 501 characters in the description; the limit is 500.");
		});
	}

	@Test
	void a_pin_needs_an_image_and_takes_five_at_most() {
		assertThat(check("Sans image", null, List.of()).violations()).singleElement()
			.satisfies(v -> assertThat(v.message()).isEqualTo("A Pin needs an image (JPEG or PNG)."));
		assertThat(rules(check("Six", null, Collections.nCopies(6, image("image/jpeg", 10, null))))).containsExactly("max-images");
		assertThat(check("Cinq", null, Collections.nCopies(5, image("image/jpeg", 10, null))).violations()).isEmpty();
	}

	@Test
	void only_jpeg_and_png_up_to_20_mb_with_alt_text_up_to_500_characters() {
		assertThat(rules(check("GIF", null, List.of(image("image/gif", 10, null))))).containsExactly("image-type");
		assertThat(rules(check("Lourde", null, List.of(image("image/jpeg", 20L * 1024 * 1024 + 1, null)))))
			.containsExactly("max-image-bytes");
		assertThat(rules(check("Alt", null, List.of(image("image/png", 10, "a".repeat(501)))))).containsExactly("max-alt-text");
		assertThat(check("Alt", null, List.of(image("image/png", 20L * 1024 * 1024, "a".repeat(500)))).violations()).isEmpty();
	}

	@Test
	void the_link_must_be_a_web_address_of_at_most_2048_characters() {
		assertThat(rules(check("Lien", "ftp://example.com/x", List.of(image("image/png", 10, null))))).containsExactly("link");
		assertThat(rules(check("Lien", "https://e.fr/" + "a".repeat(2036), List.of(image("image/png", 10, null)))))
			.containsExactly("link");
		assertThat(check("Lien", "https://e.fr/" + "a".repeat(2035), List.of(image("image/png", 10, null))).violations()).isEmpty();
	}

	@Test
	void the_title_is_a_composer_field_of_100_characters_checked_with_every_networks_field_rules() {
		assertThat(PinterestRules.TITLE.name()).isEqualTo("title");
		assertThat(PinterestRules.TITLE.maxLength()).isEqualTo(100);
		assertThat(PinterestRules.TITLE.required()).isFalse();
		assertThat(PinterestRules.TITLE.messageKey()).isEqualTo("network.field.pinterest.title");
	}
}
