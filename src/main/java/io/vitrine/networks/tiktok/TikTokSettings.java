package io.vitrine.networks.tiktok;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator's TikTok app (vitrine.networks.tiktok.*): an app on developers.tiktok.com with Login Kit and the
 * Content Posting API (Direct Post). Without both the client key and secret, TikTok is not offered.
 *
 * @param clientKey the app's client key (VITRINE_TIKTOK_CLIENT_KEY)
 * @param clientSecret the app's client secret (VITRINE_TIKTOK_CLIENT_SECRET)
 * @param authorizationUri Login Kit for Web's authorization window, https://www.tiktok.com/v2/auth/authorize/
 * @param apiUrl open.tiktokapis.com, also the token endpoint's host
 */
@ConfigurationProperties("vitrine.networks.tiktok")
record TikTokSettings(String clientKey, String clientSecret, String authorizationUri, String apiUrl) {

	TikTokSettings {
		clientKey = blankToNull(clientKey);
		clientSecret = blankToNull(clientSecret);
		// https://developers.tiktok.com/doc/login-kit-web
		authorizationUri = orDefault(authorizationUri, "https://www.tiktok.com/v2/auth/authorize/");
		apiUrl = orDefault(apiUrl, "https://open.tiktokapis.com").replaceFirst("/$", "");
	}

	boolean configured() {
		return clientKey != null && clientSecret != null;
	}

	/** https://developers.tiktok.com/doc/oauth-user-access-token-management */
	String tokenUri() {
		return apiUrl + "/v2/oauth/token/";
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String orDefault(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value.strip();
	}

	@Override
	public String toString() {
		return "TikTokSettings[clientKey=" + clientKey + ", secret " + (clientSecret == null ? "absent" : "hidden") + ", "
				+ authorizationUri + ", " + apiUrl + "]";
	}
}
