package io.vitrine.networks.tiktok;

import io.vitrine.outbound.OutboundHttp;
import io.vitrine.outbound.OutboundRequest;
import io.vitrine.outbound.OutboundResponse;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The TikTok API v2 calls Vitrine makes, as TikTok's developer documentation names them. */
@Component
class TikTokApi {

	static final String JSON_UTF8 = "application/json; charset=UTF-8";

	private final OutboundHttp http;

	private final TikTokSettings settings;

	TikTokApi(OutboundHttp http, TikTokSettings settings) {
		this.http = http;
		this.settings = settings;
	}

	/** https://developers.tiktok.com/doc/oauth-user-access-token-management (authorization_code and refresh_token grants) */
	TikTokAnswer token(Map<String, String> grant) {
		Map<String, List<String>> form = new LinkedHashMap<>();
		form.put("client_key", List.of(settings.clientKey()));
		form.put("client_secret", List.of(settings.clientSecret()));
		grant.forEach((name, value) -> form.put(name, List.of(value)));
		return send(OutboundRequest.post(settings.tokenUri()).header("Cache-Control", "no-cache").form(form));
	}

	/** https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info (user.info.basic) */
	TikTokAnswer userInfo(String token) {
		return send(OutboundRequest.get(settings.apiUrl() + "/v2/user/info/").query("fields", "open_id,avatar_url,display_name")
			.bearer(token));
	}

	/** https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info/ */
	TikTokAnswer creatorInfo(String token) {
		return send(OutboundRequest.post(settings.apiUrl() + "/v2/post/publish/creator_info/query/").bearer(token)
			.bytes(JSON_UTF8, new byte[0]));
	}

	/** https://developers.tiktok.com/doc/content-posting-api-reference-direct-post (video) */
	TikTokAnswer initVideo(String token, JsonNode body) {
		return send(OutboundRequest.post(settings.apiUrl() + "/v2/post/publish/video/init/").bearer(token)
			.bytes(JSON_UTF8, bytes(body)));
	}

	/** https://developers.tiktok.com/doc/content-posting-api-reference-photo-post */
	TikTokAnswer initContent(String token, JsonNode body) {
		return send(OutboundRequest.post(settings.apiUrl() + "/v2/post/publish/content/init/").bearer(token)
			.bytes(JSON_UTF8, bytes(body)));
	}

	/**
	 * One chunk PUT to the upload_url init returned (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide):
	 * Content-Range {@code bytes first-last/total}; 206 while parts remain, 201 once the file is whole. The address is
	 * TikTok's, from its own answer; it carries its upload token, so no Authorization header.
	 */
	OutboundResponse uploadChunk(String uploadUrl, String contentType, byte[] chunk, long first, long total) {
		return http.send(OutboundRequest.of("PUT", uploadUrl)
			.header("Content-Range", "bytes " + first + "-" + (first + chunk.length - 1) + "/" + total)
			.bytes(contentType, chunk)
			.build());
	}

	/** https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status */
	TikTokAnswer status(String token, String publishId) {
		return send(OutboundRequest.post(settings.apiUrl() + "/v2/post/publish/status/fetch/").bearer(token)
			.bytes(JSON_UTF8, bytes(TikTokJson.object().put("publish_id", publishId))).repeatable());
	}

	/** https://developers.tiktok.com/doc/tiktok-api-v2-video-list (video.list), newest first. */
	TikTokAnswer videoList(String token) {
		return send(OutboundRequest.post(settings.apiUrl() + "/v2/video/list/")
			.query("fields", "id,title,video_description,create_time,share_url").bearer(token)
			.bytes(JSON_UTF8, bytes(TikTokJson.object().put("max_count", 20))).repeatable());
	}

	private TikTokAnswer send(OutboundRequest.Builder request) {
		return TikTokAnswer.of(http.send(request.build()));
	}

	private static byte[] bytes(JsonNode body) {
		return TikTokJson.write(body);
	}
}
