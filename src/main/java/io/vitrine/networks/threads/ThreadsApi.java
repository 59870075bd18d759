package io.vitrine.networks.threads;

import io.vitrine.networks.meta.GraphAnswer;
import io.vitrine.outbound.OutboundHttp;
import io.vitrine.outbound.OutboundRequest;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Threads API calls Vitrine makes, on graph.threads.net, as Meta's Threads documentation names them. Errors
 * have the Graph API's shape. The token goes in the Authorization header, except where the token endpoints take it
 * as their documented parameter (exchange, refresh).
 */
@Component
class ThreadsApi {

	private final OutboundHttp http;

	private final ThreadsSettings settings;

	ThreadsApi(OutboundHttp http, ThreadsSettings settings) {
		this.http = http;
		this.settings = settings;
	}

	/** A 60-day token for the one-hour one (https://developers.facebook.com/docs/threads/get-started/long-lived-tokens). */
	GraphAnswer longLivedToken(String shortLived) {
		return send(OutboundRequest.get(settings.apiUrl() + "/access_token").query("grant_type", "th_exchange_token")
			.query("client_secret", settings.clientSecret()).query("access_token", shortLived));
	}

	/** A long-lived token renewed for 60 more days; it must be at least a day old and not expired (same page). */
	GraphAnswer refreshToken(String longLived) {
		return send(OutboundRequest.get(settings.apiUrl() + "/refresh_access_token").query("grant_type", "th_refresh_token")
			.query("access_token", longLived));
	}

	/** https://developers.facebook.com/docs/threads/threads-profiles */
	GraphAnswer me(String token) {
		return send(OutboundRequest.get(url("/me")).query("fields", "id,username,name").bearer(token));
	}

	/** https://developers.facebook.com/docs/threads/posts (step 1: create a media container) */
	GraphAnswer createContainer(String token, String userId, Map<String, String> fields) {
		Map<String, List<String>> form = new LinkedHashMap<>();
		fields.forEach((name, value) -> form.put(name, List.of(value)));
		return send(OutboundRequest.post(url("/" + id(userId) + "/threads")).bearer(token).form(form));
	}

	/** https://developers.facebook.com/docs/threads/troubleshooting#publishing-does-not-return-a-media-id */
	GraphAnswer containerStatus(String token, String containerId) {
		return send(OutboundRequest.get(url("/" + id(containerId))).query("fields", "status,error_message").bearer(token));
	}

	/** https://developers.facebook.com/docs/threads/posts (step 2: publish the container) */
	GraphAnswer publish(String token, String userId, String containerId) {
		return send(OutboundRequest.post(url("/" + id(userId) + "/threads_publish")).bearer(token)
			.form(Map.of("creation_id", List.of(id(containerId)))));
	}

	/** https://developers.facebook.com/docs/threads/threads-media */
	GraphAnswer permalink(String token, String mediaId) {
		return send(OutboundRequest.get(url("/" + id(mediaId))).query("fields", "id,permalink").bearer(token));
	}

	/** https://developers.facebook.com/docs/threads/troubleshooting#rate-limiting (threads_publishing_limit) */
	GraphAnswer publishingLimit(String token, String userId) {
		return send(OutboundRequest.get(url("/" + id(userId) + "/threads_publishing_limit")).query("fields", "quota_usage,config")
			.bearer(token));
	}

	/** The profile's latest posts, newest first (https://developers.facebook.com/docs/threads/threads-media). */
	GraphAnswer recentPosts(String token, String userId) {
		return send(OutboundRequest.get(url("/" + id(userId) + "/threads")).query("fields", "id,text,timestamp,permalink")
			.query("limit", "50").bearer(token));
	}

	private GraphAnswer send(OutboundRequest.Builder request) {
		return GraphAnswer.of(http.send(request.build()));
	}

	private String url(String path) {
		return settings.apiUrl() + "/" + settings.version() + path;
	}

	/** Threads ids are decimal; anything else would change the path. */
	private static String id(String id) {
		if (id == null || !id.matches("\\d{1,24}")) {
			throw new IllegalArgumentException("not a Threads id: " + id);
		}
		return id;
	}
}
