package io.vitrine.networks.x;

import io.vitrine.networks.PostVariant;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.Violation;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class XRulesTest {

	private static PostVariant.Media image(String type, long bytes) {
		return PostVariant.Media.image(UUID.randomUUID(), type, bytes, 800, 600, null);
	}

	private static List<String> rules(VariantCheck check) {
		return check.violations().stream().map(Violation::rule).toList();
	}

	@Test
	void a_link_counts_23_whatever_its_length_and_an_emoji_or_cjk_character_counts_2() {
		assertThat(XRules.check(new PostVariant("https://example.com/a/very/long/path/that/goes/on/and/on", null, List.of()))
			.length()).isEqualTo(23);
		assertThat(XRules.check(new PostVariant("🥐", null, List.of())).length()).isEqualTo(2);
		assertThat(XRules.check(new PostVariant("パン", null, List.of())).length()).isEqualTo(4);
	}

	@Test
	void the_link_given_apart_counts_with_the_text() {
		VariantCheck check = XRules.check(new PostVariant("x".repeat(257), "https://example.com/menu", List.of()));
		assertThat(check.length()).isEqualTo(257 + 2 + 23);
		assertThat(rules(check)).containsExactly("max-weighted-length");
		assertThat(check.violations().getFirst().message()).contains("282").contains("280");
	}

	@Test
	void text_or_media_is_required_but_media_alone_is_enough() {
		assertThat(rules(XRules.check(new PostVariant("  ", null, List.of())))).containsExactly("required");
		assertThat(XRules.check(new PostVariant("", null, List.of(image("image/png", 1000)))).valid()).isTrue();
	}

	@Test
	void up_to_four_images_or_one_gif_alone() {
		assertThat(XRules.check(new PostVariant("ok", null, Collections.nCopies(4, image("image/jpeg", 1000)))).valid()).isTrue();
		assertThat(rules(XRules.check(new PostVariant("five", null, Collections.nCopies(5, image("image/jpeg", 1000))))))
			.containsExactly("max-images");
		assertThat(XRules.check(new PostVariant("gif", null, List.of(image("image/gif", 1000)))).valid()).isTrue();
		assertThat(rules(XRules.check(new PostVariant("gif and photo", null,
				List.of(image("image/gif", 1000), image("image/png", 1000)))))).containsExactly("gif-alone");
	}

	@Test
	void images_up_to_5_mb_gifs_up_to_15_mb_in_the_types_x_accepts() {
		assertThat(rules(XRules.check(new PostVariant("big", null, List.of(image("image/png", 5L * 1024 * 1024 + 1))))))
			.containsExactly("max-image-bytes");
		assertThat(XRules.check(new PostVariant("gif", null, List.of(image("image/gif", 15L * 1024 * 1024)))).valid()).isTrue();
		assertThat(rules(XRules.check(new PostVariant("tiff", null, List.of(image("image/tiff", 1000)))))).containsExactly("image-type");
	}

	@Test
	void alt_text_up_to_1000_characters() {
		PostVariant.Media described = PostVariant.Media.image(UUID.randomUUID(), "image/png", 1000, 1, 1, "é".repeat(1001));
		VariantCheck check = XRules.check(new PostVariant("alt", null, List.of(described)));
		assertThat(rules(check)).containsExactly("max-alt-text");
		assertThat(check.violations().getFirst().field()).isEqualTo("images[0].altText");
	}
}
