package io.vitrine.networks.instagram;

import io.vitrine.networks.meta.GraphAnswer;
import io.vitrine.outbound.OutboundHttp;
import io.vitrine.outbound.OutboundRequest;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Instagram Graph API calls Vitrine makes (Instagram API with Facebook Login, on graph.facebook.com), as
 * Meta's reference names them. The Page token goes in the Authorization header, never in the address.
 */
@Component
class InstagramApi {

	private final OutboundHttp http;

	private final InstagramSettings settings;

	InstagramApi(OutboundHttp http, InstagramSettings settings) {
		this.http = http;
		this.settings = settings;
	}

	/** https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived */
	GraphAnswer longLivedUserToken(String userToken) {
		return send(OutboundRequest.get(settings.tokenUri()).query("grant_type", "fb_exchange_token")
			.query("client_id", settings.clientId()).query("client_secret", settings.clientSecret())
			.query("fb_exchange_token", userToken));
	}

	/**
	 * The person's Pages with their Page token and connected Instagram professional account
	 * (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-facebook-login/get-started, step 3).
	 */
	GraphAnswer pages(String userToken) {
		return send(OutboundRequest.get(url("/me/accounts"))
			.query("fields", "id,name,access_token,instagram_business_account{id,username}").query("limit", "100")
			.bearer(userToken));
	}

	/** https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media#creating */
	GraphAnswer createContainer(String token, String igUserId, Map<String, String> fields) {
		Map<String, List<String>> form = new LinkedHashMap<>();
		fields.forEach((name, value) -> form.put(name, List.of(value)));
		return send(OutboundRequest.post(url("/" + id(igUserId) + "/media")).bearer(token).form(form));
	}

	/** https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container */
	GraphAnswer containerStatus(String token, String containerId) {
		return send(OutboundRequest.get(url("/" + id(containerId))).query("fields", "status_code,status").bearer(token));
	}

	/** https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media_publish */
	GraphAnswer publish(String token, String igUserId, String containerId) {
		return send(OutboundRequest.post(url("/" + id(igUserId) + "/media_publish")).bearer(token)
			.form(Map.of("creation_id", List.of(id(containerId)))));
	}

	/** https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media */
	GraphAnswer permalink(String token, String mediaId) {
		return send(OutboundRequest.get(url("/" + id(mediaId))).query("fields", "id,permalink").bearer(token));
	}

	/** https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/content_publishing_limit */
	GraphAnswer publishingLimit(String token, String igUserId) {
		return send(OutboundRequest.get(url("/" + id(igUserId) + "/content_publishing_limit"))
			.query("fields", "quota_usage,config").bearer(token));
	}

	/** The account's latest media, newest first (ig-user/media, "Reading"). */
	GraphAnswer recentMedia(String token, String igUserId) {
		return send(OutboundRequest.get(url("/" + id(igUserId) + "/media")).query("fields", "id,caption,timestamp,permalink")
			.query("limit", "50").bearer(token));
	}

	private GraphAnswer send(OutboundRequest.Builder request) {
		return GraphAnswer.of(http.send(request.build()));
	}

	private String url(String path) {
		return settings.graphUrl() + "/" + settings.version() + path;
	}

	/** Graph ids are decimal; anything else would change the path. */
	private static String id(String id) {
		if (id == null || !id.matches("\\d{1,24}")) {
			throw new IllegalArgumentException("not an Instagram id: " + id);
		}
		return id;
	}
}
