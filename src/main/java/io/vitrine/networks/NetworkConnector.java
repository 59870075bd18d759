package io.vitrine.networks;

import java.time.Duration;
import java.time.Instant;
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
	 * How long after the first attempt a re-send with the same idempotency key is still sure not to
	 * duplicate. Mastodon remembers an Idempotency-Key for one hour; a Bluesky record key forever.
	 */
	default Duration safeResendWindow() {
		return capabilities().contains(Capability.SAFE_RESEND) ? Duration.ofDays(3650) : Duration.ZERO;
	}
}
