package io.vitrine.networks;

/** What a connector can do; the engine and the UI ask instead of assuming. */
public enum Capability {
	PUBLISH,
	IMAGES,
	/** Takes videos; without it a variant with a video is refused before it is saved. */
	VIDEO,
	/** Answers {@link PublishOutcome.Pending} and finishes through {@link NetworkConnector#checkPending}. */
	ASYNC_PUBLISH,
	/**
	 * Re-sending with the same idempotency key cannot create a second post (Mastodon's
	 * Idempotency-Key, Bluesky's client-chosen record key), so an outcome proven absent by
	 * reconciliation may be sent again.
	 */
	SAFE_RESEND,
	/** Can look for a post among the account's own recent posts after an ambiguous outcome. */
	RECONCILE
}
