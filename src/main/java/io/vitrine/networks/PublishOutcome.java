package io.vitrine.networks;

import java.time.Instant;

/** The closed set of things that can happen when a post is sent; every network's errors map to one. */
public sealed interface PublishOutcome {

	/** On the network; the id and URL are stored at once. */
	record Published(String remoteId, String remoteUrl) implements PublishOutcome {
	}

	/** The network refused the content; its own message is kept for the user. */
	record Rejected(String message) implements PublishOutcome {
	}

	/** Not sent; try again no earlier than {@code until}. */
	record RateLimited(Instant until, String message) implements PublishOutcome {
	}

	/** Certainly not applied (connection refused, DNS failure): safe to retry later. */
	record Transient(String message) implements PublishOutcome {
	}

	/**
	 * The request may have reached the network (timeout, 5xx, lost response): reconcile, never blindly retry.
	 *
	 * @param rateLimitedUntil when the network also said not to ask anything before a time (a read-back
	 *     answered 429), else null
	 */
	record Unknown(String message, Instant rateLimitedUntil) implements PublishOutcome {

		public Unknown(String message) {
			this(message, null);
		}
	}

	/**
	 * Accepted, still being processed by the network (an Instagram container, a TikTok upload, a video being
	 * transcoded): not published yet. The engine asks {@link NetworkConnector#checkPending} again after
	 * {@code checkAfter}, until another outcome comes.
	 *
	 * @param remoteRef what the network gave to follow it (container id, publish id), stored with the target
	 */
	record Pending(String remoteRef, Instant checkAfter, String message) implements PublishOutcome {
	}

	/** The token is revoked or expired for good: the connection needs its owner to reconnect it. */
	record Reauthorize(String message) implements PublishOutcome {
	}
}
