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

	public PublishQuota {
		if (max < 1 || window == null || window.isNegative() || window.isZero() || scope == null) {
			throw new IllegalArgumentException("a quota needs a positive max, a positive window and a scope");
		}
	}

	/** The window in the largest whole unit, for people: 24 hours, 1 day would be 24 h as documented. */
	public long windowAmount() {
		return window.toSeconds() % 3600 == 0 ? window.toHours() : window.toSeconds() % 60 == 0 ? window.toMinutes() : window.toSeconds();
	}

	/** "hours", "minutes" or "seconds", matching {@link #windowAmount()}. */
	public String windowUnit() {
		return window.toSeconds() % 3600 == 0 ? "hours" : window.toSeconds() % 60 == 0 ? "minutes" : "seconds";
	}

	/** "50 posts per 24 hours", as the engine writes it in a held post's reason. */
	public String describe() {
		long amount = windowAmount();
		String unit = windowUnit();
		return max + (max == 1 ? " post" : " posts") + " per " + (amount == 1 ? unit.substring(0, unit.length() - 1) : amount + " " + unit);
	}

	public enum Scope {
		/** Counted per connected account. */
		ACCOUNT,
		/** Counted over every account of the network on this Vitrine (one developer app). */
		APP
	}
}
