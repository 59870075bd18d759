package io.vitrine.networks;

import java.time.Duration;

/**
 * A documented cap on how many posts may go out in a sliding window (Instagram: 50 per 24 hours per account;
 * YouTube: uploads per day per project). The engine counts what Vitrine itself published in the window before it
 * sends, and holds a post that would go over it until the oldest one in the window ages out. A connector may also
 * read the network's own count (Instagram's content_publishing_limit) and answer {@link PublishOutcome.RateLimited}.
 *
 * @param source the page that documents the cap, for the comment-free reader of the UI
 */
public record PublishQuota(int max, Duration window, Scope scope, String source) {

	public enum Scope {
		/** Counted per connected account. */
		ACCOUNT,
		/** Counted over every account of the network on this Vitrine (one developer app). */
		APP
	}
}
