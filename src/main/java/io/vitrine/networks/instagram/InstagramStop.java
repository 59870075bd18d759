package io.vitrine.networks.instagram;

import io.vitrine.networks.PublishOutcome;

/** Ends a publish early with its outcome; no stack trace, it is not an error of Vitrine's. */
final class InstagramStop extends RuntimeException {

	final transient PublishOutcome outcome;

	InstagramStop(PublishOutcome outcome) {
		super(null, null, false, false);
		this.outcome = outcome;
	}
}
