package io.vitrine.networks.threads;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator's Threads app (vitrine.networks.threads.*): a Meta app with the "Access the Threads API" use case,
 * whose Threads app id and secret differ from the Meta App ID. Without both, Threads is not offered.
 *
 * @param clientId the Threads app ID (VITRINE_THREADS_APP_ID)
 * @param clientSecret the Threads app secret (VITRINE_THREADS_APP_SECRET)
 * @param version the Threads API version in every path, v1.0 (VITRINE_THREADS_API_VERSION)
 * @param authorizationUri the authorization window, https://threads.net/oauth/authorize
 * @param apiUrl graph.threads.net, also the token endpoint's host
 */
@ConfigurationProperties("vitrine.networks.threads")
record ThreadsSettings(String clientId, String clientSecret, String version, String authorizationUri, String apiUrl) {

	ThreadsSettings {
		clientId = blankToNull(clientId);
		clientSecret = blankToNull(clientSecret);
		version = orDefault(version, "v1.0");
		if (!version.matches("v\\d{1,2}\\.\\d")) {
			throw new IllegalArgumentException("vitrine.networks.threads.version must look like v1.0: " + version);
		}
		// https://developers.facebook.com/docs/threads/get-started/get-access-tokens-and-permissions
		authorizationUri = orDefault(authorizationUri, "https://threads.net/oauth/authorize");
		apiUrl = orDefault(apiUrl, "https://graph.threads.net").replaceFirst("/$", "");
	}

	boolean configured() {
		return clientId != null && clientSecret != null;
	}

	/** "Exchange the Code for a Token": POST /oauth/access_token, without a version. */
	String tokenUri() {
		return apiUrl + "/oauth/access_token";
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String orDefault(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value.strip();
	}

	@Override
	public String toString() {
		return "ThreadsSettings[appId=" + clientId + ", secret " + (clientSecret == null ? "absent" : "hidden") + ", "
				+ version + ", " + authorizationUri + ", " + apiUrl + "]";
	}
}
