package io.vitrine.networks.mastodon;

import io.vitrine.outbound.OutboundResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When a 429 may be retried: Mastodon's X-RateLimit-Reset (ISO 8601) or a standard Retry-After
 * (seconds or an HTTP date), the later of the two when both are given.
 */
final class RateLimitReset {

	/** Mastodon's rate-limit window: used only when the answer says nothing. */
	static final Duration FALLBACK = Duration.ofMinutes(5);

	private RateLimitReset() {
	}

	static Instant of(OutboundResponse response, Clock clock) {
		Instant now = clock.instant();
		Optional<Instant> reset = response.header("X-RateLimit-Reset").flatMap(RateLimitReset::iso);
		Optional<Instant> retryAfter = response.retryAfter(now);
		if (reset.isPresent() && retryAfter.isPresent()) {
			return reset.get().isAfter(retryAfter.get()) ? reset.get() : retryAfter.get();
		}
		return reset.or(() -> retryAfter).orElse(now.plus(FALLBACK));
	}

	private static Optional<Instant> iso(String value) {
		try {
			return Optional.of(DateTimeFormatter.ISO_DATE_TIME.parse(value.strip(), ZonedDateTime::from).toInstant());
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}

}
