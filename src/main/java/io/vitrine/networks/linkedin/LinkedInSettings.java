package io.vitrine.networks.linkedin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator's LinkedIn app (vitrine.networks.linkedin.*). Without a client id, LinkedIn is not offered.
 *
 * @param clientId the app's Client ID (Auth tab of the LinkedIn developer portal; VITRINE_LINKEDIN_CLIENT_ID)
 * @param clientSecret its Primary Client Secret (VITRINE_LINKEDIN_CLIENT_SECRET)
 * @param pages whether to ask for the organization scopes (the app must have the Community Management
 *            API product); false connects members only
 * @param authorizationUri where people approve Vitrine
 * @param tokenUri where codes and refresh tokens are exchanged
 * @param apiUrl the LinkedIn API base URL
 * @param version the Linkedin-Version header (YYYYMM): LinkedIn keeps each monthly version for about a year
 */
@ConfigurationProperties("vitrine.networks.linkedin")
record LinkedInSettings(String clientId, String clientSecret, Boolean pages, String authorizationUri, String tokenUri,
		String apiUrl, String version) {

	/** https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow (step 2). */
	static final String AUTHORIZATION_URI = "https://www.linkedin.com/oauth/v2/authorization";

	/** Same page, step 3. */
	static final String TOKEN_URI = "https://www.linkedin.com/oauth/v2/accessToken";

	static final String API_URL = "https://api.linkedin.com";

	/**
	 * The latest version https://learn.microsoft.com/en-us/linkedin/marketing/versioning names (January 2026);
	 * "supported and stable for a minimum of one year before sunset". Set VITRINE_LINKEDIN_VERSION to move on.
	 */
	static final String VERSION = "202601";

	LinkedInSettings {
		clientId = blankToNull(clientId);
		clientSecret = blankToNull(clientSecret);
		pages = pages == null || pages;
		authorizationUri = orDefault(authorizationUri, AUTHORIZATION_URI);
		tokenUri = orDefault(tokenUri, TOKEN_URI);
		apiUrl = strip(orDefault(apiUrl, API_URL));
		version = orDefault(version, VERSION);
		if (!version.matches("20\\d{4}")) {
			throw new IllegalArgumentException("vitrine.networks.linkedin.version must be YYYYMM, such as " + VERSION
					+ ": " + version);
		}
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
		return "LinkedInSettings[clientId=" + clientId + ", secret " + (clientSecret == null ? "absent" : "hidden")
				+ ", pages=" + pages + ", " + authorizationUri + ", " + tokenUri + ", " + apiUrl + ", version " + version + "]";
	}
}
