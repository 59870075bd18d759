package io.vitrine.networks.gbp;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator's Google Cloud OAuth client for Google Business Profile (vitrine.networks.gbp.*). Without a client
 * id and secret, Google Business Profile is not offered.
 *
 * @param clientId the OAuth client ID of a "Web application" client (VITRINE_GBP_CLIENT_ID)
 * @param clientSecret its secret (VITRINE_GBP_CLIENT_SECRET)
 * @param authorizationUri Google's authorization endpoint
 * @param tokenUri Google's token endpoint
 * @param accountsUrl the My Business Account Management API
 * @param locationsUrl the My Business Business Information API
 * @param postsUrl the Google My Business API v4 (local posts)
 */
@ConfigurationProperties("vitrine.networks.gbp")
record GbpSettings(String clientId, String clientSecret, String authorizationUri, String tokenUri, String accountsUrl,
		String locationsUrl, String postsUrl) {

	/** https://developers.google.com/identity/protocols/oauth2/web-server (step 2). */
	static final String AUTHORIZATION_URI = "https://accounts.google.com/o/oauth2/v2/auth";

	/** Same page, step 5. */
	static final String TOKEN_URI = "https://oauth2.googleapis.com/token";

	/** https://developers.google.com/my-business/reference/accountmanagement/rest/v1/accounts/list */
	static final String ACCOUNTS_URL = "https://mybusinessaccountmanagement.googleapis.com";

	/** https://developers.google.com/my-business/reference/businessinformation/rest/v1/accounts.locations/list */
	static final String LOCATIONS_URL = "https://mybusinessbusinessinformation.googleapis.com";

	/** https://developers.google.com/my-business/reference/rest/v4/accounts.locations.localPosts/create */
	static final String POSTS_URL = "https://mybusiness.googleapis.com";

	GbpSettings {
		clientId = blankToNull(clientId);
		clientSecret = blankToNull(clientSecret);
		authorizationUri = orDefault(authorizationUri, AUTHORIZATION_URI);
		tokenUri = orDefault(tokenUri, TOKEN_URI);
		accountsUrl = strip(orDefault(accountsUrl, ACCOUNTS_URL));
		locationsUrl = strip(orDefault(locationsUrl, LOCATIONS_URL));
		postsUrl = strip(orDefault(postsUrl, POSTS_URL));
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
		return "GbpSettings[clientId=" + clientId + ", secret " + (clientSecret == null ? "absent" : "hidden") + ", "
				+ authorizationUri + ", " + tokenUri + ", " + accountsUrl + ", " + locationsUrl + ", " + postsUrl + "]";
	}
}
