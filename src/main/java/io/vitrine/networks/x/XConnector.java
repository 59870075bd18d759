package io.vitrine.networks.x;

import io.vitrine.networks.Capability;
import io.vitrine.networks.Channel;
import io.vitrine.networks.NetworkConnector;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.oauth.OAuthTokens;
import io.vitrine.outbound.AddressNotAllowed;
import io.vitrine.outbound.ConnectFailed;
import io.vitrine.outbound.OutcomeUnknown;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Publishes posts to X with {@code POST /2/tweets}, images uploaded first. X has no idempotency
 * key: a post whose answer was lost is reported unknown and found again by reading the account's
 * posts, never sent a second time on a guess.
 *
 * <p>Threads are not offered yet: the composer has no way to write one, and a half-published
 * thread needs its own reconciliation. They will be reply chains ({@code reply.in_reply_to_tweet_id}).
 */
@Component
class XConnector implements NetworkConnector {

	static final NetworkId ID = new NetworkId("x");

	private final XApi api;

	private final XMedia media;

	private final XRateLimits limits;

	private final XFindPost findPost;

	private final OAuthTokens tokens;

	XConnector(XApi api, XMedia media, XRateLimits limits, XFindPost findPost, OAuthTokens tokens) {
		this.api = api;
		this.media = media;
		this.limits = limits;
		this.findPost = findPost;
		this.tokens = tokens;
	}

	@Override
	public NetworkId id() {
		return ID;
	}

	@Override
	public String displayName() {
		return XRules.NETWORK;
	}

	@Override
	public Set<Capability> capabilities() {
		return EnumSet.of(Capability.PUBLISH, Capability.IMAGES, Capability.RECONCILE);
	}

	/** No idempotency key on X: once a request may have left, sending again may post twice. */
	@Override
	public Duration safeResendWindow() {
		return Duration.ZERO;
	}

	@Override
	public NetworkLimits defaultLimits() {
		return XRules.LIMITS;
	}

	/** X's limits are the same for every account; the stored ones are ignored. */
	@Override
	public VariantCheck validate(PostVariant variant, NetworkLimits ignored) {
		return XRules.check(variant);
	}

	@Override
	public PublishOutcome publish(Channel channel, PublishRequest request) {
		Optional<PublishOutcome> refused = validate(request.variant(), channel.limits()).refusal();
		if (refused.isPresent()) {
			return refused.get();
		}
		Optional<Instant> blocked = limits.blockedUntil(channel.id(), XApi.POSTS);
		if (blocked.isEmpty() && !request.variant().images().isEmpty()) {
			blocked = limits.blockedUntil(channel.id(), XApi.MEDIA_UPLOAD);
		}
		if (blocked.isPresent()) {
			return new PublishOutcome.RateLimited(blocked.get(), "X's rate limit is used up until " + blocked.get()
					+ "; the post was not sent");
		}
		try {
			return tokens.call(channel, token -> {
				List<String> mediaIds = new ArrayList<>();
				for (int i = 0; i < request.variant().images().size(); i++) {
					mediaIds.add(media.mediaId(channel, token, request, i));
				}
				return post(channel, token, request, mediaIds);
			});
		}
		catch (OAuthTokens.Problem problem) {
			return problem.outcome();
		}
		catch (XStop stop) {
			return stop.outcome;
		}
	}

	private PublishOutcome post(Channel channel, String token, PublishRequest request, List<String> mediaIds) {
		XAnswer answer;
		try {
			answer = api.createPost(token, request.variant().fullText(), mediaIds);
		}
		catch (AddressNotAllowed e) {
			return new PublishOutcome.Rejected(e.getMessage());
		}
		catch (ConnectFailed e) {
			return new PublishOutcome.Transient("Could not reach X: " + e.getMessage());
		}
		catch (OutcomeUnknown e) {
			return new PublishOutcome.Unknown("The post was sent to X but no answer came back (" + e.getMessage() + ")");
		}
		limits.record(channel.id(), XApi.POSTS, answer);
		int status = answer.status();
		if (answer.ok()) {
			Optional<String> id = answer.dataText("id");
			if (id.isPresent()) {
				return new PublishOutcome.Published(id.get(), postUrl(channel, id.get()));
			}
			return answer.body().has("errors") ? new PublishOutcome.Rejected(answer.message())
					: new PublishOutcome.Unknown("X answered HTTP " + status + " without a post id");
		}
		if (status == 401) {
			// Refused before anything was created: the token is refreshed and the post sent once more.
			throw new OAuthTokens.TokenRejected("X refused the access token: " + answer.message());
		}
		if (status == 429) {
			return new PublishOutcome.RateLimited(limits.resetAfterRefusal(channel.id(), XApi.POSTS, answer),
					"X rate limit: " + answer.message());
		}
		if (status >= 500 || status == 408) {
			return new PublishOutcome.Unknown("X answered HTTP " + status + " (" + answer.message()
					+ "); the post may or may not exist");
		}
		return new PublishOutcome.Rejected(answer.message());
	}

	@Override
	public ReconcileOutcome reconcile(Channel channel, PublishRequest request, Instant sentAt) {
		return findPost.find(channel, request, sentAt);
	}

	static String postUrl(Channel channel, String id) {
		String handle = channel.handle().startsWith("@") ? channel.handle().substring(1) : channel.handle();
		return XOAuth.SERVER + "/" + handle + "/status/" + id;
	}
}
