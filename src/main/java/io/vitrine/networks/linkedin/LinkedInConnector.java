package io.vitrine.networks.linkedin;

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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Publishes to LinkedIn as a member or an organization page with the Posts API
 * ({@code POST /rest/posts}), images uploaded first through the Images API, the text in the little
 * format. LinkedIn has no idempotency key: a post whose answer was lost is reported unknown and
 * looked for among the author's posts, never sent a second time on a guess.
 */
@Component
class LinkedInConnector implements NetworkConnector {

	static final NetworkId ID = new NetworkId("linkedin");

	private final LinkedInApi api;

	private final LinkedInImages images;

	private final LinkedInFindPost findPost;

	private final OAuthTokens tokens;

	private final Clock clock;

	LinkedInConnector(LinkedInApi api, LinkedInImages images, LinkedInFindPost findPost, OAuthTokens tokens, Clock clock) {
		this.api = api;
		this.images = images;
		this.findPost = findPost;
		this.tokens = tokens;
		this.clock = clock;
	}

	@Override
	public NetworkId id() {
		return ID;
	}

	@Override
	public String displayName() {
		return LinkedInRules.NETWORK;
	}

	@Override
	public Set<Capability> capabilities() {
		return EnumSet.of(Capability.PUBLISH, Capability.IMAGES, Capability.RECONCILE);
	}

	/** No idempotency key on LinkedIn: once a request may have left, sending again may post twice. */
	@Override
	public Duration safeResendWindow() {
		return Duration.ZERO;
	}

	@Override
	public NetworkLimits defaultLimits() {
		return LinkedInRules.LIMITS;
	}

	/** LinkedIn's limits are the same for every account; the stored ones are ignored. */
	@Override
	public VariantCheck validate(PostVariant variant, NetworkLimits ignored) {
		return LinkedInRules.check(variant);
	}

	@Override
	public PublishOutcome publish(Channel channel, PublishRequest request) {
		Optional<PublishOutcome> refused = validate(request.variant(), channel.limits()).refusal();
		if (refused.isPresent()) {
			return refused.get();
		}
		try {
			return tokens.call(channel, token -> {
				List<LinkedInApi.Image> uploaded = new ArrayList<>();
				List<PostVariant.Media> wanted = request.variant().images();
				for (int i = 0; i < wanted.size(); i++) {
					uploaded.add(new LinkedInApi.Image(images.urn(channel, token, request, i), wanted.get(i).altText()));
				}
				return post(channel, token, request, uploaded);
			});
		}
		catch (OAuthTokens.Problem problem) {
			return problem.outcome();
		}
		catch (LinkedInStop stop) {
			return stop.outcome;
		}
	}

	private PublishOutcome post(Channel channel, String token, PublishRequest request, List<LinkedInApi.Image> uploaded) {
		LinkedInAnswer answer;
		try {
			answer = api.createPost(token, channel.remoteAccountId(), LittleText.of(request.variant().fullText()), uploaded);
		}
		catch (AddressNotAllowed e) {
			return new PublishOutcome.Rejected(e.getMessage());
		}
		catch (ConnectFailed e) {
			return new PublishOutcome.Transient("Could not reach LinkedIn: " + e.getMessage());
		}
		catch (OutcomeUnknown e) {
			return new PublishOutcome.Unknown("The post was sent to LinkedIn but no answer came back (" + e.getMessage() + ")");
		}
		int status = answer.status();
		if (answer.ok()) {
			return answer.createdId()
				.<PublishOutcome>map(id -> new PublishOutcome.Published(id, postUrl(id)))
				.orElseGet(() -> new PublishOutcome.Unknown("LinkedIn answered HTTP " + status + " without the post's id"));
		}
		if (status == 401) {
			// Refused before anything was created: the token is refreshed (when LinkedIn gave a refresh token) and sent once more.
			throw new OAuthTokens.TokenRejected("LinkedIn refused the access token: " + answer.message());
		}
		if (status == 429) {
			return new PublishOutcome.RateLimited(LinkedInRateLimit.resetAfter(answer, clock.instant()),
					"LinkedIn rate limit: " + answer.message());
		}
		if (status >= 500 || status == 408) {
			// A create that failed on LinkedIn's side may still have made the post: read the author's posts before anything else.
			return new PublishOutcome.Unknown("LinkedIn answered HTTP " + status + " (" + answer.message()
					+ "); the post may or may not exist");
		}
		return new PublishOutcome.Rejected("LinkedIn refused the post: " + answer.message());
	}

	@Override
	public ReconcileOutcome reconcile(Channel channel, PublishRequest request, Instant sentAt) {
		return findPost.find(channel, request, sentAt);
	}

	/** A post's page: https://www.linkedin.com/feed/update/{share or ugcPost URN}/ */
	static String postUrl(String urn) {
		return LinkedInOAuth.SERVER + "/feed/update/" + urn + "/";
	}
}
