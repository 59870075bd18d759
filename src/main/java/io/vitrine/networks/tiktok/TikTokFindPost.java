package io.vitrine.networks.tiktok;

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
import java.util.regex.Pattern;

/**
 * After a photo post whose init answer was lost (the only TikTok request that may post without Vitrine knowing its
 * publish_id), reads the account's latest posts (/v2/video/list/, newest first) for the same caption since the first
 * attempt.
 */
@Component
class TikTokFindPost {

	static final Duration SKEW = Duration.ofMinutes(2);

	private static final Pattern SPACE = Pattern.compile("\\s+");

	private final TikTokApi api;

	private final OAuthTokens tokens;

	private final Clock clock;

	TikTokFindPost(TikTokApi api, OAuthTokens tokens, Clock clock) {
		this.api = api;
		this.tokens = tokens;
		this.clock = clock;
	}

	ReconcileOutcome find(Channel channel, PublishRequest request, Instant sentAt) {
		try {
			return tokens.call(channel, token -> search(token, request, sentAt.minus(SKEW)));
		}
		catch (OAuthTokens.Problem problem) {
			return problem.outcome() instanceof PublishOutcome.Reauthorize r ? new ReconcileOutcome.Reauthorize(r.message())
					: new ReconcileOutcome.Inconclusive(problem.getMessage());
		}
	}

	private ReconcileOutcome search(String token, PublishRequest request, Instant since) {
		TikTokAnswer answer;
		try {
			answer = api.videoList(token);
		}
		catch (OutboundFailure e) {
			return new ReconcileOutcome.Inconclusive("Could not read the account's recent posts on TikTok: " + e.getMessage());
		}
		if ("access_token_invalid".equals(answer.code())) {
			throw new OAuthTokens.TokenRejected("TikTok refused the access token: " + answer.message());
		}
		if ("rate_limit_exceeded".equals(answer.code())) {
			return new ReconcileOutcome.RateLimited(clock.instant().plus(TikTokRefusal.RATE_WINDOW), answer.message());
		}
		if (!answer.ok()) {
			return new ReconcileOutcome.Inconclusive("TikTok answered " + answer.message() + " to reading recent posts");
		}
		String expected = comparable(request.variant().fullText());
		boolean reachedSince = false;
		for (JsonNode video : answer.data().path("videos")) {
			Instant at = Instant.ofEpochSecond(video.path("create_time").asLong(0));
			if (at.isBefore(since)) {
				reachedSince = true;
				break;
			}
			if (comparable(video.path("video_description").asString("")).equals(expected)
					|| comparable(video.path("title").asString("")).equals(expected)) {
				return new ReconcileOutcome.Found(video.path("id").asString(), video.path("share_url").asString(null));
			}
		}
		return reachedSince || !answer.data().path("has_more").asBoolean(false) ? new ReconcileOutcome.NotFound()
				: new ReconcileOutcome.Inconclusive("More than 20 posts were published on the account since the first attempt");
	}

	private static String comparable(String text) {
		return SPACE.matcher(text).replaceAll(" ").strip();
	}
}
