package io.vitrine.networks.youtube;

import io.vitrine.networks.PublishOutcome;

/** Ends a publish early with its outcome; no stack trace, it is not an error of Vitrine's. */
final class YouTubeStop extends RuntimeException {

	final transient PublishOutcome outcome;

	YouTubeStop(PublishOutcome outcome) {
		super(null, null, false, false);
		this.outcome = outcome;
	}
}
