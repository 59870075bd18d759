package io.vitrine.media;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * An uploaded file's facts, read from the file itself (never trusted from the client), and what people
 * said about it (alt text, tags).
 *
 * @param durationMillis a video's duration; null for images
 * @param codec a video's codec as metadata-extractor names its sample entry (H.264 for avc1, HEVC...); null for images
 * @param derivedFrom the image this one was cropped from
 * @param thumbnail whether a small preview exists (images; videos only when a poster frame could be made)
 */
public record MediaItem(UUID id, UUID workspaceId, String fileName, String contentType, long sizeBytes, Integer width,
		Integer height, Long durationMillis, String codec, String sha256, String altText, List<String> tags,
		UUID derivedFrom, boolean thumbnail, Instant createdAt) {

	public MediaItem {
		tags = tags == null ? List.of() : List.copyOf(tags);
	}

	public boolean isVideo() {
		return contentType.toLowerCase(Locale.ROOT).startsWith("video/");
	}

	public boolean isImage() {
		return contentType.toLowerCase(Locale.ROOT).startsWith("image/");
	}
}
