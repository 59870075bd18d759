package io.vitrine.networks.youtube;

import io.vitrine.outbound.OutboundHttp;
import io.vitrine.outbound.OutboundRequest;
import io.vitrine.outbound.OutboundResponse;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The YouTube Data API v3 calls Vitrine makes, as Google's reference names them. */
@Component
class YouTubeApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final OutboundHttp http;

	private final YouTubeSettings settings;

	YouTubeApi(OutboundHttp http, YouTubeSettings settings) {
		this.http = http;
		this.settings = settings;
	}

	/** https://developers.google.com/youtube/v3/docs/channels/list (mine=true: the channels the token may act as) */
	GoogleAnswer myChannels(String token) {
		return send(OutboundRequest.get(settings.apiUrl() + "/youtube/v3/channels").query("part", "snippet,contentDetails")
			.query("mine", "true").bearer(token));
	}

	/** https://developers.google.com/youtube/v3/docs/channels/list (id: the channel's uploads playlist) */
	GoogleAnswer channel(String token, String channelId) {
		return send(OutboundRequest.get(settings.apiUrl() + "/youtube/v3/channels").query("part", "contentDetails")
			.query("id", channelId).bearer(token));
	}

	/** https://developers.google.com/youtube/v3/docs/playlistItems/list, newest first for the uploads playlist. */
	GoogleAnswer playlistItems(String token, String playlistId) {
		return send(OutboundRequest.get(settings.apiUrl() + "/youtube/v3/playlistItems").query("part", "snippet")
			.query("playlistId", playlistId).query("maxResults", "50").bearer(token));
	}

	/**
	 * Starts a resumable upload session (https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol):
	 * the video's metadata, its size and type; the session URI comes back in Location. Creates no video yet.
	 */
	OutboundResponse startUpload(String token, JsonNode video, long length, String contentType) {
		return http.send(OutboundRequest.post(settings.apiUrl() + "/upload/youtube/v3/videos")
			.query("uploadType", "resumable").query("part", "snippet,status").bearer(token)
			.header("X-Upload-Content-Length", Long.toString(length)).header("X-Upload-Content-Type", contentType)
			.bytes("application/json; charset=UTF-8", JSON.writeValueAsBytes(video)).build());
	}

	/** One part of the file: 308 Resume Incomplete with the Range kept so far, or 200/201 with the video resource. */
	OutboundResponse putPart(String token, String session, String contentType, byte[] part, long first, long total) {
		return http.send(OutboundRequest.of("PUT", session).bearer(token)
			.header("Content-Range", "bytes " + first + "-" + (first + part.length - 1) + "/" + total)
			.bytes(contentType, part).build());
	}

	/** "Check the status of a resumable upload": an empty PUT with {@code Content-Range: bytes *}/N. */
	OutboundResponse uploadStatus(String token, String session, long total) {
		return http.send(OutboundRequest.of("PUT", session).bearer(token).header("Content-Range", "bytes */" + total)
			.bytes("application/octet-stream", new byte[0]).repeatable().build());
	}

	private GoogleAnswer send(OutboundRequest.Builder request) {
		return GoogleAnswer.of(http.send(request.build()));
	}
}
