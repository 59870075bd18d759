package io.vitrine.networks.youtube;

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
import io.vitrine.networks.oauth.OAuthTokens;
import io.vitrine.outbound.AddressNotAllowed;
import io.vitrine.outbound.OutboundFailure;
import io.vitrine.outbound.OutboundResponse;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Uploads a video to a YouTube channel with videos.insert's resumable protocol
 * (https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol): a session started with the
 * snippet and status, then the bytes in parts with Content-Range; 308 Resume Incomplete says how much arrived. The
 * video exists only once the last byte has arrived, and the session address is remembered before the first byte,
 * so a retry (after a crash, a 5xx, a lost answer) resumes the same session: it cannot make a second video.
 */
@Component
class YouTubeConnector implements NetworkConnector {

	static final NetworkId ID = new NetworkId("youtube");

	/** How often one publish asks where the upload stands after a 5xx or a lost answer before giving up for now. */
	static final int RESUMES = 3;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final YouTubeApi api;

	private final YouTubeSettings settings;

	private final YouTubeFindPost findPost;

	private final OAuthTokens tokens;

	private final Clock clock;

	YouTubeConnector(YouTubeApi api, YouTubeSettings settings, YouTubeFindPost findPost, OAuthTokens tokens, Clock clock) {
		this.api = api;
		this.settings = settings;
		this.findPost = findPost;
		this.tokens = tokens;
		this.clock = clock;
	}

	@Override
	public NetworkId id() {
		return ID;
	}

	@Override
	public String displayName() {
		return YouTubeRules.NETWORK;
	}

	@Override
	public Set<Capability> capabilities() {
		return EnumSet.of(Capability.PUBLISH, Capability.VIDEO, Capability.RECONCILE);
	}

	@Override
	public Duration safeResendWindow() {
		return Duration.ZERO;
	}

	@Override
	public NetworkLimits defaultLimits() {
		return YouTubeRules.LIMITS;
	}

	@Override
	public List<VariantField> variantFields() {
		return List.of(YouTubeRules.TITLE, YouTubeRules.TAGS, YouTubeRules.PRIVACY_STATUS);
	}

	/**
	 * The project's daily quota divided by what an upload costs (https://developers.google.com/youtube/v3/determine_quota_cost):
	 * 10,000 units and 1,600 per videos.insert by default, six uploads a day for every channel of this Vitrine together.
	 */
	@Override
	public List<PublishQuota> quotas() {
		return List.of(new PublishQuota(settings.dailyUploads(), Duration.ofHours(24), PublishQuota.Scope.APP,
				"https://developers.google.com/youtube/v3/determine_quota_cost"));
	}

	@Override
	public VariantCheck validate(PostVariant variant, NetworkLimits ignored) {
		return YouTubeRules.check(variant);
	}

	@Override
	public PublishOutcome publish(Channel channel, PublishRequest request) {
		VariantCheck check = validate(request.variant(), channel.limits());
		if (!check.valid()) {
			return new PublishOutcome.Rejected(check.violations().stream().map(Violation::message).collect(Collectors.joining(" ")));
		}
		if (request.variant().field(YouTubeRules.TITLE.name()) == null) {
			return new PublishOutcome.Rejected("A YouTube video needs a title; nothing was uploaded.");
		}
		PostVariant.Media video = request.variant().videos().getFirst();
		String scope = "youtube:" + request.targetId();
		return withToken(channel, token -> {
			long length = video.sizeBytes();
			Optional<String> remembered = request.media().uploaded(video.mediaId(), scope);
			long from = 0;
			String session;
			Progress progress = remembered.isPresent() ? status(token, remembered.get(), length) : Progress.EXPIRED;
			if (progress.done() != null) {
				return progress.done();
			}
			if (progress != Progress.EXPIRED) {
				session = remembered.get();
				from = progress.next();
			}
			else {
				session = start(token, request.variant(), video, length);
				// Kept before the first byte: whatever happens next, a retry resumes this session.
				request.media().rememberUpload(video.mediaId(), scope, session);
			}
			return send(token, session, request.media(), video, from);
		});
	}

	private String start(String token, PostVariant variant, PostVariant.Media video, long length) {
		ObjectNode body = JSON.createObjectNode();
		ObjectNode snippet = body.putObject("snippet");
		snippet.put("title", variant.field(YouTubeRules.TITLE.name()));
		snippet.put("description", variant.fullText());
		List<String> tags = YouTubeRules.tags(variant);
		if (!tags.isEmpty()) {
			tags.forEach(snippet.putArray("tags")::add);
		}
		snippet.put("categoryId", settings.categoryId());
		String privacy = variant.field(YouTubeRules.PRIVACY_STATUS.name());
		body.putObject("status").put("privacyStatus", privacy == null ? YouTubeRules.PRIVACY.getFirst() : privacy);
		OutboundResponse answer;
		try {
			answer = api.startUpload(token, body, length, video.contentType());
		}
		catch (AddressNotAllowed e) {
			throw new YouTubeStop(new PublishOutcome.Rejected(e.getMessage()));
		}
		catch (OutboundFailure e) {
			// Starting a session creates no video.
			throw new YouTubeStop(new PublishOutcome.Transient("Could not start the upload on YouTube: " + e.getMessage()));
		}
		if (answer.successful() && answer.header("Location").isPresent()) {
			return answer.header("Location").get();
		}
		throw new YouTubeStop(YouTubeRefusal.outcome(GoogleAnswer.of(answer), false, clock.instant()));
	}

