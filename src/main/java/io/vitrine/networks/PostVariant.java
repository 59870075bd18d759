package io.vitrine.networks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What one account will publish: pure data, so validation needs no I/O.
 *
 * @param media images and videos in the order they are shown
 * @param fields values of the network's own {@link VariantField}s (a YouTube title, a TikTok privacy level), by name
 */
public record PostVariant(String text, String link, List<Media> media, Map<String, String> fields) {

	public PostVariant {
		text = text == null ? "" : text;
		link = link == null || link.isBlank() ? null : link.strip();
		media = media == null ? List.of() : List.copyOf(media);
		fields = fields == null ? Map.of() : Map.copyOf(fields);
	}

	public PostVariant(String text, String link, List<Media> media) {
		this(text, link, media, Map.of());
	}

	/** The text as sent: the link, when given apart from the text, is appended on its own line. */
	public String fullText() {
		if (link == null || text.contains(link)) {
			return text;
		}
		return text.isEmpty() ? link : text + "\n\n" + link;
	}

	/**
	 * Everything but the videos, in order: networks that take no video read only these (a video is refused for them
	 * before anything is saved or sent), and their image rules still see, and refuse, a file that is no image.
	 */
	public List<Media> images() {
		return media.stream().filter(m -> !m.isVideo()).toList();
	}

	public List<Media> videos() {
		return media.stream().filter(Media::isVideo).toList();
	}

	/** A field's value, or null when blank. */
	public String field(String name) {
		String value = fields.get(name);
		return value == null || value.isBlank() ? null : value.strip();
	}

	/**
	 * One attached file, as read from the file itself (never from what the uploader claimed).
	 *
	 * @param durationMillis a video's duration; null for images
	 */
	public record Media(UUID mediaId, String contentType, long sizeBytes, Integer width, Integer height,
			Long durationMillis, String altText) {

		public static Media image(UUID mediaId, String contentType, long sizeBytes, Integer width, Integer height,
				String altText) {
			return new Media(mediaId, contentType, sizeBytes, width, height, null, altText);
		}

		public boolean isImage() {
			return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("image/");
		}

		public boolean isVideo() {
			return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("video/");
		}
	}
}
