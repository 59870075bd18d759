package io.vitrine.networks.gbp;

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
import io.vitrine.networks.VariantField;
import io.vitrine.networks.medialinks.PublicMediaLinks;
import io.vitrine.networks.oauth.OAuthTokens;
import io.vitrine.outbound.AddressNotAllowed;
import io.vitrine.outbound.ConnectFailed;
import io.vitrine.outbound.OutcomeUnknown;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Publishes local posts (update, event, offer; text and a photo Google fetches from a {@link PublicMediaLinks}
 * link) to a Business Profile location with {@code POST /v4/accounts/{a}/locations/{l}/localPosts}. Google's errors follow its error model: 401
 * UNAUTHENTICATED (refresh, then reconnect), 429 RESOURCE_EXHAUSTED (wait), 5xx on a create (may exist: look
 * for it), anything else refused with Google's words. No idempotency key: a post whose answer was lost is looked
 * for among the location's posts, never sent again on a guess.
 */
@Component
class GbpConnector implements NetworkConnector {

	static final NetworkId ID = new NetworkId("gbp");

	/** A 429 naming no Retry-After waits this long (Google's API quotas are counted per minute). */
	static final Duration RATE_LIMIT_FALLBACK = Duration.ofMinutes(1);

	private final GbpApi api;

	private final GbpFindPost findPost;

	private final PublicMediaLinks links;

	private final OAuthTokens tokens;

	private final Clock clock;

	GbpConnector(GbpApi api, GbpFindPost findPost, PublicMediaLinks links, OAuthTokens tokens, Clock clock) {
		this.api = api;
		this.findPost = findPost;
		this.links = links;
		this.tokens = tokens;
		this.clock = clock;
	}

	@Override
	public NetworkId id() {
		return ID;
	}

	@Override
	public String displayName() {
		return GbpRules.NETWORK;
	}

	@Override
	public Set<Capability> capabilities() {
		return EnumSet.of(Capability.PUBLISH, Capability.IMAGES, Capability.RECONCILE);
	}

	@Override
	public Duration safeResendWindow() {
		return Duration.ZERO;
	}

	@Override
	public NetworkLimits defaultLimits() {
		return GbpRules.LIMITS;
	}

	@Override
	public List<VariantField> variantFields() {
		return GbpRules.FIELDS;
	}

	@Override
	public VariantCheck validate(PostVariant variant, NetworkLimits ignored) {
		return GbpRules.check(variant);
	}

	@Override
	public PublishOutcome publish(Channel channel, PublishRequest request) {
		Optional<PublishOutcome> refused = validate(request.variant(), channel.limits()).refusal();
		if (refused.isPresent()) {
			return refused.get();
		}
		try {
			return tokens.call(channel, token -> post(channel, token, request.variant()));
		}
		catch (OAuthTokens.Problem problem) {
			return problem.outcome();
		}
	}

	private PublishOutcome post(Channel channel, String token, PostVariant variant) {
		GoogleAnswer answer;
		try {
			answer = api.createLocalPost(token, channel.remoteAccountId(), variant, variant.images().stream().map(links::link).toList());
		}
		catch (AddressNotAllowed e) {
			return new PublishOutcome.Rejected(e.getMessage());
		}
		catch (ConnectFailed e) {
			return new PublishOutcome.Transient("Could not reach Google: " + e.getMessage());
		}
		catch (OutcomeUnknown e) {
			return new PublishOutcome.Unknown("The post was sent to Google but no answer came back (" + e.getMessage() + ")");
		}
		int status = answer.status();
		if (answer.ok()) {
			Optional<String> name = GoogleAnswer.text(answer.body(), "name");
			if (name.isEmpty()) {
				return new PublishOutcome.Unknown("Google answered HTTP " + status + " without the post's name");
			}
			if ("REJECTED".equals(answer.body().path("state").asString(""))) {
				return new PublishOutcome.Rejected("Google rejected the post under its content policies");
			}
			return new PublishOutcome.Published(name.get(), url(answer.body().path("searchUrl").asString(null)));
		}
		if (status == 401) {
			// UNAUTHENTICATED, before anything was created: refresh the token and send once more.
			throw new OAuthTokens.TokenRejected("Google refused the access token: " + answer.message());
		}
		if (status == 429) {
			Instant now = clock.instant();
			return new PublishOutcome.RateLimited(answer.response().retryAfter(now).orElse(now.plus(RATE_LIMIT_FALLBACK)),
					"Google rate limit: " + answer.message());
		}
		if (status >= 500 || status == 408) {
			return new PublishOutcome.Unknown("Google answered HTTP " + status + " (" + answer.message()
					+ "); the post may or may not exist");
		}
		return new PublishOutcome.Rejected("Google refused the post: " + answer.message());
	}

	/** Google's link to the post in Search when it gives one, else the location's Business Profile. */
	static String url(String searchUrl) {
		return searchUrl != null && searchUrl.startsWith("https://") ? searchUrl : GbpOAuth.SERVER;
	}

	@Override
	public ReconcileOutcome reconcile(Channel channel, PublishRequest request, Instant sentAt) {
		return findPost.find(channel, request, sentAt);
	}
}
