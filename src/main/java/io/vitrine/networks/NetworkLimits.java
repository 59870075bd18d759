package io.vitrine.networks;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A network's (or an instance's) publishing limits, as data. Zero means "no such limit".
 *
 * @param maxCharacters characters as the network counts them (graphemes on Bluesky, code points with URLs weighted on Mastodon)
 * @param maxBytes UTF-8 bytes of the text (Bluesky: 3,000)
 * @param charactersPerUrl what each URL counts for, whatever its real length (Mastodon: characters_reserved_per_url)
 * @param maxImages images per post
 * @param maxImageBytes size of one image
 * @param maxAltTextCharacters alt text of one image
 * @param imageContentTypes image MIME types the network accepts; empty means any image
 */
public record NetworkLimits(int maxCharacters, int maxBytes, int charactersPerUrl, int maxImages, long maxImageBytes,
		int maxAltTextCharacters, Set<String> imageContentTypes) {

	public NetworkLimits {
		imageContentTypes = imageContentTypes == null ? Set.of()
				: imageContentTypes.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
	}

	/** Limits of a network that accepts any image type. */
	public NetworkLimits(int maxCharacters, int maxBytes, int charactersPerUrl, int maxImages, long maxImageBytes,
			int maxAltTextCharacters) {
		this(maxCharacters, maxBytes, charactersPerUrl, maxImages, maxImageBytes, maxAltTextCharacters, Set.of());
	}

	public boolean acceptsImageType(String contentType) {
		return imageContentTypes.isEmpty()
				|| (contentType != null && imageContentTypes.contains(contentType.toLowerCase(Locale.ROOT)));
	}
}
