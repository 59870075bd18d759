package io.vitrine.networks.youtube;

import io.vitrine.networks.Channel;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.networks.oauth.OAuthTokens;
import io.vitrine.outbound.OutboundFailure;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** After an upload whose end went unconfirmed, looks in the channel's uploads playlist for the same title and description. */
@Component
class YouTubeFindPost {

	static final Duration SKEW = Duration.ofMinutes(2);

	private final YouTubeApi api;

	private final OAuthTokens tokens;

	YouTubeFindPost(YouTubeApi api, OAuthTokens tokens) {
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
		try {
			GoogleAnswer owner = api.channel(token, channel.remoteAccountId());
			refuseToken(owner);
			String uploads = owner.body().path("items").path(0).path("contentDetails").path("relatedPlaylists").path("uploads")
				.asString("");
			if (!owner.ok() || uploads.isBlank()) {
				return new ReconcileOutcome.Inconclusive("YouTube did not give the channel's uploads playlist (" + owner.message() + ")");
			}
			GoogleAnswer items = api.playlistItems(token, uploads);
			refuseToken(items);
			if (!items.ok()) {
				return new ReconcileOutcome.Inconclusive("YouTube answered " + items.message() + " to reading the uploads");
			}
			String title = request.variant().field(YouTubeRules.TITLE.name());
			String description = request.variant().fullText().strip();
			boolean reachedSince = false;
			for (JsonNode item : items.body().path("items")) {
				JsonNode snippet = item.path("snippet");
				Instant at = instant(snippet.path("publishedAt").asString(""));
				if (at != null && at.isBefore(since)) {
					reachedSince = true;
					break;
				}
				if (snippet.path("title").asString("").equals(title) && snippet.path("description").asString("").strip().equals(description)) {
					String id = snippet.path("resourceId").path("videoId").asString("");
					return new ReconcileOutcome.Found(id, YouTubeOAuth.SERVER + "/watch?v=" + id);
				}
			}
			return reachedSince || !items.body().has("nextPageToken") ? new ReconcileOutcome.NotFound()
					: new ReconcileOutcome.Inconclusive("More than 50 videos were uploaded to the channel since the first attempt");
		}
		catch (OutboundFailure e) {
			return new ReconcileOutcome.Inconclusive("Could not read the channel's uploads on YouTube: " + e.getMessage());
		}
	}

	private static void refuseToken(GoogleAnswer answer) {
		if (answer.status() == 401) {
			throw new OAuthTokens.TokenRejected("YouTube refused the access token: " + answer.message());
		}
	}

	private static Instant instant(String timestamp) {
		try {
			return Instant.parse(timestamp);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
