package io.vitrine.networks.pinterest;

import io.vitrine.networks.Channel;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.networks.oauth.OAuthTokens;
import io.vitrine.outbound.OutboundFailure;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * After an ambiguous send, reads the board's Pins (boards/list_pins, page by page with the bookmark) and looks
 * for the one Vitrine sent: created since the first attempt, same title, description and link.
 */
@Component
class PinterestFindPin {

	/** Clocks of Vitrine and of Pinterest may disagree a little; a Pin this much older still counts. */
	static final Duration SKEW = Duration.ofMinutes(2);

	static final int PAGES = 4;

	private static final Pattern SPACE = Pattern.compile("\\s+");

	private final PinterestApi api;

	private final OAuthTokens tokens;

	private final Clock clock;

	PinterestFindPin(PinterestApi api, OAuthTokens tokens, Clock clock) {
		this.api = api;
		this.tokens = tokens;
		this.clock = clock;
	}

	ReconcileOutcome find(Channel channel, PublishRequest request, Instant sentAt) {
		try {
			return tokens.call(channel, token -> search(channel, token, request.variant(), sentAt.minus(SKEW)));
		}
		catch (OAuthTokens.Problem problem) {
			return problem.outcome() instanceof PublishOutcome.Reauthorize r ? new ReconcileOutcome.Reauthorize(r.message())
					: new ReconcileOutcome.Inconclusive(problem.getMessage());
		}
	}

	private ReconcileOutcome search(Channel channel, String token, PostVariant variant, Instant since) {
		String bookmark = null;
		for (int page = 0; page < PAGES; page++) {
			PinterestAnswer answer;
			try {
				answer = api.boardPins(token, channel.remoteAccountId(), bookmark);
			}
			catch (OutboundFailure e) {
				return new ReconcileOutcome.Inconclusive("Could not read the board's Pins on Pinterest: " + e.getMessage());
			}
			if (answer.status() == 401) {
				throw new OAuthTokens.TokenRejected("Pinterest refused the access token: " + answer.message());
			}
			if (answer.status() == 429) {
				return new ReconcileOutcome.RateLimited(answer.retryAt(clock.instant(), PinterestRateLimits.FALLBACK),
						"Pinterest rate limit while reading the board: " + answer.message());
			}
			if (!answer.ok()) {
				return new ReconcileOutcome.Inconclusive("Pinterest answered HTTP " + answer.status()
						+ " to reading the board's Pins: " + answer.message());
			}
			for (JsonNode pin : answer.body().path("items")) {
				if (createdSince(pin, since) && same(pin, variant)) {
					String id = pin.path("id").asString();
					return new ReconcileOutcome.Found(id, PinterestConnector.pinUrl(id));
				}
			}
			bookmark = PinterestAnswer.text(answer.body(), "bookmark").orElse(null);
			if (bookmark == null) {
				return new ReconcileOutcome.NotFound();
			}
		}
		return new ReconcileOutcome.Inconclusive("The board holds more than " + PAGES * PinterestApi.PAGE
				+ " Pins and the one sent was not among the first; look at the board on Pinterest");
	}

	private static boolean createdSince(JsonNode pin, Instant since) {
		try {
			return !OffsetDateTime.parse(pin.path("created_at").asString("")).toInstant().isBefore(since);
		}
		catch (DateTimeParseException e) {
			return true; // no date to rule it out: the content decides
		}
	}

	private static boolean same(JsonNode pin, PostVariant variant) {
		return Objects.equals(comparable(pin.path("title").asString(null)), comparable(variant.field(PinterestRules.TITLE.name())))
				&& Objects.equals(comparable(pin.path("description").asString(null)), comparable(variant.text()))
				&& Objects.equals(comparable(pin.path("link").asString(null)), comparable(variant.link()));
	}

	/** Blank and absent are the same to Pinterest (it leaves optional fields out or null). */
	private static String comparable(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return SPACE.matcher(text).replaceAll(" ").strip();
	}
}
