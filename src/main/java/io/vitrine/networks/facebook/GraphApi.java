package io.vitrine.networks.facebook;

import io.vitrine.networks.meta.GraphAnswer;
import io.vitrine.outbound.OutboundHttp;
import io.vitrine.outbound.OutboundRequest;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Graph API calls Vitrine makes for Facebook Pages, as Meta's documentation names them. Tokens
 * go in the Authorization header, never in the address. Every answer is returned whole.
 */
@Component
class GraphApi {

	private final OutboundHttp http;

	private final FacebookSettings settings;

	GraphApi(OutboundHttp http, FacebookSettings settings) {
		this.http = http;
		this.settings = settings;
	}

	/**
	 * A long-lived (60-day) user token for a short-lived one; Page tokens read with it do not expire.
	 * https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived
	 */
	GraphAnswer longLivedUserToken(String userToken) {
		return send(OutboundRequest.get(settings.tokenUri()).query("grant_type", "fb_exchange_token")
			.query("client_id", settings.clientId()).query("client_secret", settings.clientSecret())
			.query("fb_exchange_token", userToken));
	}

	/** The Pages the person manages, each with its Page token and the person's tasks on it. */
	GraphAnswer pages(String userToken) {
		return send(OutboundRequest.get(url("/me/accounts")).query("fields", "id,name,access_token,tasks").query("limit", "100")
			.bearer(userToken));
	}

	/** https://developers.facebook.com/docs/graph-api/reference/page/feed/#publish */
	GraphAnswer feed(String pageToken, String pageId, String message, String link, List<String> photoIds) {
		Map<String, List<String>> form = new LinkedHashMap<>();
		if (message != null && !message.isEmpty()) {
			form.put("message", List.of(message));
		}
		if (link != null) {
			form.put("link", List.of(link));
		}
		for (int i = 0; i < photoIds.size(); i++) {
			form.put("attached_media[" + i + "]", List.of("{\"media_fbid\":\"" + photoIds.get(i) + "\"}"));
		}
		return send(OutboundRequest.post(url("/" + id(pageId) + "/feed")).bearer(pageToken).form(form));
	}

	/**
	 * https://developers.facebook.com/docs/graph-api/reference/page/photos/#publish: published with its
	 * caption (a photo post), or unpublished to be attached to a feed post.
	 */
	GraphAnswer photo(String pageToken, String pageId, String fileName, String contentType, byte[] bytes, String caption,
			boolean published) {
		List<OutboundRequest.Part> parts = new java.util.ArrayList<>();
		parts.add(OutboundRequest.Part.file("source", fileName, contentType, bytes));
		parts.add(OutboundRequest.Part.text("published", Boolean.toString(published)));
		if (published && caption != null && !caption.isEmpty()) {
			parts.add(OutboundRequest.Part.text("caption", caption));
		}
		return send(OutboundRequest.post(url("/" + id(pageId) + "/photos")).bearer(pageToken).multipart(parts));
	}

	/** https://developers.facebook.com/docs/graph-api/reference/page/videos/#Creating: Facebook fetches the file itself. */
	GraphAnswer video(String pageToken, String pageId, String fileUrl, String description) {
		Map<String, List<String>> form = new LinkedHashMap<>();
		form.put("file_url", List.of(fileUrl));
		if (description != null && !description.isEmpty()) {
			form.put("description", List.of(description));
		}
		return send(OutboundRequest.post(url("/" + id(pageId) + "/videos")).bearer(pageToken).form(form));
	}

	/** Where a video stands (https://developers.facebook.com/docs/graph-api/reference/video-status/) and its address. */
	GraphAnswer videoStatus(String pageToken, String videoId) {
		return send(OutboundRequest.get(url("/" + id(videoId))).query("fields", "id,status,permalink_url").bearer(pageToken));
	}

	/** The Page's videos since {@code since}, newest first (https://developers.facebook.com/docs/graph-api/reference/page/videos/#Reading). */
	GraphAnswer videos(String pageToken, String pageId, Instant since) {
		return send(OutboundRequest.get(url("/" + id(pageId) + "/videos"))
			.query("fields", "id,description,created_time,permalink_url").query("since", Long.toString(since.getEpochSecond()))
			.query("limit", "100").bearer(pageToken));
	}

	/** The Page's own posts since {@code since}, newest first. */
	GraphAnswer publishedPosts(String pageToken, String pageId, Instant since) {
		return send(OutboundRequest.get(url("/" + id(pageId) + "/published_posts"))
			.query("fields", "id,message,created_time").query("since", Long.toString(since.getEpochSecond()))
			.query("limit", "100").bearer(pageToken));
	}

	private GraphAnswer send(OutboundRequest.Builder request) {
		return GraphAnswer.of(http.send(request.build()));
	}

	private String url(String path) {
		return settings.graphUrl() + "/" + settings.version() + path;
	}

	/** Page and object ids are decimal; anything else would change the path. */
	private static String id(String id) {
		if (id == null || !id.matches("\\d{1,24}")) {
			throw new IllegalArgumentException("not a Facebook id: " + id);
		}
		return id;
	}
}
