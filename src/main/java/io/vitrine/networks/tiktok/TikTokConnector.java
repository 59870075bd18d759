package io.vitrine.networks.tiktok;

import io.vitrine.networks.Capability;
import io.vitrine.networks.Channel;
import io.vitrine.networks.NetworkConnector;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.PublishQuota;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.VariantField;
import io.vitrine.networks.Violation;
import io.vitrine.networks.medialinks.PublicMediaLinks;
import io.vitrine.networks.oauth.OAuthTokens;
import io.vitrine.outbound.AddressNotAllowed;
import io.vitrine.outbound.OutboundFailure;
import io.vitrine.outbound.OutboundResponse;
import io.vitrine.outbound.OutcomeUnknown;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Posts to a TikTok account through the Content Posting API's Direct Post
 * (https://developers.tiktok.com/doc/content-posting-api-reference-direct-post): the creator info first (which privacy
 * levels this account may use, its longest video, whether comments, duets and stitches are off), then the init of a
 * video (FILE_UPLOAD, sent in chunks to the upload_url) or of a photo post (PULL_FROM_URL from {@link PublicMediaLinks}),
 * which answers a publish_id: Pending, then the status fetch ({@link #checkPending}) until PUBLISH_COMPLETE or FAILED.
 *
 * <p>A video cannot be published before its last byte reaches TikTok, so everything up to the last chunk is safe to
 * retry; a lost answer to the last chunk is settled by the status fetch, since the publish_id is known by then.
 */
@Component
class TikTokConnector implements NetworkConnector {

	static final NetworkId ID = new NetworkId("tiktok");

	/** Direct Post reference, video/init: "Each user access_token is limited to 6 requests per minute." */
	static final PublishQuota INIT_RATE = new PublishQuota(6, Duration.ofMinutes(1), PublishQuota.Scope.ACCOUNT,
			"https://developers.tiktok.com/doc/content-posting-api-reference-direct-post");

	/** Get Post Status: processing takes from under half a minute (512 MB) to a few minutes; moderation about one. */
	static final Duration STATUS_CHECK = Duration.ofSeconds(30);

	/** Media transfer guide: files under 5 MB go whole; bigger ones in chunks of 5 to 64 MB, the last one taking the rest. */
	static final long WHOLE_BELOW = 5L * 1024 * 1024;

	static final long CHUNK = 10L * 1024 * 1024;

	private final TikTokApi api;

	private final TikTokFindPost findPost;

	private final PublicMediaLinks links;

	private final OAuthTokens tokens;

	private final Clock clock;

	TikTokConnector(TikTokApi api, TikTokFindPost findPost, PublicMediaLinks links, OAuthTokens tokens, Clock clock) {
		this.api = api;
		this.findPost = findPost;
		this.links = links;
		this.tokens = tokens;
		this.clock = clock;
	}

	@Override
	public NetworkId id() {
		return ID;
	}

	@Override
	public String displayName() {
		return TikTokRules.NETWORK;
	}

	@Override
	public Set<Capability> capabilities() {
		return EnumSet.of(Capability.PUBLISH, Capability.IMAGES, Capability.VIDEO, Capability.ASYNC_PUBLISH,
				Capability.RECONCILE);
	}

	@Override
	public Duration safeResendWindow() {
		return Duration.ZERO;
	}

	@Override
	public NetworkLimits defaultLimits() {
		return TikTokRules.LIMITS;
	}

	@Override
	public List<VariantField> variantFields() {
		return List.of(TikTokRules.PRIVACY);
	}

	@Override
	public List<PublishQuota> quotas() {
		return List.of(INIT_RATE);
	}

	@Override
	public VariantCheck validate(PostVariant variant, NetworkLimits ignored) {
		return TikTokRules.check(variant);
	}

	@Override
	public PublishOutcome publish(Channel channel, PublishRequest request) {
		VariantCheck check = validate(request.variant(), channel.limits());
		if (!check.valid()) {
			return new PublishOutcome.Rejected(check.violations().stream().map(Violation::message).collect(Collectors.joining(" ")));
		}
		return withToken(channel, token -> {
			CreatorInfo creator = creatorInfo(token);
			PostVariant variant = request.variant();
			String privacy = variant.field(TikTokRules.PRIVACY.name());
			if (privacy == null) {
				privacy = TikTokRules.PRIVACY_LEVELS.getFirst();
			}
			if (!creator.privacyLevels().contains(privacy)) {
				return new PublishOutcome.Rejected("This TikTok account may post with the privacy levels "
						+ String.join(", ", creator.privacyLevels()) + ", not " + privacy + ". Choose one of them; nothing was posted.");
			}
			List<PostVariant.Media> videos = variant.videos();
			if (!videos.isEmpty()) {
				PostVariant.Media video = videos.getFirst();
				if (video.durationMillis() != null && video.durationMillis() > creator.maxVideoSeconds() * 1000L) {
					return new PublishOutcome.Rejected("This TikTok account may post videos of up to %d s; the video lasts %d s. Nothing was posted."
						.formatted(creator.maxVideoSeconds(), Math.ceilDiv(video.durationMillis(), 1000L)));
				}
				return postVideo(token, request, video, creator, privacy);
			}
			return postPhotos(token, request, creator, privacy);
		});
	}

	private PublishOutcome postVideo(String token, PublishRequest request, PostVariant.Media video, CreatorInfo creator,
			String privacy) {
		long size = video.sizeBytes();
		long chunk = size < WHOLE_BELOW ? size : CHUNK;
		long count = Math.max(1, size / chunk);
		var body = TikTokJson.object();
		var post = body.putObject("post_info");
		post.put("title", request.variant().fullText());
		post.put("privacy_level", privacy);
		post.put("disable_duet", creator.duetDisabled());
		post.put("disable_comment", creator.commentDisabled());
		post.put("disable_stitch", creator.stitchDisabled());
		var source = body.putObject("source_info");
		source.put("source", "FILE_UPLOAD");
		source.put("video_size", size);
		source.put("chunk_size", chunk);
		source.put("total_chunk_count", count);
		// Nothing is published before the last byte arrives: any failure of init is safe to retry.
		TikTokAnswer init = call(() -> api.initVideo(token, body), false);
		String publishId = init.data().path("publish_id").asString("");
		String uploadUrl = init.data().path("upload_url").asString("");
		if (publishId.isBlank() || uploadUrl.isBlank()) {
			return new PublishOutcome.Transient("TikTok did not return where to upload the video; nothing was posted");
		}
		for (long index = 0; index < count; index++) {
			long first = index * chunk;
			long end = index == count - 1 ? size : first + chunk; // the last chunk takes the trailing bytes
			boolean last = index == count - 1;
			// One part read at a time (5 to 64 MB): a video of up to 4 GB never sits whole in memory.
			byte[] part = request.media().read(video.mediaId(), first, (int) (end - first));
			if (part.length != end - first) {
				return new PublishOutcome.Rejected("The video file is shorter than the library says (" + size + " bytes); upload it again");
			}
			OutboundResponse answer;
			try {
				answer = api.uploadChunk(uploadUrl, video.contentType(), part, first, size);
			}
			catch (OutcomeUnknown e) {
				if (last) {
					return pending(publishId, "the answer to the video's last part was lost; asking TikTok how the upload stands");
				}
				return new PublishOutcome.Transient("The video upload to TikTok broke off (" + e.getMessage() + "); nothing was posted");
			}
			catch (OutboundFailure e) {
				return new PublishOutcome.Transient("Could not send the video to TikTok (" + e.getMessage() + "); nothing was posted");
			}
			int expected = last ? 201 : 206;
			if (answer.status() != expected && !(last && answer.status() == 200)) {
				if (last && answer.status() >= 500) {
					return pending(publishId, "TikTok answered HTTP " + answer.status() + " to the video's last part; asking how it stands");
				}
				return new PublishOutcome.Transient("TikTok answered HTTP %d to part %d of %d of the video; nothing was posted"
					.formatted(answer.status(), index + 1, count));
			}
		}
		return pending(publishId, "TikTok is processing the video");
	}

	private PublishOutcome postPhotos(String token, PublishRequest request, CreatorInfo creator, String privacy) {
		var body = TikTokJson.object();
		var post = body.putObject("post_info");
		post.put("description", request.variant().fullText());
		post.put("privacy_level", privacy);
		post.put("disable_comment", creator.commentDisabled());
		post.put("auto_add_music", true);
		var source = body.putObject("source_info");
		source.put("source", "PULL_FROM_URL");
		source.put("photo_cover_index", 0);
		var images = source.putArray("photo_images");
		for (PostVariant.Media photo : request.variant().images()) {
			images.add(links.link(photo));
		}
		body.put("post_mode", "DIRECT_POST");
		body.put("media_type", "PHOTO");
		// TikTok fetches the photos itself and posts them: an init whose answer is lost may have created the post.
		TikTokAnswer init = call(() -> api.initContent(token, body), true);
		String publishId = init.data().path("publish_id").asString("");
		if (publishId.isBlank()) {
			return new PublishOutcome.Unknown("TikTok accepted the photo post without saying its publish_id");
		}
		return pending(publishId, "TikTok is fetching the photos");
	}

	/** The status fetch: PROCESSING_UPLOAD, PROCESSING_DOWNLOAD, SEND_TO_USER_INBOX, PUBLISH_COMPLETE or FAILED. */
	@Override
	public PublishOutcome checkPending(Channel channel, PublishRequest request, String publishId) {
		return withToken(channel, token -> {
			TikTokAnswer status;
			try {
				status = api.status(token, publishId);
			}
			catch (OutboundFailure e) {
				return pending(publishId, "could not read the post's status: " + e.getMessage());
			}
			if (!status.ok()) {
				PublishOutcome refused = TikTokRefusal.outcome(status, false, clock.instant());
				return refused instanceof PublishOutcome.Transient || refused instanceof PublishOutcome.RateLimited
						? pending(publishId, "TikTok answered " + status.message() + " to the status fetch") : refused;
			}
			JsonNode data = status.data();
			String code = data.path("status").asString("");
			return switch (code) {
				case "PUBLISH_COMPLETE" -> published(channel, request, publishId, data);
				case "PROCESSING_UPLOAD", "PROCESSING_DOWNLOAD" -> pending(publishId, "TikTok is still processing the post");
				case "SEND_TO_USER_INBOX" -> new PublishOutcome.Rejected("TikTok sent the post to the creator's inbox instead "
						+ "of publishing it; open TikTok to finish it there.");
				case "FAILED" -> failed(data.path("fail_reason").asString("no reason given"));
				default -> pending(publishId, "TikTok answered the status " + code);
			};
		});
	}

	private PublishOutcome published(Channel channel, PublishRequest request, String publishId, JsonNode data) {
		JsonNode ids = data.path("publicaly_available_post_id"); // sic, TikTok's spelling
		String postId = ids.isArray() && !ids.isEmpty() ? ids.get(0).asString("") : "";
		String profile = TikTokOAuth.SERVER + "/@" + channel.handle();
		if (postId.isBlank()) {
			// Private (SELF_ONLY) posts never get a public id; the post is on the profile all the same.
			return new PublishOutcome.Published(publishId, profile);
		}
		String kind = request.variant().videos().isEmpty() ? "/photo/" : "/video/";
		return new PublishOutcome.Published(postId, profile + kind + postId);
	}

	private static PublishOutcome failed(String reason) {
		if ("auth_removed".equals(reason)) {
			return new PublishOutcome.Reauthorize("The TikTok account removed Vitrine's access while the post was processed");
		}
		return new PublishOutcome.Rejected("TikTok could not publish the post: " + reason + ". Nothing was posted.");
	}

	private CreatorInfo creatorInfo(String token) {
		TikTokAnswer answer = call(() -> api.creatorInfo(token), false);
		JsonNode data = answer.data();
		List<String> levels = new ArrayList<>();
		data.path("privacy_level_options").forEach(level -> levels.add(level.asString()));
		return new CreatorInfo(levels, data.path("max_video_post_duration_sec").asInt(0),
				data.path("comment_disabled").asBoolean(false), data.path("duet_disabled").asBoolean(false),
				data.path("stitch_disabled").asBoolean(false));
	}

	/** A call whose refusal ends the publish with the refusal's outcome. */
	private TikTokAnswer call(Supplier<TikTokAnswer> request, boolean mayExist) {
		TikTokAnswer answer;
		try {
			answer = request.get();
		}
		catch (AddressNotAllowed e) {
			throw new TikTokStop(new PublishOutcome.Rejected(e.getMessage()));
		}
		catch (OutcomeUnknown e) {
			throw new TikTokStop(mayExist ? new PublishOutcome.Unknown("The post was sent to TikTok but no answer came back ("
					+ e.getMessage() + ")") : new PublishOutcome.Transient("TikTok did not answer (" + e.getMessage()
							+ "); nothing was posted"));
		}
		catch (OutboundFailure e) {
			throw new TikTokStop(new PublishOutcome.Transient("Could not reach TikTok: " + e.getMessage()));
		}
		if (!answer.ok()) {
			throw new TikTokStop(TikTokRefusal.outcome(answer, mayExist, clock.instant()));
		}
		return answer;
	}

	private PublishOutcome pending(String publishId, String message) {
		return new PublishOutcome.Pending(publishId, clock.instant().plus(STATUS_CHECK), message);
	}

	private PublishOutcome withToken(Channel channel, Function<String, PublishOutcome> call) {
		try {
			return tokens.call(channel, token -> {
				try {
					return call.apply(token);
				}
				catch (TikTokStop stop) {
					return stop.outcome;
				}
			});
		}
		catch (OAuthTokens.Problem problem) {
			return problem.outcome();
		}
	}

	@Override
	public ReconcileOutcome reconcile(Channel channel, PublishRequest request, Instant sentAt) {
		return findPost.find(channel, request, sentAt);
	}

	/** What creator_info/query said of this account now. */
	record CreatorInfo(List<String> privacyLevels, int maxVideoSeconds, boolean commentDisabled, boolean duetDisabled,
			boolean stitchDisabled) {
	}
}
