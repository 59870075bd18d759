package io.vitrine.networks.tiktok;

import io.vitrine.networks.PublishOutcome;

/** Ends a publish early with its outcome; no stack trace, it is not an error of Vitrine's. */
final class TikTokStop extends RuntimeException {

	final transient PublishOutcome outcome;

	TikTokStop(PublishOutcome outcome) {
		super(null, null, false, false);
		this.outcome = outcome;
	}
}
