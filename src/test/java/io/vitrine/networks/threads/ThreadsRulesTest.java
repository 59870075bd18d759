package io.vitrine.networks.threads;

import io.vitrine.networks.PostVariant;
import io.vitrine.networks.Violation;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Threads' documented post rules (sources on {@link ThreadsRules}). */
class ThreadsRulesTest {

	private static List<String> rules(String text, List<PostVariant.Media> media) {
		return ThreadsRules.check(new PostVariant(text, null, media)).violations().stream().map(Violation::rule).toList();
	}

	private static PostVariant.Media image(String type, long bytes) {
		return PostVariant.Media.image(UUID.randomUUID(), type, bytes, 1080, 1080, null);
	}

	@Test
	void five_hundred_characters_pass_and_501_do_not_counting_an_emoji_once() {
		assertThat(rules("🥐".repeat(500), List.of())).isEmpty();
		assertThat(ThreadsRules.check(new PostVariant("🥐".repeat(500), null, List.of())).length()).isEqualTo(500);
		assertThat(rules("a".repeat(501), List.of())).containsExactly("max-characters");
	}

	@Test
	void text_or_media_is_required_and_a_carousel_holds_twenty() {
		assertThat(rules(" ", List.of())).containsExactly("required");
		assertThat(rules("", List.of(image("image/png", 1000)))).isEmpty();
		assertThat(rules("", Collections.nCopies(20, image("image/jpeg", 1000)))).isEmpty();
		assertThat(rules("", Collections.nCopies(21, image("image/jpeg", 1000)))).containsExactly("max-images");
	}

	@Test
	void images_are_jpeg_or_png_of_8_mb_and_videos_mp4_or_mov_of_5_minutes() {
		assertThat(rules("", List.of(image("image/gif", 1000)))).containsExactly("image-type");
		assertThat(rules("", List.of(image("image/png", 8L * 1024 * 1024 + 1)))).containsExactly("max-image-bytes");
		assertThat(rules("", List.of(new PostVariant.Media(UUID.randomUUID(), "video/mp4", 1000, 720, 1280, 300_000L, null))))
			.isEmpty();
		assertThat(rules("", List.of(new PostVariant.Media(UUID.randomUUID(), "video/mp4", 1000, 720, 1280, 300_001L, null))))
			.containsExactly("video-duration");
		assertThat(rules("", List.of(new PostVariant.Media(UUID.randomUUID(), "video/webm", 1000, 720, 1280, 1000L, null))))
			.containsExactly("video-type");
	}
}