	/**
	 * Sends the video from byte {@code from}, one chunk read at a time (a video never sits whole in memory), resuming
	 * after 308s, 5xx and lost answers as the protocol describes.
	 */
	private PublishOutcome send(String token, String session, PublishRequest.MediaAccess media, PostVariant.Media video, long from) {
		long total = video.sizeBytes();
		int resumes = 0;
		long next = from;
		while (true) {
			long end = Math.min(total, next + settings.chunkBytes());
			byte[] part = media.read(video.mediaId(), next, (int) (end - next));
			if (part.length != end - next) {
				return new PublishOutcome.Rejected("The video file is shorter than the library says (" + total + " bytes); "
						+ "upload it again");
			}
			OutboundResponse answer = null;
			try {
				answer = api.putPart(token, session, video.contentType(), part, next, total);
			}
			catch (AddressNotAllowed e) {
				return new PublishOutcome.Rejected(e.getMessage());
			}
			catch (OutboundFailure e) {
				// Lost or refused connection: the protocol's answer is to ask the session where it stands.
			}
			if (answer != null && answer.status() == 308) {
				next = received(answer);
				continue;
			}
			if (answer != null && answer.successful()) {
				return published(GoogleAnswer.of(answer));
			}
			if (answer != null && answer.status() < 500) {
				return YouTubeRefusal.outcome(GoogleAnswer.of(answer), false, clock.instant());
			}
			Progress progress = null;
			while (progress == null) {
				if (++resumes > RESUMES) {
					return end == total ? new PublishOutcome.Unknown("The end of the upload reached YouTube but no answer came "
							+ "back; the session is kept, the video will be looked for on the channel")
							: new PublishOutcome.Transient("YouTube's upload broke off several times; nothing was published, "
									+ "the session is kept and the next try resumes it");
				}
				progress = statusOrNull(token, session, total);
			}
			if (progress == Progress.EXPIRED) {
				return new PublishOutcome.Transient("YouTube's upload session expired before the video was complete; nothing was "
						+ "published, the next try starts again");
			}
			if (progress.done() != null) {
				return progress.done();
			}
			next = progress.next();
		}
	}

	/** Where a remembered session stands, before anything else is sent. */
	private Progress status(String token, String session, long total) {
		Progress progress = statusOrNull(token, session, total);
		if (progress == null) {
			throw new YouTubeStop(new PublishOutcome.Transient("Could not ask YouTube where the upload stands; nothing more was sent"));
		}
		return progress;
	}

	/** Where the session stands: finished (with its video), the next byte to send, expired, or null when YouTube did not say. */
	private Progress statusOrNull(String token, String session, long total) {
		OutboundResponse answer;
		try {
			answer = api.uploadStatus(token, session, total);
		}
		catch (AddressNotAllowed e) {
			throw new YouTubeStop(new PublishOutcome.Rejected(e.getMessage()));
		}
		catch (OutboundFailure e) {
			return null;
		}
		if (answer.status() == 308) {
			return new Progress(received(answer), null);
		}
		if (answer.successful()) {
			return new Progress(total, published(GoogleAnswer.of(answer)));
		}
		if (answer.status() == 404 || answer.status() == 410) {
			// The session expired (about a week) before the video was complete: nothing was created, a new one may start.
			return Progress.EXPIRED;
		}
		if (answer.status() >= 500) {
			return null;
		}
		throw new YouTubeStop(YouTubeRefusal.outcome(GoogleAnswer.of(answer), false, clock.instant()));
	}

	/** The Range header of a 308 ("bytes=0-N": N+1 bytes kept), or none yet. */
	private static long received(OutboundResponse answer) {
		return answer.header("Range").map(range -> Long.parseLong(range.replaceFirst("^bytes=0-", "")) + 1).orElse(0L);
	}

	private static PublishOutcome published(GoogleAnswer answer) {
		String id = answer.body().path("id").asString("");
		if (id.isBlank()) {
			return new PublishOutcome.Unknown("YouTube finished the upload without the video's id");
		}
		return new PublishOutcome.Published(id, YouTubeOAuth.SERVER + "/watch?v=" + id);
	}

	private PublishOutcome withToken(Channel channel, Function<String, PublishOutcome> call) {
		try {
			return tokens.call(channel, token -> {
				try {
					return call.apply(token);
				}
				catch (YouTubeStop stop) {
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

	private record Progress(long next, PublishOutcome done) {

		/** The session is gone (expired or unknown): no video was made from it. */
		static final Progress EXPIRED = new Progress(-1, null);
	}
}
