package io.vitrine.media;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A workspace's images and videos: the facts in the database, the files in a {@link MediaStore}. */
public interface MediaLibrary {

	/**
	 * Reads the file to its end, probes what it really is, and keeps it.
	 *
	 * @throws io.vitrine.shared.InvalidInput when empty, larger than the upload limit, or not an image or video we read
	 */
	MediaItem store(UUID workspaceId, String fileName, InputStream content);

	default MediaItem store(UUID workspaceId, String fileName, byte[] content) {
		return store(workspaceId, fileName, new java.io.ByteArrayInputStream(content == null ? new byte[0] : content));
	}

	/** @throws io.vitrine.shared.NotFound when absent, deleted or of another workspace */
	MediaItem get(UUID workspaceId, UUID mediaId);

	List<MediaItem> list(UUID workspaceId);

	/**
	 * The workspace's files, newest first.
	 *
	 * @param text matched in the file name, the alt text and the tags (any case); null or blank for all
	 * @param tag only files with this tag; null or blank for all
	 */
	List<MediaItem> search(UUID workspaceId, String text, String tag);

	/** Sets the alt text (blank removes it) and replaces the tags. */
	MediaItem describe(UUID workspaceId, UUID mediaId, String altText, List<String> tags);

	/**
	 * A new image cut from this one at the preset's aspect ratio.
	 *
	 * @param offset where the cut sits along the axis that loses pixels: 0 left/top, 0.5 centre, 1 right/bottom
	 */
	MediaItem crop(UUID workspaceId, UUID mediaId, CropPreset preset, double offset);

	/** @throws io.vitrine.shared.InvalidInput (rule in-use) while an unfinished post uses the file */
	void delete(UUID workspaceId, UUID mediaId);

	byte[] content(UUID mediaId);

	/** At most {@code length} bytes from {@code offset}, fewer at the end of the file, none past it. */
	byte[] content(UUID mediaId, long offset, int length);

	/** The small JPEG preview, when there is one. */
	Optional<byte[]> thumbnail(UUID workspaceId, UUID mediaId);

	Optional<String> uploaded(UUID mediaId, String scope);

	void rememberUpload(UUID mediaId, String scope, String remoteRef);
}
