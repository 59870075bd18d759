package io.vitrine.networks.pinterest;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Pinterest's rate limits as its answers report them, consulted before sending so that a Pin that would be
 * refused is held back instead. The limits are counted per user and app in categories (Pin creation is
 * org_write, the x-ratelimit-category of pins/create; https://developers.pinterest.com/docs/reference/rate-limits/);
 * the official description names no header for them, so Vitrine reads what answers carry when they carry it
 * ({@code x-ratelimit-remaining}, {@code x-ratelimit-reset} in seconds, Retry-After) and otherwise learns from
 * a 429. Kept in memory: a restarted node learns again from the next answer.
 */
@Component
class PinterestRateLimits {

	/** The categories are counted per minute for Standard access; a 429 naming no reset waits that long. */
	static final Duration FALLBACK = Duration.ofMinutes(1);

	private final ConcurrentMap<UUID, Instant> blocked = new ConcurrentHashMap<>();

	private final Clock clock;

	PinterestRateLimits(Clock clock) {
		this.clock = clock;
	}

	/** Remembers a used-up window an answer reports for this account (remaining 0 with a reset). */
	void record(UUID connectionId, PinterestAnswer answer) {
		Optional<Long> remaining = answer.seconds("x-ratelimit-remaining");
		Optional<Long> reset = answer.seconds("x-ratelimit-reset");
		if (remaining.isPresent() && remaining.get() == 0 && reset.isPresent()) {
			blocked.put(connectionId, clock.instant().plusSeconds(reset.get()));
		}
	}

	/** After a 429: when this account may create a Pin again. */
	Instant refused(UUID connectionId, PinterestAnswer answer) {
		Instant until = answer.retryAt(clock.instant(), FALLBACK);
		blocked.put(connectionId, until);
		return until;
	}

	/** When this account may create a Pin again, if a known window is used up. */
	Optional<Instant> blockedUntil(UUID connectionId) {
		Instant until = blocked.get(connectionId);
		if (until == null || !until.isAfter(clock.instant())) {
			return Optional.empty();
		}
		return Optional.of(until);
	}
}
