package io.vitrine.networks.pinterest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator's Pinterest app (vitrine.networks.pinterest.*). Without an app id, Pinterest is not offered.
 *
 * @param clientId the App ID from developers.pinterest.com/apps (VITRINE_PINTEREST_APP_ID)
 * @param clientSecret the app secret key (VITRINE_PINTEREST_APP_SECRET)
 * @param authorizationUri where people approve Vitrine
 * @param tokenUri where codes and refresh tokens are exchanged
 * @param apiUrl the API v5 base URL, {@code /v5} included
 */
@ConfigurationProperties("vitrine.networks.pinterest")
record PinterestSettings(String clientId, String clientSecret, String authorizationUri, String tokenUri, String apiUrl) {

	/** securitySchemes.pinterest_oauth2 of the official description (pinterest-v5-openapi.json). */
	static final String AUTHORIZATION_URI = "https://www.pinterest.com/oauth/";

	/** Same place: tokenUrl. */
	static final String TOKEN_URI = "https://api.pinterest.com/v5/oauth/token";

	/** servers[0] of the official description. */
	static final String API_URL = "https://api.pinterest.com/v5";

	PinterestSettings {
		clientId = blankToNull(clientId);
		clientSecret = blankToNull(clientSecret);
		authorizationUri = orDefault(authorizationUri, AUTHORIZATION_URI);
		tokenUri = orDefault(tokenUri, TOKEN_URI);
		apiUrl = strip(orDefault(apiUrl, API_URL));
	}

	boolean configured() {
		return clientId != null && clientSecret != null;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String orDefault(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value.strip();
	}

	private static String strip(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	@Override
	public String toString() {
		return "PinterestSettings[clientId=" + clientId + ", secret " + (clientSecret == null ? "absent" : "hidden") + ", "
				+ authorizationUri + ", " + tokenUri + ", " + apiUrl + "]";
	}
}
