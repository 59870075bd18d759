package io.vitrine.networks.instagram;

import io.vitrine.networks.Channel;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.networks.meta.GraphAnswer;
import io.vitrine.networks.oauth.OAuthTokens;
import io.vitrine.outbound.OutboundFailure;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** After an ambiguous media_publish, reads the account's latest media and looks for the same caption since the first attempt. */
@Component
class InstagramFindPost {

	static final Duration SKEW = Duration.ofMinutes(2);

	/** The Graph API's timestamps: 2026-03-29T07:00:00+0000. */
	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

	private static final Pattern SPACE = Pattern.compile("\\s+");

	private final InstagramApi api;

	private final OAuthTokens tokens;

	InstagramFindPost(InstagramApi api, OAuthTokens tokens) {
		this.api = api;
		this.tokens = tokens;
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
		GraphAnswer answer;
		try {
			answer = api.recentMedia(token, channel.remoteAccountId());
		}
		catch (OutboundFailure e) {
			return new ReconcileOutcome.Inconclusive("Could not read the account's recent media on Instagram: " + e.getMessage());
		}
		if (answer.tokenRefused()) {
			throw new OAuthTokens.TokenRejected("Instagram refused the Page token: " + answer.message());
		}
		if (!answer.ok()) {
			return new ReconcileOutcome.Inconclusive("Instagram answered " + answer.message() + " to reading recent media");
		}
		String expected = comparable(request.variant().fullText());
		boolean reachedSince = false;
		for (JsonNode media : answer.body().path("data")) {
			Instant at = instant(media.path("timestamp").asString(""));
			if (at != null && at.isBefore(since)) {
				reachedSince = true;
				break;
			}
			if (comparable(media.path("caption").asString("")).equals(expected)) {
				return new ReconcileOutcome.Found(media.path("id").asString(), media.path("permalink").asString(null));
			}
		}
		return reachedSince || !answer.body().path("paging").has("next") ? new ReconcileOutcome.NotFound()
				: new ReconcileOutcome.Inconclusive("More than 50 posts were published on the account since the first attempt");
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
