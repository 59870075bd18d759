package io.vitrine.networks.youtube;

import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.oauth.OAuthTokens;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What a YouTube Data API error means (https://developers.google.com/youtube/v3/docs/errors and videos.insert's
 * errors), in the closed set every network shares.
 */
final class YouTubeRefusal {

	/** "Daily quotas reset at midnight Pacific Time" (https://developers.google.com/youtube/v3/getting-started#quota). */
	static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

	private YouTubeRefusal() {
	}

	/** @throws OAuthTokens.TokenRejected for 401, so the token is refreshed once, then the owner asked to reconnect */
	static PublishOutcome outcome(GoogleAnswer answer, boolean mayExist, Instant now) {
		if (answer.status() == 401) {
			throw new OAuthTokens.TokenRejected("YouTube refused the access token: " + answer.message());
		}
		return switch (answer.reason()) {
			case "quotaExceeded", "uploadLimitExceeded", "dailyLimitExceeded" -> new PublishOutcome.RateLimited(
					nextPacificMidnight(now), "YouTube's daily limit is reached (" + answer.message() + "); nothing was uploaded");
			case "rateLimitExceeded", "userRateLimitExceeded" -> new PublishOutcome.RateLimited(now.plus(Duration.ofMinutes(1)),
					"YouTube asks to slow down (" + answer.message() + "); nothing was uploaded");
			case "insufficientPermissions", "forbidden" -> answer.status() == 403 && "insufficientPermissions".equals(answer.reason())
					? new PublishOutcome.Reauthorize("YouTube says Vitrine may not upload for this channel (" + answer.message()
							+ "); reconnect it and allow uploads")
					: new PublishOutcome.Rejected("YouTube refused the upload: " + answer.message());
			default -> {
				if (answer.status() >= 500) {
					yield mayExist ? new PublishOutcome.Unknown("YouTube answered " + answer.message())
							: new PublishOutcome.Transient("YouTube answered " + answer.message() + "; nothing was uploaded");
				}
				yield new PublishOutcome.Rejected("YouTube refused the upload: " + answer.message());
			}
		};
	}

	static Instant nextPacificMidnight(Instant now) {
		LocalDate today = now.atZone(PACIFIC).toLocalDate();
		return today.plusDays(1).atStartOfDay(PACIFIC).toInstant();
	}
}
