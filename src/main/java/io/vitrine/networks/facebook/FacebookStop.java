package io.vitrine.networks.facebook;

import io.vitrine.networks.PublishOutcome;

/** Ends a publish early with its outcome; no stack trace, it is not an error of Vitrine's. */
final class FacebookStop extends RuntimeException {

	final transient PublishOutcome outcome;

	FacebookStop(PublishOutcome outcome) {
		super(null, null, false, false);
		this.outcome = outcome;
	}
}
