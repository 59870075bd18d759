package io.vitrine.media.internal;

import io.vitrine.media.CropPreset;
import io.vitrine.shared.InvalidInput;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Thumbnails and crops, in plain Java (ImageIO and Java 2D): no native library, no external program. */
final class ImageEdits {

	static final int THUMBNAIL_SIZE = 320;

	private ImageEdits() {
	}

	/** A JPEG at most {@value #THUMBNAIL_SIZE} pixels wide and high, or empty when the image cannot be decoded. */
	static Optional<byte[]> thumbnail(InputStream image) {
		try {
			BufferedImage source = ImageIO.read(image);
			if (source == null) {
				return Optional.empty();
			}
			double scale = Math.min(1.0, (double) THUMBNAIL_SIZE / Math.max(source.getWidth(), source.getHeight()));
			int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
			int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
			BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
			Graphics2D g = small.createGraphics();
			try {
				// JPEG has no transparency: transparent pixels of a PNG or GIF show as white, not black.
				g.setColor(Color.WHITE);
				g.fillRect(0, 0, width, height);
				g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
				g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
				g.drawImage(source, 0, 0, width, height, null);
			}
			finally {
				g.dispose();
			}
			return Optional.of(jpeg(small, 0.8f));
		}
		catch (IOException | RuntimeException e) {
			return Optional.empty();
		}
	}

	/** The largest part of the image with the preset's aspect ratio, placed along the free axis by offset (0..1). */
	static BufferedImage crop(BufferedImage source, CropPreset preset, double offset) {
		int w = source.getWidth();
		int h = source.getHeight();
		double ratio = (double) preset.width() / preset.height();
		int cw = w;
		int ch = h;
		if ((double) w / h > ratio) {
			cw = Math.max(1, (int) Math.round(h * ratio));
		}
		else {
			ch = Math.max(1, (int) Math.round(w / ratio));
		}
		int x = (int) Math.round((w - cw) * offset);
		int y = (int) Math.round((h - ch) * offset);
		BufferedImage cut = new BufferedImage(cw, ch,
				source.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D g = cut.createGraphics();
		try {
			g.drawImage(source, 0, 0, cw, ch, x, y, x + cw, y + ch, null);
		}
		finally {
			g.dispose();
		}
		return cut;
	}

	static BufferedImage decode(InputStream image) throws IOException {
		BufferedImage decoded = ImageIO.read(image);
		if (decoded == null) {
			throw InvalidInput.of("mediaId", "image", "is not an image that can be cropped");
		}
		return decoded;
	}

	static byte[] png(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	static byte[] jpeg(BufferedImage image, float quality) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(output);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}
}
