package io.vitrine.networks.linkedin;

import io.vitrine.networks.PublishOutcome;

/** Ends a publish early with its outcome; no stack trace, it is not an error of Vitrine's. */
final class LinkedInStop extends RuntimeException {

	final transient PublishOutcome outcome;

	LinkedInStop(PublishOutcome outcome) {
		super(null, null, false, false);
		this.outcome = outcome;
	}
}
