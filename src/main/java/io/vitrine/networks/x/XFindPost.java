package io.vitrine.networks.x;

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
import java.util.ArrayList;
import java.util.List;

/**
 * After an ambiguous send, reads the account's own posts since the first attempt
 * ({@code GET /2/users/{id}/tweets}, start_time, newest first) and looks for the one Vitrine sent:
 * same text (links aside, see {@link XPostText}) and same number of attached media.
 */
@Component
class XFindPost {

	/** Clocks of Vitrine and of X may disagree a little; a post this much older still counts. */
	static final Duration SKEW = Duration.ofMinutes(2);

	/** Pages of 100 read at most: a burst of this many posts since the attempt is still settled by reading. */
	static final int PAGES = 5;

	private final XApi api;

	private final OAuthTokens tokens;

	private final XRateLimits limits;

	private final Clock clock;

	XFindPost(XApi api, OAuthTokens tokens, XRateLimits limits, Clock clock) {
		this.clock = clock;
		this.api = api;
		this.tokens = tokens;
		this.limits = limits;
	}

	ReconcileOutcome find(Channel channel, PublishRequest request, Instant sentAt) {
		try {
			return tokens.call(channel, token -> search(channel, token, request, sentAt));
		}
		catch (OAuthTokens.Problem problem) {
			return problem.outcome() instanceof PublishOutcome.Reauthorize r ? new ReconcileOutcome.Reauthorize(r.message())
					: new ReconcileOutcome.Inconclusive(problem.getMessage());
		}
	}

	/**
	 * How far a thread really went: from {@code thread}, each further post X already has (in the thread's conversation,
	 * after the last one known, with the next part's text) moves it on. Read before any step of a thread is sent again.
	 *
	 * @throws XStop pending again when X cannot be read now
	 */
	XThread caughtUp(Channel channel, String token, XThread thread, List<String> parts) {
		List<JsonNode> after = new ArrayList<>();
		String next = null;
		for (int page = 0; page < PAGES; page++) {
			XAnswer answer;
			try {
				answer = api.userPostsAfter(token, channel.remoteAccountId(), thread.headId(), next);
			}
			catch (OutboundFailure e) {
				throw new XStop(new PublishOutcome.Pending(thread.ref(), clock.instant().plus(Duration.ofMinutes(1)),
						"could not read the account's recent posts on X: " + e.getMessage()));
			}
			if (answer.status() == 401) {
				throw new OAuthTokens.TokenRejected("X refused the access token: " + answer.message());
			}
			if (answer.status() == 429) {
				throw new XStop(new PublishOutcome.Pending(thread.ref(), limits.resetAfterRefusal(channel.id(), XApi.USER_POSTS, answer),
						"X rate limit on reading recent posts: " + answer.message()));
			}
			if (!answer.ok()) {
				throw new XStop(new PublishOutcome.Pending(thread.ref(), clock.instant().plus(Duration.ofMinutes(1)),
						"X answered HTTP " + answer.status() + " to reading recent posts: " + answer.message()));
			}
			answer.data().forEach(after::add);
			next = XAnswer.text(answer.body().path("meta"), "next_token").orElse(null);
			if (next == null) {
				break;
			}
		}
		if (next != null) {
			// More posts since the thread began than were read: going on could repeat one that was not seen.
			throw new XStop(new PublishOutcome.Rejected("More than " + PAGES * XApi.PAGE + " posts were published on the account "
					+ "since the thread began; Vitrine cannot tell which of its posts X has. Check the thread on X."));
		}
		// Oldest first: the thread's posts in the order they were sent. Each further post is the next one of the
		// conversation with that part's text (the description offers no way to ask which post a reply answers).
		after.sort(java.util.Comparator.comparing(post -> Long.parseLong(post.path("id").asString("0"))));
		XThread at = thread;
		for (JsonNode post : after) {
			if (at.next() >= parts.size()) {
				break;
			}
			if (Long.parseLong(post.path("id").asString("0")) > Long.parseLong(at.lastId())
					&& thread.headId().equals(post.path("conversation_id").asString(""))
					&& XPostText.comparable(post.path("text").asString("")).equals(XPostText.comparable(parts.get(at.next())))) {
				at = at.advanced(post.path("id").asString());
			}
		}
		return at;
	}

	private ReconcileOutcome search(Channel channel, String token, PublishRequest request, Instant sentAt) {
		String expected = XPostText.comparable(request.variant().fullText());
		int expectedMedia = request.variant().images().size();
		String next = null;
		for (int page = 0; page < PAGES; page++) {
			XAnswer answer;
			try {
				answer = api.userPosts(token, channel.remoteAccountId(), sentAt.minus(SKEW), next);
			}
			catch (OutboundFailure e) {
				return new ReconcileOutcome.Inconclusive("Could not read the account's recent posts on X: " + e.getMessage());
			}
			if (answer.status() == 401) {
				throw new OAuthTokens.TokenRejected("X refused the access token: " + answer.message());
			}
			if (answer.status() == 429) {
				return new ReconcileOutcome.RateLimited(limits.resetAfterRefusal(channel.id(), XApi.USER_POSTS, answer),
						"X rate limit on reading recent posts: " + answer.message());
			}
			if (!answer.ok()) {
				return new ReconcileOutcome.Inconclusive("X answered HTTP " + answer.status() + " to reading recent posts: "
						+ answer.message());
			}
			for (JsonNode post : answer.data()) {
				if (XPostText.comparable(post.path("text").asString("")).equals(expected)
						&& post.path("attachments").path("media_keys").size() == expectedMedia) {
					String id = post.path("id").asString();
					return new ReconcileOutcome.Found(id, XConnector.postUrl(channel, id));
				}
			}
			next = XAnswer.text(answer.body().path("meta"), "next_token").orElse(null);
			if (next == null) {
				return new ReconcileOutcome.NotFound();
			}
		}
		return new ReconcileOutcome.Inconclusive("More than " + PAGES * XApi.PAGE + " posts were published on the account "
				+ "since the first attempt");
	}
}
