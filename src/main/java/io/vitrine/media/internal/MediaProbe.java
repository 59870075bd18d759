package io.vitrine.media.internal;

import com.drew.imaging.FileType;
import com.drew.imaging.FileTypeDetector;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.mov.QuickTimeDirectory;
import com.drew.metadata.mov.media.QuickTimeVideoDirectory;
import com.drew.metadata.mp4.Mp4Directory;
import com.drew.metadata.mp4.media.Mp4VideoDirectory;
import io.vitrine.shared.InvalidInput;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads what a file really is from its bytes: the type from its magic bytes (never the name or the
 * type the uploader claimed), an image's dimensions from its header (ImageIO, TwelveMonkeys for WebP;
 * pixels are not decoded), a video's duration, dimensions and codec from its MP4/QuickTime boxes
 * (metadata-extractor). No external program is needed.
 */
final class MediaProbe {

	record Probed(String contentType, int width, int height, Long durationMillis, String codec) {

		boolean isVideo() {
			return durationMillis != null;
		}
	}

	private static final Map<FileType, String> IMAGES = Map.of(FileType.Jpeg, "image/jpeg", FileType.Png, "image/png",
			FileType.Gif, "image/gif", FileType.WebP, "image/webp");

	private static final Map<FileType, String> VIDEOS = Map.of(FileType.Mp4, "video/mp4", FileType.QuickTime,
			"video/quicktime");

	static {
		// In a Spring Boot jar, ImageIO may have looked for plugins before the jar's classes were visible.
		ImageIO.scanForPlugins();
	}

	private MediaProbe() {
	}

	static Probed probe(Path file) {
		FileType type = type(file);
		if (IMAGES.containsKey(type)) {
			return image(file, IMAGES.get(type));
		}
		if (VIDEOS.containsKey(type)) {
			return video(file, VIDEOS.get(type));
		}
		throw unsupported();
	}

	private static FileType type(Path file) {
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
			return FileTypeDetector.detectFileType(in);
		}
		catch (IOException e) {
			throw unsupported();
		}
	}

	private static Probed image(Path file, String contentType) {
		try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
			Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
			if (readers == null || !readers.hasNext()) {
				throw unsupported();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				return new Probed(contentType, reader.getWidth(0), reader.getHeight(0), null, null);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof InvalidInput invalid) {
				throw invalid;
			}
			throw unsupported();
		}
	}

	private static Probed video(Path file, String contentType) {
		Metadata metadata;
		try {
			metadata = ImageMetadataReader.readMetadata(file.toFile());
		}
		catch (ImageProcessingException | IOException | RuntimeException e) {
			throw unreadableVideo();
		}
		boolean mp4 = contentType.equals("video/mp4");
		Directory movie = mp4 ? metadata.getFirstDirectoryOfType(Mp4Directory.class)
				: metadata.getFirstDirectoryOfType(QuickTimeDirectory.class);
		Directory track = mp4 ? metadata.getFirstDirectoryOfType(Mp4VideoDirectory.class)
				: metadata.getFirstDirectoryOfType(QuickTimeVideoDirectory.class);
		int durationTag = mp4 ? Mp4Directory.TAG_DURATION : QuickTimeDirectory.TAG_DURATION;
		int scaleTag = mp4 ? Mp4Directory.TAG_TIME_SCALE : QuickTimeDirectory.TAG_TIME_SCALE;
		if (movie == null || track == null || !movie.containsTag(durationTag) || !movie.containsTag(scaleTag)) {
			throw unreadableVideo();
		}
		Long duration = millis(movie, durationTag, scaleTag);
		Integer width = integer(track, mp4 ? Mp4VideoDirectory.TAG_WIDTH : QuickTimeVideoDirectory.TAG_WIDTH);
		Integer height = integer(track, mp4 ? Mp4VideoDirectory.TAG_HEIGHT : QuickTimeVideoDirectory.TAG_HEIGHT);
		if (duration == null || width == null || height == null || width <= 0 || height <= 0) {
			throw unreadableVideo();
		}
		String codec = track.getString(mp4 ? Mp4VideoDirectory.TAG_COMPRESSION_TYPE : QuickTimeVideoDirectory.TAG_COMPRESSION_TYPE);
		return new Probed(contentType, width, height, duration, codec == null || codec.isBlank() ? null : codec.strip());
	}

	private static Long millis(Directory movie, int durationTag, int scaleTag) {
		try {
			long duration = movie.getLong(durationTag);
			long scale = movie.getLong(scaleTag);
			return scale <= 0 || duration < 0 ? null : Math.round(duration * 1000.0 / scale);
		}
		catch (com.drew.metadata.MetadataException e) {
			return null;
		}
	}

	private static Integer integer(Directory directory, int tag) {
		return directory.containsTag(tag) ? directory.getInteger(tag) : null;
	}

	private static InvalidInput unsupported() {
		return InvalidInput.of("file", "media-format", "must be a JPEG, PNG, GIF or WebP image, or an MP4 or QuickTime video");
	}

	private static InvalidInput unreadableVideo() {
		return InvalidInput.of("file", "media-format", "is a video whose duration and size cannot be read");
	}
}
