package io.vitrine.networks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One network, behind the small interface the engine knows. Connectors are Spring beans,
 * discovered by {@link Connectors}; connecting an account (OAuth, app passwords) lives beside
 * the connector in the network's own package, not in this interface.
 */
public interface NetworkConnector {

	NetworkId id();

	String displayName();

	Set<Capability> capabilities();

	/** Limits used before an account's own limits are known (e.g. a Mastodon instance's). */
	NetworkLimits defaultLimits();

	/** Pure: no I/O. The same code runs at compose time and just before sending. */
	VariantCheck validate(PostVariant variant, NetworkLimits limits);

	PublishOutcome publish(Channel channel, PublishRequest request);

	/** Looks for the post among the account's recent posts; {@code sentAt} is when the first attempt started. */
	ReconcileOutcome reconcile(Channel channel, PublishRequest request, Instant sentAt);

	/**
	 * Where a post the network accepted as {@link PublishOutcome.Pending} stands now: Published, Pending again
	 * (with when to ask next), Rejected (processing failed), RateLimited, Transient, Reauthorize, or Unknown when a
	 * final step was sent and its answer lost. Only connectors with {@link Capability#ASYNC_PUBLISH} are asked.
	 */
	default PublishOutcome checkPending(Channel channel, PublishRequest request, String remoteRef) {
		throw new UnsupportedOperationException(displayName() + " does not publish asynchronously");
	}

	/** Network-specific fields the composer asks for, in order. */
	default List<VariantField> variantFields() {
		return List.of();
	}

	/** Documented caps on posts per window, checked by the engine before it sends. */
	default List<PublishQuota> quotas() {
		return List.of();
	}

	/**
	 * How long after the first attempt a re-send with the same idempotency key is still sure not to
	 * duplicate. Mastodon remembers an Idempotency-Key for one hour; a Bluesky record key forever.
	 */
	default Duration safeResendWindow() {
		return capabilities().contains(Capability.SAFE_RESEND) ? Duration.ofDays(3650) : Duration.ZERO;
	}
}
