package io.vitrine.networks.meta;

import io.vitrine.networks.Channel;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.networks.oauth.OAuthTokens;
import io.vitrine.outbound.OutboundFailure;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * After an ambiguous publish on a Meta network that lists an account's latest posts newest first (Instagram's media,
 * Threads' posts), reads them back to the first attempt and looks for the same text.
 */
public final class GraphFindPost {

	/** Clocks of Vitrine and of Meta may disagree a little; a post this much older still counts. */
	public static final Duration SKEW = Duration.ofMinutes(2);

	/** The Graph API's timestamps: 2026-03-29T07:00:00+0000. */
	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

	private static final Pattern SPACE = Pattern.compile("\\s+");

	/**
	 * How the network names things in messages, and the field holding a post's text.
	 *
	 * @param recent "the account's recent media"
	 * @param token "Page token", "access token"
	 * @param textField "caption", "text"
	 * @param owner "account", "profile"
	 */
	public record Words(String network, String recent, String token, String textField, String owner) {
	}

	private final OAuthTokens tokens;

	private final BiFunction<String, String, GraphAnswer> readLatest;

	private final Words words;

	/** @param readLatest (token, account id) → the account's latest posts, newest first, with text, timestamp, permalink */
	public GraphFindPost(OAuthTokens tokens, BiFunction<String, String, GraphAnswer> readLatest, Words words) {
		this.tokens = tokens;
		this.readLatest = readLatest;
		this.words = words;
	}

	public ReconcileOutcome find(Channel channel, PublishRequest request, Instant sentAt) {
		try {
			return tokens.call(channel, token -> search(channel, token, request, sentAt.minus(SKEW)));
		}
		catch (OAuthTokens.Problem problem) {
			return problem.outcome() instanceof PublishOutcome.Reauthorize r ? new ReconcileOutcome.Reauthorize(r.message())
					: new ReconcileOutcome.Inconclusive(problem.getMessage());
		}
	}

	private ReconcileOutcome search(Channel channel, String token, PublishRequest request, Instant since) {
		GraphAnswer answer;
		try {
			answer = readLatest.apply(token, channel.remoteAccountId());
		}
		catch (OutboundFailure e) {
			return new ReconcileOutcome.Inconclusive("Could not read " + words.recent() + " on " + words.network() + ": " + e.getMessage());
		}
		if (answer.tokenRefused()) {
			throw new OAuthTokens.TokenRejected(words.network() + " refused the " + words.token() + ": " + answer.message());
		}
		if (!answer.ok()) {
			return new ReconcileOutcome.Inconclusive(words.network() + " answered " + answer.message() + " to reading "
					+ words.recent().replaceFirst("^the \\w+'s ", ""));
		}
		String expected = comparable(request.variant().fullText());
		boolean reachedSince = false;
		for (JsonNode post : answer.body().path("data")) {
			Instant at = instant(post.path("timestamp").asString(""));
			if (at != null && at.isBefore(since)) {
				reachedSince = true;
				break;
			}
			if (comparable(post.path(words.textField()).asString("")).equals(expected)) {
				return new ReconcileOutcome.Found(post.path("id").asString(), post.path("permalink").asString(null));
			}
		}
		return reachedSince || !answer.body().path("paging").has("next") ? new ReconcileOutcome.NotFound()
				: new ReconcileOutcome.Inconclusive("More than 50 posts were published on the " + words.owner() + " since the first attempt");
	}

	private static Instant instant(String timestamp) {
		try {
			return OffsetDateTime.parse(timestamp, TIMESTAMP).toInstant();
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static String comparable(String text) {
		return SPACE.matcher(text).replaceAll(" ").strip();
	}
}
