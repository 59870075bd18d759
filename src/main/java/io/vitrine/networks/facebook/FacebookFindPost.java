package io.vitrine.networks.facebook;

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
import java.util.regex.Pattern;

/** After an ambiguous send, reads the Page's published posts since the first attempt and looks for the same message. */
@Component
class FacebookFindPost {

	static final Duration SKEW = Duration.ofMinutes(2);

	private static final Pattern SPACE = Pattern.compile("\\s+");

	private final GraphApi api;

	private final OAuthTokens tokens;

	FacebookFindPost(GraphApi api, OAuthTokens tokens) {
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
		if (!request.variant().videos().isEmpty()) {
			return searchVideos(channel, token, request, since);
		}
		GraphAnswer answer;
		try {
			answer = api.publishedPosts(token, channel.remoteAccountId(), since);
		}
		catch (OutboundFailure e) {
			return new ReconcileOutcome.Inconclusive("Could not read the Page's recent posts on Facebook: " + e.getMessage());
		}
		if (answer.tokenRefused()) {
			throw new OAuthTokens.TokenRejected("Facebook refused the Page token: " + answer.message());
		}
		if (!answer.ok()) {
			return new ReconcileOutcome.Inconclusive("Facebook answered " + answer.message() + " to reading recent posts");
		}
		String expected = comparable(FacebookConnector.message(request.variant()));
		for (JsonNode post : answer.body().path("data")) {
			if (comparable(post.path("message").asString("")).equals(expected)) {
				String id = post.path("id").asString();
				return new ReconcileOutcome.Found(id, FacebookOAuth.SERVER + "/" + id);
			}
		}
		return answer.body().path("paging").has("next")
				? new ReconcileOutcome.Inconclusive("More than 100 posts were published on the Page since the first attempt")
				: new ReconcileOutcome.NotFound();
	}

	/** A video is a Page video before it is a post: looked for among the Page's videos, by its description. */
	private ReconcileOutcome searchVideos(Channel channel, String token, PublishRequest request, Instant since) {
		GraphAnswer answer;
		try {
			answer = api.videos(token, channel.remoteAccountId(), since);
		}
		catch (OutboundFailure e) {
			return new ReconcileOutcome.Inconclusive("Could not read the Page's recent videos on Facebook: " + e.getMessage());
		}
		if (answer.tokenRefused()) {
			throw new OAuthTokens.TokenRejected("Facebook refused the Page token: " + answer.message());
		}
		if (!answer.ok()) {
			return new ReconcileOutcome.Inconclusive("Facebook answered " + answer.message() + " to reading recent videos");
		}
		String expected = comparable(request.variant().fullText());
		for (JsonNode video : answer.body().path("data")) {
			if (comparable(video.path("description").asString("")).equals(expected)) {
				String id = video.path("id").asString();
				return new ReconcileOutcome.Found(id, FacebookConnector.videoUrl(id, video.path("permalink_url").asString(null)));
			}
		}
		return answer.body().path("paging").has("next")
				? new ReconcileOutcome.Inconclusive("More than 100 videos were added to the Page since the first attempt")
				: new ReconcileOutcome.NotFound();
	}

	private static String comparable(String text) {
		return SPACE.matcher(text).replaceAll(" ").strip();
	}
}
