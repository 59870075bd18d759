package io.vitrine.networks.gbp;

import io.vitrine.networks.Channel;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.networks.oauth.OAuthTokens;
import io.vitrine.outbound.OutboundFailure;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * After an ambiguous send, reads the location's local posts (localPosts.list, newest first, page by page) and
 * looks for the one Vitrine sent: created since the first attempt, same summary and topic.
 */
@Component
class GbpFindPost {

	static final Duration SKEW = Duration.ofMinutes(2);

	static final int PAGES = 3;

	private static final Pattern SPACE = Pattern.compile("\\s+");

	private final GbpApi api;

	private final OAuthTokens tokens;

	private final Clock clock;

	GbpFindPost(GbpApi api, OAuthTokens tokens, Clock clock) {
		this.api = api;
		this.tokens = tokens;
		this.clock = clock;
	}

	ReconcileOutcome find(Channel channel, PublishRequest request, Instant sentAt) {
		try {
			return tokens.call(channel, token -> search(channel, token, request, sentAt.minus(SKEW)));
		}
		catch (OAuthTokens.Problem problem) {
			return problem.outcome() instanceof PublishOutcome.Reauthorize r ? new ReconcileOutcome.Reauthorize(r.message())
					: new ReconcileOutcome.Inconclusive(problem.getMessage());
		}
	}

	private ReconcileOutcome search(Channel channel, String token, PublishRequest request, Instant since) {
		String summary = comparable(request.variant().text());
		String topic = GbpRules.topic(request.variant());
		String pageToken = null;
		for (int page = 0; page < PAGES; page++) {
			GoogleAnswer answer;
			try {
				answer = api.localPosts(token, channel.remoteAccountId(), pageToken);
			}
			catch (OutboundFailure e) {
				return new ReconcileOutcome.Inconclusive("Could not read the location's posts on Google: " + e.getMessage());
			}
			if (answer.status() == 401) {
				throw new OAuthTokens.TokenRejected("Google refused the access token: " + answer.message());
			}
			if (answer.status() == 429) {
				Instant now = clock.instant();
				return new ReconcileOutcome.RateLimited(answer.response().retryAfter(now).orElse(now.plus(GbpConnector.RATE_LIMIT_FALLBACK)),
						"Google rate limit while reading the location's posts: " + answer.message());
			}
			if (!answer.ok()) {
				// A read changes nothing: whatever failed, it only means Vitrine cannot tell yet.
				return new ReconcileOutcome.Inconclusive("Google answered HTTP " + answer.status()
						+ " to reading the location's posts: " + answer.message());
			}
			for (JsonNode post : answer.body().path("localPosts")) {
				if (!createdSince(post, since)) {
					return new ReconcileOutcome.NotFound(); // newest first: everything further is older still
				}
				if (Objects.equals(comparable(post.path("summary").asString(null)), summary)
						&& topic.equals(post.path("topicType").asString(GbpRules.STANDARD))) {
					return new ReconcileOutcome.Found(post.path("name").asString(),
							GbpConnector.url(post.path("searchUrl").asString(null)));
				}
			}
			pageToken = GoogleAnswer.text(answer.body(), "nextPageToken").orElse(null);
			if (pageToken == null) {
				return new ReconcileOutcome.NotFound();
			}
		}
		return new ReconcileOutcome.Inconclusive("More than " + PAGES * GbpApi.POSTS_PAGE
				+ " posts were made for the location since the first attempt");
	}

	private static boolean createdSince(JsonNode post, Instant since) {
		try {
			return !Instant.parse(post.path("createTime").asString("")).isBefore(since);
		}
		catch (DateTimeParseException e) {
			return true;
		}
	}

	private static String comparable(String text) {
		return text == null || text.isBlank() ? null : SPACE.matcher(text).replaceAll(" ").strip();
	}
}
