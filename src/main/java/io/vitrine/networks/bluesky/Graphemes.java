package io.vitrine.networks.bluesky;

import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;

/**
 * Counts what Bluesky counts. Since JDK 20 the character BreakIterator follows Unicode's extended
 * grapheme clusters, as the PDS does: a family emoji joined by ZWJ or a flag is one grapheme.
 */
final class Graphemes {

	private Graphemes() {
	}

	static int count(String text) {
		BreakIterator breaks = BreakIterator.getCharacterInstance();
		breaks.setText(text);
		int count = 0;
		while (breaks.next() != BreakIterator.DONE) {
			count++;
		}
		return count;
	}

	static int utf8Bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}
}
