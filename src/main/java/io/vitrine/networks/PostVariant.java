package io.vitrine.networks;

import java.util.List;
import java.util.UUID;

/** What one account will publish: pure data, so validation needs no I/O. */
public record PostVariant(String text, String link, List<Image> images) {

	public PostVariant {
		text = text == null ? "" : text;
		link = link == null || link.isBlank() ? null : link.strip();
		images = images == null ? List.of() : List.copyOf(images);
	}

	/** The text as sent: the link, when given apart from the text, is appended on its own line. */
	public String fullText() {
		if (link == null || text.contains(link)) {
			return text;
		}
		return text.isEmpty() ? link : text + "\n\n" + link;
	}

	public record Image(UUID mediaId, String contentType, long sizeBytes, Integer width, Integer height, String altText) {
	}
}
