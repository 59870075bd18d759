package io.vitrine.networks;

/** What reading the account's recent posts told about an ambiguous publish. */
public sealed interface ReconcileOutcome {

	record Found(String remoteId, String remoteUrl) implements ReconcileOutcome {
	}

	record NotFound() implements ReconcileOutcome {
	}

	/**
	 * Found, with more to do: the network has the post's first part (a thread's first post), and the connector goes on
	 * from {@code remoteRef} through {@link NetworkConnector#checkPending}, as for a pending post.
	 */
	record Continuing(String remoteRef, String message) implements ReconcileOutcome {
	}

	/** Could not tell (the network is down too, or the answer was not conclusive). */
	record Inconclusive(String message) implements ReconcileOutcome {
	}

	record Reauthorize(String message) implements ReconcileOutcome {
	}

	/** The network refused to be read before {@code until}: nothing is asked of the account before then. */
	record RateLimited(java.time.Instant until, String message) implements ReconcileOutcome {
	}
}
