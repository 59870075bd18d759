package io.vitrine.networks.facebook;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator's Meta app (vitrine.networks.facebook.*). Without an app id, Facebook is not offered.
 *
 * @param clientId the App ID (App settings → Basic; VITRINE_FACEBOOK_APP_ID)
 * @param clientSecret the App Secret (VITRINE_FACEBOOK_APP_SECRET)
 * @param version the Graph API version in every path, such as v24.0 (VITRINE_FACEBOOK_GRAPH_VERSION)
 * @param authorizationUri Facebook Login's dialog
 * @param graphUrl the Graph API base URL, also the token endpoint's host
 */
@ConfigurationProperties("vitrine.networks.facebook")
record FacebookSettings(String clientId, String clientSecret, String version, String authorizationUri, String graphUrl) {

	/** A Graph API version Meta supports at the time of writing (https://developers.facebook.com/docs/graph-api/changelog). */
	static final String VERSION = "v24.0";

	static final String GRAPH_URL = "https://graph.facebook.com";

	FacebookSettings {
		clientId = blankToNull(clientId);
		clientSecret = blankToNull(clientSecret);
		version = orDefault(version, VERSION);
		if (!version.matches("v\\d{1,2}\\.\\d")) {
			throw new IllegalArgumentException("vitrine.networks.facebook.version must look like " + VERSION + ": " + version);
		}
		graphUrl = strip(orDefault(graphUrl, GRAPH_URL));
		// https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow ("Invoking the Login Dialog")
		authorizationUri = orDefault(authorizationUri, "https://www.facebook.com/" + version + "/dialog/oauth");
	}

	boolean configured() {
		return clientId != null && clientSecret != null;
	}

	/** The manual flow's "Exchanging Code for an Access Token": GET or POST /{version}/oauth/access_token. */
	String tokenUri() {
		return graphUrl + "/" + version + "/oauth/access_token";
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
		return "FacebookSettings[appId=" + clientId + ", secret " + (clientSecret == null ? "absent" : "hidden") + ", "
				+ version + ", " + authorizationUri + ", " + graphUrl + "]";
	}
}
