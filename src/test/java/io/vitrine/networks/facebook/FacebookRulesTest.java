package io.vitrine.networks.facebook;

import io.vitrine.networks.PostVariant;
import io.vitrine.networks.Violation;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Facebook's rules one by one; sources are cited on {@link FacebookRules}. */
class FacebookRulesTest {

	private static PostVariant.Media image(String type, long size) {
		return PostVariant.Media.image(UUID.randomUUID(), type, size, 100, 100, null);
	}

	private static List<String> rules(PostVariant variant) {
		return FacebookRules.check(variant).violations().stream().map(Violation::rule).toList();
	}

	@Test
	void accepts_63206_characters_and_refuses_one_more() {
		assertThat(rules(new PostVariant("a".repeat(63_206), null, List.of()))).isEmpty();
		assertThat(rules(new PostVariant("a".repeat(63_207), null, List.of()))).containsExactly("max-characters");
	}

	@Test
	void needs_text_or_a_photo() {
		assertThat(rules(new PostVariant("", null, List.of()))).containsExactly("required");
		assertThat(rules(new PostVariant("", null, List.of(image("image/jpeg", 10))))).isEmpty();
	}

	@Test
	void photos_are_jpeg_png_gif_bmp_or_tiff_up_to_4_mb() {
		assertThat(rules(new PostVariant("p", null, List.of(image("image/webp", 10))))).containsExactly("image-type");
		assertThat(rules(new PostVariant("p", null, List.of(image("image/tiff", 4L * 1024 * 1024))))).isEmpty();
		assertThat(rules(new PostVariant("p", null, List.of(image("image/png", 4L * 1024 * 1024 + 1)))))
			.containsExactly("max-image-bytes");
	}

	@Test
	void up_to_10_photos() {
		assertThat(rules(new PostVariant("p", null, Collections.nCopies(10, image("image/png", 10))))).isEmpty();
		assertThat(rules(new PostVariant("p", null, Collections.nCopies(11, image("image/png", 10))))).containsExactly("max-images");
	}
}
