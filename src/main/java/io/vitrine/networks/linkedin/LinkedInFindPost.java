package io.vitrine.networks.linkedin;

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
import java.util.regex.Pattern;

/**
 * After an ambiguous send, reads the author's posts newest first (Posts API, "Find Posts by
 * Authors") and looks for the one Vitrine sent: created since the first attempt, same text once the
 * little format is undone, same number of images.
 */
@Component
class LinkedInFindPost {

	/** Clocks of Vitrine and of LinkedIn may disagree a little; a post this much older still counts. */
	static final Duration SKEW = Duration.ofMinutes(2);

	static final int PAGES = 4;

	private static final Pattern SPACE = Pattern.compile("\\s+");

	private final LinkedInApi api;

	private final OAuthTokens tokens;

	LinkedInFindPost(LinkedInApi api, OAuthTokens tokens) {
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
		String expected = comparable(request.variant().fullText());
		int expectedImages = request.variant().images().size();
		for (int page = 0; page < PAGES; page++) {
			LinkedInAnswer answer;
			try {
				answer = api.postsBy(token, channel.remoteAccountId(), page * LinkedInApi.PAGE);
			}
			catch (OutboundFailure e) {
				return new ReconcileOutcome.Inconclusive("Could not read the author's recent posts on LinkedIn: " + e.getMessage());
			}
			if (answer.status() == 401) {
				throw new OAuthTokens.TokenRejected("LinkedIn refused the access token: " + answer.message());
			}
			if (answer.status() == 403) {
				return new ReconcileOutcome.Inconclusive("LinkedIn does not let Vitrine read this author's posts ("
						+ answer.message() + "); reading a member's posts needs the r_member_social permission, which "
						+ "LinkedIn grants to approved partners only. Check the account on LinkedIn.");
			}
			if (!answer.ok()) {
				return new ReconcileOutcome.Inconclusive("LinkedIn answered HTTP " + answer.status()
						+ " to reading recent posts: " + answer.message());
			}
			JsonNode elements = answer.body().path("elements");
			for (JsonNode post : elements) {
				if (Instant.ofEpochMilli(post.path("createdAt").asLong(0)).isBefore(since)) {
					return new ReconcileOutcome.NotFound(); // newest first: everything further is older still
				}
				if (comparable(LittleText.plain(post.path("commentary").asString(""))).equals(expected)
						&& images(post) == expectedImages) {
					String id = post.path("id").asString();
					return new ReconcileOutcome.Found(id, LinkedInConnector.postUrl(id));
				}
			}
			if (elements.size() < LinkedInApi.PAGE) {
				return new ReconcileOutcome.NotFound();
			}
		}
		return new ReconcileOutcome.Inconclusive("More than " + PAGES * LinkedInApi.PAGE
				+ " posts were published by the author since the first attempt");
	}

	private static int images(JsonNode post) {
		JsonNode content = post.path("content");
		if (content.has("multiImage")) {
			return content.path("multiImage").path("images").size();
		}
		return content.path("media").path("id").asString("").startsWith("urn:li:image:") ? 1 : 0;
	}

	private static String comparable(String text) {
		return SPACE.matcher(text).replaceAll(" ").strip();
	}
}
