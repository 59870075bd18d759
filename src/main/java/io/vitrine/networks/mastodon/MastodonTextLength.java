package io.vitrine.networks.mastodon;

import com.twitter.twittertext.Extractor;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts a status the way Mastodon's StatusLengthValidator does: every URL counts as the
 * instance's characters_reserved_per_url, a mention of a remote account ({@code @user@domain})
 * counts as {@code @user}, and what remains is counted in grapheme clusters.
 */
final class MastodonTextLength {

	/** Mastodon's Account::MENTION_RE, with Ruby's [[:word:]] as Unicode \w. */
	static final Pattern MENTION = Pattern.compile(
			"(?<![=/\\w])@(([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@\\w+(?:[.-]+\\w+)*)?)",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

	private record Span(int start, int end, String replacement) {
	}

	private MastodonTextLength() {
	}

	static int count(String text, int charactersPerUrl) {
		if (text == null || text.isBlank()) {
			return 0;
		}
		return graphemes(countable(text, charactersPerUrl));
	}

	/** The text with each URL replaced by a placeholder of its counted length and each mention shortened. */
	static String countable(String text, int charactersPerUrl) {
		List<Span> spans = new ArrayList<>();
		Extractor extractor = new Extractor();
		extractor.setExtractURLWithoutProtocol(false);
		for (Extractor.Entity url : extractor.extractURLsWithIndices(text)) {
			String placeholder = charactersPerUrl > 0 ? "x".repeat(charactersPerUrl) : url.getValue();
			spans.add(new Span(url.getStart(), url.getEnd(), placeholder));
		}
		Matcher mention = MENTION.matcher(text);
		while (mention.find()) {
			spans.add(new Span(mention.start(), mention.end(), "@" + mention.group(2)));
		}
		spans.sort(Comparator.comparingInt(Span::start));
		StringBuilder out = new StringBuilder();
		int at = 0;
		for (Span span : spans) {
			if (span.start() < at) {
				continue; // overlaps an entity already taken, as Mastodon's remove_overlapping_entities drops it
			}
			out.append(text, at, span.start()).append(span.replacement());
			at = span.end();
		}
		return out.append(text.substring(at)).toString();
	}

	static int graphemes(String text) {
		BreakIterator it = BreakIterator.getCharacterInstance();
		it.setText(text);
		int count = 0;
		while (it.next() != BreakIterator.DONE) {
			count++;
		}
		return count;
	}
}
