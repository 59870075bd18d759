package io.vitrine.networks.bluesky;

import io.vitrine.networks.PublishOutcome;
import io.vitrine.outbound.AddressNotAllowed;
import io.vitrine.outbound.ConnectFailed;
import io.vitrine.outbound.OutcomeUnknown;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * A step of publishing could not go on; {@link #outcome()} says what that means for the post
 * (any outcome but Published). Thrown deep in a step, turned into the outcome at the connector.
 */
final class BlueskyFailure extends RuntimeException {

	private final PublishOutcome outcome;

	private BlueskyFailure(PublishOutcome outcome, String message) {
		super(message, null, false, false);
		this.outcome = outcome;
	}

	PublishOutcome outcome() {
		return outcome;
	}

	static BlueskyFailure rejected(String message) {
		return new BlueskyFailure(new PublishOutcome.Rejected(message), message);
	}

	static BlueskyFailure reauthorize(String message) {
		return new BlueskyFailure(new PublishOutcome.Reauthorize(message), message);
	}

	static BlueskyFailure notSent(String message) {
		return new BlueskyFailure(new PublishOutcome.Transient(message), message);
	}

	static BlueskyFailure unknown(String message) {
		return new BlueskyFailure(new PublishOutcome.Unknown(message), message);
	}

	/**
	 * An error answer to a call that creates nothing visible (sign-in, upload, handle lookup):
	 * a server error is worth trying again later, a 429 waits, the rest is refused.
	 */
	static BlueskyFailure of(XrpcAnswer answer, String doing, Clock clock) {
		String message = doing + ": " + answer.message() + " (HTTP " + answer.status() + ")";
		if (answer.status() == 429) {
			return new BlueskyFailure(new PublishOutcome.RateLimited(answer.retryAt(clock), message), message);
		}
		if (answer.serverError()) {
			return notSent(message);
		}
		return rejected(message);
	}

	/**
	 * Runs a call that cannot publish anything (sign-in, upload, lookup), so that even a lost
	 * answer only means "not sent yet": the post itself is created by a later call.
	 */
	static <T> T beforePosting(String doing, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (AddressNotAllowed e) {
			return failWith(rejected(doing + ": Vitrine's outbound guard refused the address (" + e.getMessage() + ")"));
		}
		catch (ConnectFailed | OutcomeUnknown e) {
			return failWith(notSent(doing + ": " + e.getMessage()));
		}
	}

	private static <T> T failWith(BlueskyFailure failure) {
		throw failure;
	}
}
