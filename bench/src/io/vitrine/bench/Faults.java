package io.vitrine.bench;

import java.time.Duration;
import java.util.Random;

/**
 * Which requests the load target answers with a fault, and with which one. A share {@code rate} of
 * all requests is faulted; the kind is drawn with fixed weights, restricted to what the call can
 * suffer (a read never "stores then loses" anything, a token is only revoked by a post).
 * {@link #NONE} is every scenario but faults.
 */
final class Faults {

	/** The faults a network can answer with. */
	enum Kind {
		/** 429 with Retry-After and the network's rate-limit headers; the account waits until the announced reset. */
		RATE_LIMITED,
		/** 500, 502 or 503: nothing stored. */
		SERVER_ERROR,
		/** The connection is reset (TCP RST) after the request arrived: nothing stored. */
		CONNECTION_RESET,
		/** No answer before Vitrine's response timeout; the post is stored once the client has given up. */
		SLOW,
		/** The account's token is revoked, from now on and for good. */
		TOKEN_REVOKED,
		/** Accepted: the post is stored, then the connection is dropped before any answer. */
		RESPONSE_LOST
	}

	/** What kind of call the request is: a post can suffer every fault, a read or a session call fewer. */
	enum Call {
		POST, READ, SESSION
	}

	static final Faults NONE = new Faults(0, Duration.ZERO, Duration.ZERO, 0);

	/** Out of 1000 faults of a post; the token revocation is kept rare, since it fails all of an account's later targets. */
	private static final int[] WEIGHTS = { 250, 230, 130, 120, 20, 250 };

	private final double rate;

	private final Duration slowness;

	private final Duration rateLimitWindow;

	private final Random random;

	/**
	 * @param rate share of requests faulted, 0 to 1
	 * @param slowness how long a slow answer takes (longer than Vitrine's response timeout)
	 * @param rateLimitWindow how far ahead a 429 announces its reset
	 */
	Faults(double rate, Duration slowness, Duration rateLimitWindow, long seed) {
		this.rate = rate;
		this.slowness = slowness;
		this.rateLimitWindow = rateLimitWindow;
		this.random = new Random(seed);
	}

	boolean any() {
		return rate > 0;
	}

	double rate() {
		return rate;
	}

	Duration slowness() {
		return slowness;
	}

	Duration rateLimitWindow() {
		return rateLimitWindow;
	}

	/** The fault for this request, or null to answer it normally. */
	synchronized Kind pick(Call call, boolean rateLimitable) {
		if (rate <= 0 || random.nextDouble() >= rate) {
			return null;
		}
		int roll = random.nextInt(1000);
		Kind kind = Kind.RESPONSE_LOST;
		for (int i = 0; i < WEIGHTS.length; i++) {
			if (roll < WEIGHTS[i]) {
				kind = Kind.values()[i];
				break;
			}
			roll -= WEIGHTS[i];
		}
		if (call != Call.POST) {
			// Nothing to store or revoke on a read or a session call: the connection just fails.
			if (kind == Kind.RESPONSE_LOST || kind == Kind.TOKEN_REVOKED) {
				kind = Kind.CONNECTION_RESET;
			}
		}
		if (kind == Kind.RATE_LIMITED && !rateLimitable) {
			kind = Kind.SERVER_ERROR;
		}
		return kind;
	}

	/** 500, 502 or 503, evenly. */
	synchronized int serverErrorStatus() {
		return switch (random.nextInt(3)) {
			case 0 -> 500;
			case 1 -> 502;
			default -> 503;
		};
	}
}
