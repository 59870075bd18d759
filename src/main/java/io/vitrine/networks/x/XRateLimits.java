package io.vitrine.networks.x;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

/**
 * X's rate-limit windows as its answers report them, consulted before sending so that a post that
 * would be refused is held back instead (https://docs.x.com/x-api/fundamentals/rate-limits):
 * <ul>
 * <li>{@code x-rate-limit-limit/remaining/reset}: the endpoint's window for the user whose token
 * made the call (15 minutes for most endpoints);</li>
 * <li>{@code x-user-limit-24hour-*}: that user's daily allowance of posts;</li>
 * <li>{@code x-app-limit-24hour-*}: the daily allowance of the whole app, shared by every account
 * connected through this Vitrine.</li>
 * </ul>
 * Resets are epoch seconds. Kept in memory: a node that restarts learns the windows again from the
 * next answer (or 429) it gets.
 */
@Component
class XRateLimits {

	/** How long to wait after a 429 that names no reset (X's usual window). */
	static final Duration FALLBACK = Duration.ofMinutes(15);

	record Window(int remaining, Instant reset) {

		boolean exhaustedAt(Instant now) {
			return remaining <= 0 && reset.isAfter(now);
		}
	}

	private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

	private final Clock clock;

	XRateLimits(Clock clock) {
		this.clock = clock;
	}

	/** Remembers the windows an answer reports for this account and endpoint. */
	void record(UUID connectionId, String endpoint, XAnswer answer) {
		window(answer, "x-rate-limit").ifPresent(w -> windows.put(userKey(connectionId, endpoint), w));
		window(answer, "x-user-limit-24hour").ifPresent(w -> windows.put(userKey(connectionId, endpoint + " 24h"), w));
		window(answer, "x-app-limit-24hour").ifPresent(w -> windows.put(appKey(endpoint), w));
	}

	/** When this account may call the endpoint again, if a known window is used up. */
	Optional<Instant> blockedUntil(UUID connectionId, String endpoint) {
		Instant now = clock.instant();
		return Stream.of(userKey(connectionId, endpoint), userKey(connectionId, endpoint + " 24h"), appKey(endpoint))
			.map(windows::get)
			.filter(w -> w != null && w.exhaustedAt(now))
			.map(Window::reset)
			.max(Instant::compareTo);
	}

	/** After a 429: the latest reset among the used-up windows, else x-rate-limit-reset, else Retry-After. */
	Instant resetAfterRefusal(UUID connectionId, String endpoint, XAnswer answer) {
		record(connectionId, endpoint, answer);
		Instant now = clock.instant();
		return blockedUntil(connectionId, endpoint)
			.or(() -> answer.epochHeader("x-rate-limit-reset").filter(reset -> reset.isAfter(now)))
			.or(() -> answer.response().retryAfter(now))
			.orElse(now.plus(FALLBACK));
	}

	private static Optional<Window> window(XAnswer answer, String prefix) {
		Optional<Integer> remaining = answer.intHeader(prefix + "-remaining");
		Optional<Instant> reset = answer.epochHeader(prefix + "-reset");
		return remaining.isPresent() && reset.isPresent() ? Optional.of(new Window(remaining.get(), reset.get())) : Optional.empty();
	}

	private static String userKey(UUID connectionId, String endpoint) {
		return connectionId + " " + endpoint;
	}

	private static String appKey(String endpoint) {
		return "app " + endpoint;
	}
}
