package io.vitrine.networks.linkedin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * When a 429 from LinkedIn ends. LinkedIn sends no reset header: its member and application limits
 * are daily and "reset at midnight UTC"
 * (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/rate-limits). A Retry-After,
 * when one comes, is honoured instead.
 */
final class LinkedInRateLimit {

	private LinkedInRateLimit() {
	}

	static Instant resetAfter(LinkedInAnswer refusal, Instant now) {
		return refusal.response().retryAfter(now)
			.orElseGet(() -> now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
			.truncatedTo(ChronoUnit.SECONDS);
	}
}
