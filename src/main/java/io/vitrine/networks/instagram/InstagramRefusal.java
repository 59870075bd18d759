package io.vitrine.networks.instagram;

import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.meta.GraphAnswer;
import io.vitrine.networks.meta.GraphThrottle;
import io.vitrine.networks.oauth.OAuthTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * What an Instagram error means, from the error codes reference
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes) and the Graph
 * error handling guide (https://developers.facebook.com/docs/graph-api/guides/error-handling).
 */
final class InstagramRefusal {

	/** Code 9, subcode 2207042: "You reached maximum number of posts that is allowed to be published by Content Publishing API." */
	static final int DAILY_LIMIT = 2_207_042;

	/** Code 4, subcode 2207051: the action was restricted as suspected spam; not a rate limit, waiting does not help. */
	static final int RESTRICTED = 2_207_051;

	/** Subcode 2207027: "The media is not ready for publishing, please wait for a moment". */
	static final int NOT_READY = 2_207_027;

	/**
	 * Server-side failures the reference says to try again on: 2207001 (server error), 2207003 (download took too
	 * long), 2207032 (create media failed), 2207053 (unknown upload error).
	 */
	static final Set<Integer> TRY_AGAIN = Set.of(2_207_001, 2_207_003, 2_207_032, 2_207_053);

	/** The 24-hour quota gives no reset time; asking again in an hour costs one read. */
	static final Duration DAILY_LIMIT_RETRY = Duration.ofHours(1);

	private InstagramRefusal() {
	}

	/**
	 * @param mayExist whether the refused request could have published something (media_publish), so that a
	 *     server-side failure is an unknown outcome rather than a safe retry
	 * @throws OAuthTokens.TokenRejected for a refused token (code 190), so the connection asks its owner to reconnect
	 */
	static PublishOutcome outcome(GraphAnswer answer, boolean mayExist, Instant now) {
		if (answer.tokenRefused()) {
			// Page tokens cannot be refreshed: the person must sign in again (revoked, password changed, no longer admin).
			throw new OAuthTokens.TokenRejected("Instagram refused the Page token: " + answer.message());
		}
		if (answer.subcode() == DAILY_LIMIT) {
			return new PublishOutcome.RateLimited(now.plus(DAILY_LIMIT_RETRY),
					"Instagram's limit of posts per 24 hours is reached: " + answer.message());
		}
		if (answer.subcode() == RESTRICTED) {
			return new PublishOutcome.Rejected("Instagram restricted this post: " + answer.message());
		}
		if (answer.throttled()) {
			return new PublishOutcome.RateLimited(GraphThrottle.until(answer, now), "Instagram rate limit: " + answer.message());
		}
		if (answer.transientError() || TRY_AGAIN.contains(answer.subcode()) || answer.code() == -1 || answer.code() == -2) {
			return mayExist ? new PublishOutcome.Unknown("Instagram answered " + answer.message() + "; the post may or may not exist")
					: new PublishOutcome.Transient("Instagram answered " + answer.message() + "; nothing was posted");
		}
		return new PublishOutcome.Rejected("Instagram refused the post: " + answer.message());
	}
}
