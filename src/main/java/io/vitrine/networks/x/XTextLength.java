package io.vitrine.networks.x;

import com.twitter.twittertext.TwitterTextConfiguration;
import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;

/**
 * A post's length as X counts it, with X's own twitter-text library: every URL counts 23, most
 * emoji and CJK characters count 2, other characters 1, at most 280.
 * Source: https://docs.x.com/resources/fundamentals/counting-characters and twitter-text's
 * configuration v3, the library's default (emoji counted as one weighted emoji).
 */
final class XTextLength {

	/** X's current rules. */
	static final TwitterTextConfiguration CURRENT = TwitterTextConfiguration.getDefaultConfig();

	private XTextLength() {
	}

	static TwitterTextParseResults parse(String text) {
		return parse(text, CURRENT);
	}

	/** With another twitter-text configuration: the conformance cases of earlier versions use theirs. */
	static TwitterTextParseResults parse(String text, TwitterTextConfiguration configuration) {
		return TwitterTextParser.parseTweet(text == null ? "" : text, configuration);
	}

	static int max() {
		return CURRENT.getMaxWeightedTweetLength();
	}
}
