package io.vitrine.networks.threads;

import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.meta.GraphAnswer;
import io.vitrine.networks.meta.GraphThrottle;
import io.vitrine.networks.oauth.OAuthTokens;

import java.time.Instant;

/**
 * What a Threads error means. Threads answers in the Graph API's error shape
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling; Threads' own list:
 * https://developers.facebook.com/docs/threads/troubleshooting).
 */
final class ThreadsRefusal {

	private ThreadsRefusal() {
	}

	/**
	 * @param mayExist whether the refused request could have published something (threads_publish)
	 * @throws OAuthTokens.TokenRejected for a refused token (code 190), so the token is renewed once, then the
	 *     connection asks its owner to reconnect
	 */
	static PublishOutcome outcome(GraphAnswer answer, boolean mayExist, Instant now) {
		if (answer.tokenRefused()) {
			throw new OAuthTokens.TokenRejected("Threads refused the access token: " + answer.message());
		}
		if (answer.throttled()) {
			return new PublishOutcome.RateLimited(GraphThrottle.until(answer, now), "Threads rate limit: " + answer.message());
		}
		if (answer.transientError()) {
			return mayExist ? new PublishOutcome.Unknown("Threads answered " + answer.message() + "; the post may or may not exist")
					: new PublishOutcome.Transient("Threads answered " + answer.message() + "; nothing was posted");
		}
		return new PublishOutcome.Rejected("Threads refused the post: " + answer.message());
	}
}
