package io.vitrine.media.internal;

import io.vitrine.shared.InvalidInput;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/** Reads what an image really is (format and dimensions) from its bytes, without decoding the pixels. */
final class ImageProbe {

	record Probed(String contentType, int width, int height) {
	}

	private static final Map<String, String> CONTENT_TYPES = Map.of("png", "image/png", "jpeg", "image/jpeg", "gif",
			"image/gif", "webp", "image/webp");

	private ImageProbe() {
	}

	static Probed probe(byte[] content) {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
			if (readers == null || !readers.hasNext()) {
				throw unsupported();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				String format = reader.getFormatName().toLowerCase(Locale.ROOT);
				String type = CONTENT_TYPES.get(format);
				if (type == null) {
					throw unsupported();
				}
				return new Probed(type, reader.getWidth(0), reader.getHeight(0));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException e) {
			throw unsupported();
		}
	}

	private static InvalidInput unsupported() {
		return InvalidInput.of("file", "image-format", "must be a PNG, JPEG or GIF image");
	}
}
