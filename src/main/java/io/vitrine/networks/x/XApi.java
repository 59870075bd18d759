package io.vitrine.networks.x;

import io.vitrine.outbound.OutboundHttp;
import io.vitrine.outbound.OutboundRequest;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The X API v2 operations Vitrine uses, as the official description (x-api-v2-openapi.json)
 * names them. Every answer is returned whole; callers decide what a status means to them.
 */
@Component
class XApi {

	static final String USERS_ME = "/2/users/me";

	static final String POSTS = "/2/tweets";

	/** The endpoint reconciliation reads (its rate-limit window is its own). */
	static final String USER_POSTS = "/2/users/:id/tweets";

	static final String MEDIA_UPLOAD = "/2/media/upload";

	static final String MEDIA_METADATA = "/2/media/metadata";

	/** The most posts one page of a user's timeline holds (max_results: 5 to 100). */
	static final int PAGE = 100;

	private final OutboundHttp http;

	private final XSettings settings;

	private final JsonMapper json = JsonMapper.builder().build();

	XApi(OutboundHttp http, XSettings settings) {
		this.http = http;
		this.settings = settings;
	}

	/** getUsersMe: id, name and username are the default fields. */
	XAnswer me(String token) {
		return send(OutboundRequest.get(url(USERS_ME)).bearer(token));
	}

	/** createPosts: text, and media ids when there are any. */
	XAnswer createPost(String token, String text, List<String> mediaIds) {
		return createPost(token, text, mediaIds, null);
	}

	/** createPosts, as a reply to {@code replyTo} when given (the next post of a thread). */
	XAnswer createPost(String token, String text, List<String> mediaIds, String replyTo) {
		return createPost(token, text, mediaIds, replyTo, List.of(), null);
	}

	/** With a poll when {@code pollOptions} is not empty (CreatePostsPoll: options, duration_minutes). */
	XAnswer createPost(String token, String text, List<String> mediaIds, String replyTo, List<String> pollOptions,
			java.time.Duration pollOpenFor) {
		ObjectNode body = json.createObjectNode();
		body.put("text", text);
		if (!mediaIds.isEmpty()) {
			mediaIds.forEach(body.putObject("media").putArray("media_ids")::add);
		}
		if (replyTo != null) {
			body.putObject("reply").put("in_reply_to_tweet_id", digits(replyTo));
		}
		if (!pollOptions.isEmpty()) {
			ObjectNode poll = body.putObject("poll");
			pollOptions.forEach(poll.putArray("options")::add);
			poll.put("duration_minutes", pollOpenFor.toMinutes());
		}
		return send(OutboundRequest.post(url(POSTS)).bearer(token).json(json.writeValueAsString(body)));
	}

	/** mediaUpload: a whole image in one multipart request. */
	XAnswer uploadImage(String token, String fileName, String contentType, byte[] content) {
		return send(OutboundRequest.post(url(MEDIA_UPLOAD)).bearer(token).multipart(List.of(
				OutboundRequest.Part.file("media", fileName, contentType, content),
				OutboundRequest.Part.text("media_category", "tweet_image"))));
	}

	/** initializeMediaUpload: the first step of a chunked upload (GIFs, and videos later). */
	XAnswer initializeUpload(String token, String mediaType, long totalBytes, String category) {
		ObjectNode body = json.createObjectNode();
		body.put("media_type", mediaType);
		body.put("total_bytes", totalBytes);
		body.put("media_category", category);
		return send(OutboundRequest.post(url(MEDIA_UPLOAD + "/initialize")).bearer(token).json(json.writeValueAsString(body)));
	}

	XAnswer appendUpload(String token, String mediaId, int segment, byte[] chunk) {
		return send(OutboundRequest.post(url(MEDIA_UPLOAD + "/" + digits(mediaId) + "/append")).bearer(token).multipart(List.of(
				OutboundRequest.Part.file("media", "chunk-" + segment, "application/octet-stream", chunk),
				OutboundRequest.Part.text("segment_index", Integer.toString(segment)))));
	}

	XAnswer finalizeUpload(String token, String mediaId) {
		return send(OutboundRequest.post(url(MEDIA_UPLOAD + "/" + digits(mediaId) + "/finalize")).bearer(token));
	}

	/** getMediaUploadStatus, while X processes an upload. */
	XAnswer uploadStatus(String token, String mediaId) {
		return send(OutboundRequest.get(url(MEDIA_UPLOAD)).query("media_id", digits(mediaId)).query("command", "STATUS")
			.bearer(token));
	}

	/** createMediaMetadata: the alt text of an image. */
	XAnswer altText(String token, String mediaId, String text) {
		ObjectNode body = json.createObjectNode();
		body.put("id", digits(mediaId));
		body.putObject("metadata").putObject("alt_text").put("text", text);
		return send(OutboundRequest.post(url(MEDIA_METADATA)).bearer(token).json(json.writeValueAsString(body)));
	}

	/**
	 * getUsersPosts: the account's own posts since {@code since}, newest first, without replies and
	 * reposts, with their creation time and attachments.
	 */
	XAnswer userPosts(String token, String userId, Instant since, String paginationToken) {
		OutboundRequest.Builder request = OutboundRequest.get(url("/2/users/" + digits(userId) + "/tweets"))
			.query("max_results", Integer.toString(PAGE))
			.query("start_time", since.truncatedTo(ChronoUnit.SECONDS).toString())
			.query("exclude", "replies,retweets")
			.query("post.fields", "created_at,attachments");
		if (paginationToken != null) {
			request.query("pagination_token", paginationToken);
		}
		return send(request.bearer(token));
	}

	/** The account's posts after {@code sinceId}, replies included, each with its conversation (a thread's progress). */
	XAnswer userPostsAfter(String token, String userId, String sinceId, String paginationToken) {
		OutboundRequest.Builder request = OutboundRequest.get(url("/2/users/" + digits(userId) + "/tweets"))
			.query("max_results", Integer.toString(PAGE))
			.query("since_id", digits(sinceId))
			.query("exclude", "retweets")
			.query("post.fields", "created_at,conversation_id");
		if (paginationToken != null) {
			request.query("pagination_token", paginationToken);
		}
		return send(request.bearer(token));
	}

	private XAnswer send(OutboundRequest.Builder request) {
		return XAnswer.of(http.send(request.build()));
	}

	private String url(String path) {
		return settings.apiUrl() + path;
	}

	/** X ids are decimal strings; anything else would change the path. */
	private static String digits(String id) {
		if (id == null || !id.matches("[0-9]{1,19}")) {
			throw new IllegalArgumentException("not an X id: " + id);
		}
		return id;
	}
}
