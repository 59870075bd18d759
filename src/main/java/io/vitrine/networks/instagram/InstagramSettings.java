package io.vitrine.networks.instagram;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator's Meta app for Instagram professional accounts, reached through Facebook Login
 * (vitrine.networks.instagram.*). It may be the same app as Facebook Pages'; without an app id and secret,
 * Instagram is not offered.
 *
 * @param clientId the App ID (VITRINE_INSTAGRAM_APP_ID)
 * @param clientSecret the App Secret (VITRINE_INSTAGRAM_APP_SECRET)
 * @param version the Graph API version in every path (VITRINE_INSTAGRAM_GRAPH_VERSION)
 * @param authorizationUri Facebook Login's dialog
 * @param graphUrl the Graph API base URL, also the token endpoint's host
 */
@ConfigurationProperties("vitrine.networks.instagram")
record InstagramSettings(String clientId, String clientSecret, String version, String authorizationUri, String graphUrl) {

	/** https://developers.facebook.com/docs/graph-api/changelog */
	static final String VERSION = "v24.0";

	InstagramSettings {
		clientId = blankToNull(clientId);
		clientSecret = blankToNull(clientSecret);
		version = orDefault(version, VERSION);
		if (!version.matches("v\\d{1,2}\\.\\d")) {
			throw new IllegalArgumentException("vitrine.networks.instagram.version must look like " + VERSION + ": " + version);
		}
		graphUrl = orDefault(graphUrl, "https://graph.facebook.com").replaceFirst("/$", "");
		// https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow ("Invoking the Login Dialog")
		authorizationUri = orDefault(authorizationUri, "https://www.facebook.com/" + version + "/dialog/oauth");
	}

	boolean configured() {
		return clientId != null && clientSecret != null;
	}

	/** The manual flow's "Exchanging Code for an Access Token". */
	String tokenUri() {
		return graphUrl + "/" + version + "/oauth/access_token";
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String orDefault(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value.strip();
	}

	@Override
	public String toString() {
		return "InstagramSettings[appId=" + clientId + ", secret " + (clientSecret == null ? "absent" : "hidden") + ", "
				+ version + ", " + authorizationUri + ", " + graphUrl + "]";
	}
}
