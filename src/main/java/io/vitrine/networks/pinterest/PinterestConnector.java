package io.vitrine.networks.pinterest;

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
import io.vitrine.networks.oauth.OAuthTokens;
import io.vitrine.outbound.AddressNotAllowed;
import io.vitrine.outbound.ConnectFailed;
import io.vitrine.outbound.OutcomeUnknown;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Publishes Pins to a board with {@code POST /v5/pins} (pins/create of the official description), the images
 * sent inline as base64 so Pinterest needs no public address to fetch them. Pinterest has no idempotency key:
 * a Pin whose answer was lost is reported unknown and looked for among the board's Pins, never sent again on a
 * guess.
 */
@Component
class PinterestConnector implements NetworkConnector {

	static final NetworkId ID = new NetworkId("pinterest");

	private final PinterestApi api;

	private final PinterestFindPin findPin;

	private final PinterestRateLimits limits;

	private final OAuthTokens tokens;

	PinterestConnector(PinterestApi api, PinterestFindPin findPin, PinterestRateLimits limits, OAuthTokens tokens) {
		this.api = api;
		this.findPin = findPin;
		this.limits = limits;
		this.tokens = tokens;
	}

	@Override
	public NetworkId id() {
		return ID;
	}

	@Override
	public String displayName() {
		return PinterestRules.NETWORK;
	}

	@Override
	public Set<Capability> capabilities() {
		return EnumSet.of(Capability.PUBLISH, Capability.IMAGES, Capability.RECONCILE);
	}

	/** No idempotency key on Pinterest: once a request may have left, sending again may pin twice. */
	@Override
	public Duration safeResendWindow() {
		return Duration.ZERO;
	}

	@Override
	public NetworkLimits defaultLimits() {
		return PinterestRules.LIMITS;
	}

	@Override
	public List<VariantField> variantFields() {
		return List.of(PinterestRules.TITLE);
	}

	/** Pinterest's limits are the same for every board; the stored ones are ignored. */
	@Override
	public VariantCheck validate(PostVariant variant, NetworkLimits ignored) {
		return PinterestRules.check(variant);
	}

	@Override
	public PublishOutcome publish(Channel channel, PublishRequest request) {
		Optional<PublishOutcome> refused = validate(request.variant(), channel.limits()).refusal();
		if (refused.isPresent()) {
			return refused.get();
		}
		Optional<Instant> blocked = limits.blockedUntil(channel.id());
		if (blocked.isPresent()) {
			return new PublishOutcome.RateLimited(blocked.get(), "Pinterest's rate limit for this account is used up until "
					+ blocked.get() + "; the Pin waits until then");
		}
		PostVariant variant = request.variant();
		List<PinterestApi.Image> images = variant.images().stream()
			.map(image -> new PinterestApi.Image(image.contentType(), request.media().read(image.mediaId())))
			.toList();
		try {
			return tokens.call(channel, token -> pin(channel, token, variant, images));
		}
		catch (OAuthTokens.Problem problem) {
			return problem.outcome();
		}
	}

	private PublishOutcome pin(Channel channel, String token, PostVariant variant, List<PinterestApi.Image> images) {
		PinterestAnswer answer;
		try {
			answer = api.createPin(token, channel.remoteAccountId(), variant.field(PinterestRules.TITLE.name()),
					variant.text().strip(), variant.link(), variant.images().getFirst().altText(), images);
		}
		catch (AddressNotAllowed e) {
			return new PublishOutcome.Rejected(e.getMessage());
		}
		catch (ConnectFailed e) {
			return new PublishOutcome.Transient("Could not reach Pinterest: " + e.getMessage());
		}
		catch (OutcomeUnknown e) {
			return new PublishOutcome.Unknown("The Pin was sent to Pinterest but no answer came back (" + e.getMessage() + ")");
		}
		limits.record(channel.id(), answer);
		int status = answer.status();
		if (answer.ok()) {
			return PinterestAnswer.text(answer.body(), "id")
				.<PublishOutcome>map(id -> new PublishOutcome.Published(id, pinUrl(id)))
				.orElseGet(() -> new PublishOutcome.Unknown("Pinterest answered HTTP " + status + " without the Pin's id"));
		}
		if (status == 401) {
			// Refused before anything was created: the token is refreshed and the Pin sent once more.
			throw new OAuthTokens.TokenRejected("Pinterest refused the access token: " + answer.message());
		}
		if (status == 429) {
			return new PublishOutcome.RateLimited(limits.refused(channel.id(), answer), "Pinterest rate limit: " + answer.message());
		}
		if (status >= 500 || status == 408) {
			// A create that failed on Pinterest's side may still have made the Pin: read the board before anything else.
			return new PublishOutcome.Unknown("Pinterest answered HTTP " + status + " (" + answer.message()
					+ "); the Pin may or may not exist");
		}
		return new PublishOutcome.Rejected("Pinterest refused the Pin: " + answer.message());
	}

	@Override
	public ReconcileOutcome reconcile(Channel channel, PublishRequest request, Instant sentAt) {
		return findPin.find(channel, request, sentAt);
	}

	/** A Pin's page: https://www.pinterest.com/pin/{id}/ */
	static String pinUrl(String id) {
		return PinterestOAuth.SERVER + "/pin/" + id + "/";
	}
}
