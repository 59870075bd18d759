package io.vitrine.media.internal;

import io.vitrine.media.CropPreset;
import io.vitrine.testsupport.TestMedia;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class ImageEditsTest {

	/** 1000 × 500, left half red, right half blue. */
	private static BufferedImage wide() throws IOException {
		return ImageIO.read(new ByteArrayInputStream(TestMedia.png(1000, 500)));
	}

	private static Color at(BufferedImage image, int x, int y) {
		return new Color(image.getRGB(x, y));
	}

	@Test
	void a_portrait_crop_of_a_wide_image_keeps_the_full_height_at_four_to_five() throws IOException {
		BufferedImage cut = ImageEdits.crop(wide(), CropPreset.PORTRAIT, 0.5);
		assertThat(cut.getWidth()).isEqualTo(400);
		assertThat(cut.getHeight()).isEqualTo(500);
		assertThat(at(cut, 0, 250)).as("centred: starts at x=300, in the red half").isEqualTo(Color.RED);
		assertThat(at(cut, 399, 250)).as("ends at x=700, in the blue half").isEqualTo(Color.BLUE);
	}

	@Test
	void the_offset_moves_the_cut_along_the_axis_that_loses_pixels() throws IOException {
		assertThat(at(ImageEdits.crop(wide(), CropPreset.SQUARE, 0), 499, 0)).as("left edge: x 0..500").isEqualTo(Color.RED);
		assertThat(at(ImageEdits.crop(wide(), CropPreset.SQUARE, 1), 0, 0)).as("right edge: x 500..1000").isEqualTo(Color.BLUE);
	}

	@Test
	void a_landscape_crop_of_a_tall_image_keeps_the_full_width() throws IOException {
		BufferedImage tall = ImageIO.read(new ByteArrayInputStream(TestMedia.png(1080, 1920)));
		BufferedImage cut = ImageEdits.crop(tall, CropPreset.LANDSCAPE, 0.5);
		assertThat(cut.getWidth()).isEqualTo(1080);
		assertThat(cut.getHeight()).isEqualTo(565);
		assertThat(ImageEdits.crop(tall, CropPreset.VERTICAL, 0.5).getHeight()).isEqualTo(1920);
	}

	@Test
	void a_thumbnail_fits_in_320_pixels_and_keeps_the_aspect_ratio() throws IOException {
		byte[] thumbnail = ImageEdits.thumbnail(new ByteArrayInputStream(TestMedia.png(1000, 500))).orElseThrow();
		BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail));
		assertThat(small.getWidth()).isEqualTo(320);
		assertThat(small.getHeight()).isEqualTo(160);
		assertThat(ImageEdits.thumbnail(new ByteArrayInputStream("not an image".getBytes()))).isEmpty();
	}
}
