package io.vitrine.media.internal;

import java.util.UUID;

/**
 * Store keys by media id: {@code <two last hex digits>/<id>}, spreading files over 256 folders (ids are
 * time-ordered, so their first digits would not). By id rather than by content hash, so deleting one
 * file never touches another workspace's identical upload.
 */
final class MediaKeys {

	private MediaKeys() {
	}

	static String file(UUID id) {
		String text = id.toString();
		return text.substring(text.length() - 2) + "/" + text;
	}

	static String thumbnail(UUID id) {
		return file(id) + ".thumb.jpg";
	}
}
