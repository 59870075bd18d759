package io.vitrine.networks.youtube;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator's Google Cloud project (vitrine.networks.youtube.*): an OAuth client of type "Web application" with the
 * YouTube Data API v3 enabled. Without both the client id and secret, YouTube is not offered.
 *
 * @param clientId the OAuth client id (VITRINE_YOUTUBE_CLIENT_ID)
 * @param clientSecret the OAuth client secret (VITRINE_YOUTUBE_CLIENT_SECRET)
 * @param authorizationUri Google's authorization endpoint, https://accounts.google.com/o/oauth2/v2/auth
 * @param tokenUri Google's token endpoint, https://oauth2.googleapis.com/token
 * @param apiUrl https://www.googleapis.com, host of the Data API and of its upload endpoint
 * @param dailyQuotaUnits the project's daily quota (10,000 units by default; Google may grant more on request)
 * @param uploadCostUnits what one videos.insert costs (1,600 units in the quota calculator)
 * @param categoryId the category of uploaded videos ("22", People &amp; Blogs)
 * @param chunkBytes size of each upload part; a multiple of 256 KiB as the resumable protocol asks
 */
@ConfigurationProperties("vitrine.networks.youtube")
record YouTubeSettings(String clientId, String clientSecret, String authorizationUri, String tokenUri, String apiUrl,
		Integer dailyQuotaUnits, Integer uploadCostUnits, String categoryId, Integer chunkBytes) {

	static final int CHUNK_GRANULE = 256 * 1024;

	YouTubeSettings {
		clientId = blankToNull(clientId);
		clientSecret = blankToNull(clientSecret);
		// https://developers.google.com/identity/protocols/oauth2/web-server
		authorizationUri = orDefault(authorizationUri, "https://accounts.google.com/o/oauth2/v2/auth");
		tokenUri = orDefault(tokenUri, "https://oauth2.googleapis.com/token");
		apiUrl = orDefault(apiUrl, "https://www.googleapis.com").replaceFirst("/$", "");
		// https://developers.google.com/youtube/v3/determine_quota_cost
		dailyQuotaUnits = dailyQuotaUnits == null ? 10_000 : dailyQuotaUnits;
		uploadCostUnits = uploadCostUnits == null ? 1_600 : uploadCostUnits;
		categoryId = orDefault(categoryId, "22");
		chunkBytes = chunkBytes == null ? 32 * CHUNK_GRANULE : chunkBytes;
		if (dailyQuotaUnits < uploadCostUnits || uploadCostUnits <= 0) {
			throw new IllegalArgumentException("vitrine.networks.youtube.daily-quota-units must allow at least one upload of "
					+ "upload-cost-units: " + dailyQuotaUnits + " / " + uploadCostUnits);
		}
		if (chunkBytes <= 0 || chunkBytes % CHUNK_GRANULE != 0) {
			throw new IllegalArgumentException("vitrine.networks.youtube.chunk-bytes must be a multiple of 262144: " + chunkBytes);
		}
		if (!categoryId.matches("\\d{1,3}")) {
			throw new IllegalArgumentException("vitrine.networks.youtube.category-id must be a YouTube category number: " + categoryId);
		}
	}

	boolean configured() {
		return clientId != null && clientSecret != null;
	}

	/** Uploads a day the project's quota allows. */
	int dailyUploads() {
		return dailyQuotaUnits / uploadCostUnits;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String orDefault(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value.strip();
	}

	@Override
	public String toString() {
		return "YouTubeSettings[clientId=" + clientId + ", secret " + (clientSecret == null ? "absent" : "hidden") + ", "
				+ apiUrl + ", " + dailyQuotaUnits + "/" + uploadCostUnits + " units]";
	}
}
