package io.vitrine.media.internal;

import io.vitrine.shared.InvalidInput;
import io.vitrine.testsupport.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaProbeTest {

	@TempDir
	Path folder;

	private MediaProbe.Probed probe(String name, byte[] content) throws IOException {
		return MediaProbe.probe(Files.write(folder.resolve(name), content));
	}

	@Test
	void reads_the_type_and_size_of_png_jpeg_gif_and_webp_images() throws IOException {
		assertThat(probe("a.png", TestMedia.png(640, 480))).isEqualTo(new MediaProbe.Probed("image/png", 640, 480, null, null));
		assertThat(probe("b.jpg", TestMedia.jpeg(1080, 1350))).isEqualTo(new MediaProbe.Probed("image/jpeg", 1080, 1350, null, null));
		assertThat(probe("c.gif", TestMedia.image("gif", 33, 17))).isEqualTo(new MediaProbe.Probed("image/gif", 33, 17, null, null));
		assertThat(probe("d.webp", TestMedia.webpHeader(1200, 628))).isEqualTo(new MediaProbe.Probed("image/webp", 1200, 628, null, null));
	}

	@Test
	void the_type_comes_from_the_bytes_not_from_the_name() throws IOException {
		assertThat(probe("holiday.jpg", TestMedia.png(10, 20)).contentType()).isEqualTo("image/png");
		assertThat(probe("clip.png", TestMedia.mp4(320, 240, 1500)).contentType()).isEqualTo("video/mp4");
	}

	@Test
	void reads_an_mp4_videos_duration_size_and_codec() throws IOException {
		assertThat(probe("clip.mp4", TestMedia.mp4(1080, 1920, 12_345)))
			.isEqualTo(new MediaProbe.Probed("video/mp4", 1080, 1920, 12_345L, "H.264"));
	}

	@Test
	void reads_a_quicktime_movie_too() throws IOException {
		assertThat(probe("clip.mov", TestMedia.quickTime(1280, 720, 61_000)))
			.isEqualTo(new MediaProbe.Probed("video/quicktime", 1280, 720, 61_000L, "H.264"));
	}

	@Test
	void refuses_a_file_that_is_neither_image_nor_video_naming_the_field() {
		assertThatThrownBy(() -> probe("notes.png", "just some text".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(InvalidInput.class, e -> {
				assertThat(e.problems().getFirst().field()).isEqualTo("file");
				assertThat(e.problems().getFirst().rule()).isEqualTo("media-format");
			});
	}

	@Test
	void refuses_a_video_whose_duration_cannot_be_read() {
		byte[] mp4 = TestMedia.mp4(320, 240, 1000);
		byte[] onlyTheFileTypeBox = Arrays.copyOf(mp4, 24);
		assertThatThrownBy(() -> probe("cut.mp4", onlyTheFileTypeBox)).isInstanceOfSatisfying(InvalidInput.class,
				e -> assertThat(e.problems().getFirst().message()).contains("duration"));
	}

	@Test
	void refuses_a_truncated_png() {
		byte[] png = TestMedia.png(100, 100);
		assertThatThrownBy(() -> probe("cut.png", Arrays.copyOf(png, 12))).isInstanceOf(InvalidInput.class);
	}
}
