package io.vitrine.networks.x;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator's X app (vitrine.networks.x.*). Without a client id, X is not offered.
 *
 * @param clientId OAuth 2.0 Client ID from the app's "Keys and tokens" page (VITRINE_X_CLIENT_ID)
 * @param clientSecret its Client Secret (VITRINE_X_CLIENT_SECRET); empty for a public ("native") app
 * @param authorizationUri where people approve Vitrine
 * @param tokenUri where codes and refresh tokens are exchanged
 * @param apiUrl the X API v2 base URL
 */
@ConfigurationProperties("vitrine.networks.x")
record XSettings(String clientId, String clientSecret, String authorizationUri, String tokenUri, String apiUrl) {

	/** https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/authorization-code */
	static final String AUTHORIZATION_URI = "https://x.com/i/oauth2/authorize";

	/** The token URL of the official API description (x-api-v2-openapi.json, securitySchemes.OAuth2UserToken). */
	static final String TOKEN_URI = "https://api.x.com/2/oauth2/token";

	/** servers[0] of the official API description. */
	static final String API_URL = "https://api.x.com";

	XSettings {
		clientId = blankToNull(clientId);
		clientSecret = blankToNull(clientSecret);
		authorizationUri = orDefault(authorizationUri, AUTHORIZATION_URI);
		tokenUri = orDefault(tokenUri, TOKEN_URI);
		apiUrl = strip(orDefault(apiUrl, API_URL));
	}

	boolean configured() {
		return clientId != null;
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
		return "XSettings[clientId=" + clientId + ", secret " + (clientSecret == null ? "absent" : "hidden") + ", "
				+ authorizationUri + ", " + tokenUri + ", " + apiUrl + "]";
	}
}
