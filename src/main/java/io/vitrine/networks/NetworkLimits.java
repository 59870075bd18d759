package io.vitrine.networks;

/**
 * A network's (or an instance's) publishing limits, as data. Zero means "no such limit".
 *
 * @param maxCharacters characters as the network counts them (graphemes on Bluesky, code points with URLs weighted on Mastodon)
 * @param maxBytes UTF-8 bytes of the text (Bluesky: 3,000)
 * @param charactersPerUrl what each URL counts for, whatever its real length (Mastodon: characters_reserved_per_url)
 * @param maxImages images per post
 * @param maxImageBytes size of one image
 * @param maxAltTextCharacters alt text of one image
 */
public record NetworkLimits(int maxCharacters, int maxBytes, int charactersPerUrl, int maxImages, long maxImageBytes,
		int maxAltTextCharacters) {
}
