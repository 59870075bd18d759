package io.vitrine.networks.threads;

import io.vitrine.networks.PublishOutcome;

/** Ends a publish early with its outcome; no stack trace, it is not an error of Vitrine's. */
final class ThreadsStop extends RuntimeException {

	final transient PublishOutcome outcome;

	ThreadsStop(PublishOutcome outcome) {
		super(null, null, false, false);
		this.outcome = outcome;
	}
}
