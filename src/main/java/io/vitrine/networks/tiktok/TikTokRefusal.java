package io.vitrine.networks.tiktok;

import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.oauth.OAuthTokens;

import java.time.Duration;
import java.time.Instant;

/**
 * What a TikTok error means, by its error.code (https://developers.tiktok.com/doc/tiktok-api-v2-error-handling and
 * the Direct Post reference's error list), in the closed set every network shares.
 */
final class TikTokRefusal {

	/** rate_limit_exceeded counts requests per minute (6 a minute on init). */
	static final Duration RATE_WINDOW = Duration.ofMinutes(1);

	/** The daily caps (spam_risk_too_many_posts, reached_active_user_cap) give no reset time: asked again in an hour. */
	static final Duration DAILY_CAP_RETRY = Duration.ofHours(1);

	private TikTokRefusal() {
	}

	/**
	 * @param mayExist whether the refused request could have created a post (a photo init TikTok may have taken)
	 * @throws OAuthTokens.TokenRejected for access_token_invalid (HTTP 401), so the token is refreshed once, then the
	 *     connection asks its owner to reconnect
	 */
	static PublishOutcome outcome(TikTokAnswer answer, boolean mayExist, Instant now) {
		String code = answer.code();
		return switch (code) {
			case "access_token_invalid" -> throw new OAuthTokens.TokenRejected("TikTok refused the access token: " + answer.message());
			case "scope_not_authorized", "scope_permission_missed" -> new PublishOutcome.Reauthorize(
					"TikTok says the account did not grant Vitrine the permission to post (" + answer.message()
							+ "); reconnect it and allow posting");
			case "rate_limit_exceeded" -> new PublishOutcome.RateLimited(now.plus(RATE_WINDOW),
					"TikTok's rate limit was reached (" + answer.message() + "); nothing was posted");
			case "spam_risk_too_many_posts", "spam_risk_too_many_pending_share", "reached_active_user_cap" ->
				new PublishOutcome.RateLimited(now.plus(DAILY_CAP_RETRY), "TikTok's daily posting cap is reached ("
						+ answer.message() + "); nothing was posted");
			case "privacy_level_option_mismatch" -> new PublishOutcome.Rejected("TikTok refused the privacy level: it is not "
					+ "among those this account may use (" + answer.message() + "). Nothing was posted.");
			case "unaudited_client_can_only_post_to_private_accounts" -> new PublishOutcome.Rejected("This TikTok app is not "
					+ "audited yet, so TikTok only takes posts with the privacy level SELF_ONLY (" + answer.message() + ").");
			case "url_ownership_unverified" -> new PublishOutcome.Rejected("TikTok refused to fetch the media: the domain of "
					+ "Vitrine's base URL is not verified in the TikTok app (" + answer.message() + ").");
			default -> {
				if (answer.serverError()) {
					yield mayExist ? new PublishOutcome.Unknown("TikTok answered " + answer.message() + "; the post may or may not exist")
							: new PublishOutcome.Transient("TikTok answered " + answer.message() + "; nothing was posted");
				}
				yield new PublishOutcome.Rejected("TikTok refused the post: " + answer.message());
			}
		};
	}
}
