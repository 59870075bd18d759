package io.vitrine.networks.facebook;

import io.vitrine.networks.Capability;
import io.vitrine.networks.Channel;
import io.vitrine.networks.NetworkConnector;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.Violation;
import io.vitrine.networks.medialinks.PublicMediaLinks;
import io.vitrine.networks.meta.GraphAnswer;
import io.vitrine.networks.meta.GraphThrottle;
import io.vitrine.networks.oauth.OAuthTokens;
import io.vitrine.outbound.AddressNotAllowed;
import io.vitrine.outbound.ConnectFailed;
import io.vitrine.outbound.OutboundFailure;
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
import java.util.stream.Collectors;

/**
 * Publishes to a Facebook Page with its Page token: text (and a link) to {@code /{page-id}/feed}, one
 * photo as a photo post ({@code /{page-id}/photos} with its caption), several as unpublished photos
 * attached to a feed post, a video to {@code /{page-id}/videos} (Facebook fetches it from a
 * {@link PublicMediaLinks} link, then processes it: pending until its status says ready). The Graph API has no
 * idempotency key: a post whose answer was lost is looked for among the Page's published posts (or videos),
 * never sent again on a guess.
 */
@Component
class FacebookConnector implements NetworkConnector {

	static final NetworkId ID = new NetworkId("facebook");

	private final GraphApi api;

	private final FacebookFindPost findPost;

	/** Facebook processes most Page videos within minutes; asking more often only spends rate limit. */
	static final Duration VIDEO_CHECK = Duration.ofSeconds(30);

	private final OAuthTokens tokens;

	private final PublicMediaLinks links;

	private final Clock clock;

	FacebookConnector(GraphApi api, FacebookFindPost findPost, PublicMediaLinks links, OAuthTokens tokens, Clock clock) {
		this.links = links;
		this.api = api;
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
		return FacebookRules.NETWORK;
	}

	@Override
	public Set<Capability> capabilities() {
		return EnumSet.of(Capability.PUBLISH, Capability.IMAGES, Capability.VIDEO, Capability.ASYNC_PUBLISH, Capability.RECONCILE);
	}

	@Override
	public Duration safeResendWindow() {
		return Duration.ZERO;
	}

	@Override
	public NetworkLimits defaultLimits() {
		return FacebookRules.LIMITS;
	}

	@Override
	public VariantCheck validate(PostVariant variant, NetworkLimits ignored) {
		return FacebookRules.check(variant);
	}

	/** The message sent: a link given apart becomes the post's link preview rather than text. */
	static String message(PostVariant variant) {
		return variant.images().isEmpty() && variant.link() != null ? variant.text() : variant.fullText();
	}

	@Override
	public PublishOutcome publish(Channel channel, PublishRequest request) {
		VariantCheck check = validate(request.variant(), channel.limits());
		if (!check.valid()) {
			return new PublishOutcome.Rejected(check.violations().stream().map(Violation::message).collect(Collectors.joining(" ")));
		}
		try {
			return tokens.call(channel, token -> send(channel, token, request));
		}
		catch (OAuthTokens.Problem problem) {
			return problem.outcome();
		}
		catch (FacebookStop stop) {
			return stop.outcome;
		}
	}

	private PublishOutcome send(Channel channel, String token, PublishRequest request) {
		PostVariant variant = request.variant();
		String page = channel.remoteAccountId();
		if (!variant.videos().isEmpty()) {
			return video(token, page, variant);
		}
		if (variant.images().size() == 1) {
			PostVariant.Media image = variant.images().getFirst();
			return created(() -> api.photo(token, page, "photo", image.contentType(), request.media().read(image.mediaId()),
					message(variant), true), "post_id");
		}
		List<String> photos = new ArrayList<>();
		for (PostVariant.Media image : variant.images()) {
			photos.add(unpublishedPhoto(token, page, request, image));
		}
		return created(() -> api.feed(token, page, message(variant), variant.images().isEmpty() ? variant.link() : null, photos),
				"id");
	}

	/** An unpublished photo publishes nothing: any failure here is safe to retry, and a retry reuses it. */
	private String unpublishedPhoto(String token, String page, PublishRequest request, PostVariant.Media image) {
		String scope = "facebook:" + request.targetId();
		var remembered = request.media().uploaded(image.mediaId(), scope);
		if (remembered.isPresent()) {
			return remembered.get();
		}
		GraphAnswer answer;
		try {
			answer = api.photo(token, page, "photo", image.contentType(), request.media().read(image.mediaId()), null, false);
		}
		catch (AddressNotAllowed e) {
			throw new FacebookStop(new PublishOutcome.Rejected(e.getMessage()));
		}
		catch (OutboundFailure e) {
			throw new FacebookStop(new PublishOutcome.Transient("Could not upload a photo to Facebook: " + e.getMessage()));
		}
		if (!answer.ok()) {
			throw new FacebookStop(refusal(answer, false));
		}
		String id = answer.text("id").orElseThrow(() -> new FacebookStop(new PublishOutcome.Transient(
				"Facebook did not return the uploaded photo's id; nothing was posted")));
		request.media().rememberUpload(image.mediaId(), scope, id);
		return id;
	}

	private PublishOutcome video(String token, String page, PostVariant variant) {
		GraphAnswer answer;
		try {
			answer = api.video(token, page, links.link(variant.videos().getFirst()), variant.fullText());
		}
		catch (AddressNotAllowed e) {
			return new PublishOutcome.Rejected(e.getMessage());
		}
		catch (ConnectFailed e) {
			return new PublishOutcome.Transient("Could not reach Facebook: " + e.getMessage());
		}
		catch (OutcomeUnknown e) {
			return new PublishOutcome.Unknown("The video was sent to Facebook but no answer came back (" + e.getMessage() + ")");
		}
		if (!answer.ok()) {
			return refusal(answer, true);
		}
		return answer.text("id")
			.<PublishOutcome>map(id -> new PublishOutcome.Pending(id, clock.instant().plus(VIDEO_CHECK), "Facebook is processing the video"))
			.orElseGet(() -> new PublishOutcome.Unknown("Facebook answered without the video's id"));
	}

	/** A video Facebook accepted: published once its status says ready, refused if its processing failed. */
	@Override
	public PublishOutcome checkPending(Channel channel, PublishRequest request, String videoId) {
		try {
			return tokens.call(channel, token -> videoStatus(token, videoId));
		}
		catch (OAuthTokens.Problem problem) {
			return problem.outcome();
		}
	}

	private PublishOutcome videoStatus(String token, String videoId) {
		GraphAnswer answer;
		try {
			answer = api.videoStatus(token, videoId);
		}
		catch (OutboundFailure e) {
			return later(videoId, "could not read the video's status: " + e.getMessage());
		}
		if (!answer.ok()) {
			PublishOutcome refused = refusal(answer, false);
			return refused instanceof PublishOutcome.Transient t ? later(videoId, t.message()) : refused;
		}
		JsonNode status = answer.body().path("status");
		return switch (status.path("video_status").asString("")) {
			case "ready" -> new PublishOutcome.Published(videoId, videoUrl(videoId, answer.body().path("permalink_url").asString(null)));
			case "error" -> new PublishOutcome.Rejected("Facebook could not process the video: " + processingError(status)
					+ ". Nothing was posted.");
			case "expired" -> new PublishOutcome.Rejected("Facebook dropped the video before it was processed. Nothing was posted.");
			default -> later(videoId, "Facebook is still processing the video");
		};
	}

	private PublishOutcome later(String videoId, String why) {
		return new PublishOutcome.Pending(videoId, clock.instant().plus(VIDEO_CHECK), why);
	}

	private static String processingError(JsonNode status) {
		for (String phase : List.of("processing_phase", "uploading_phase", "publishing_phase")) {
			JsonNode errors = status.path(phase).path("errors");
			if (errors.isArray() && !errors.isEmpty()) {
				return errors.get(0).path("message").asString("no reason given");
			}
		}
		return "no reason given";
	}

	/** permalink_url is a path on facebook.com ("/{page}/videos/{id}/"). */
	static String videoUrl(String videoId, String permalink) {
		return permalink != null && permalink.startsWith("/") ? FacebookOAuth.SERVER + permalink
				: FacebookOAuth.SERVER + "/" + videoId;
	}

	private PublishOutcome created(java.util.function.Supplier<GraphAnswer> create, String idField) {
		GraphAnswer answer;
		try {
			answer = create.get();
		}
		catch (AddressNotAllowed e) {
			return new PublishOutcome.Rejected(e.getMessage());
		}
		catch (ConnectFailed e) {
			return new PublishOutcome.Transient("Could not reach Facebook: " + e.getMessage());
		}
		catch (OutcomeUnknown e) {
			return new PublishOutcome.Unknown("The post was sent to Facebook but no answer came back (" + e.getMessage() + ")");
		}
		if (answer.ok()) {
			return answer.text(idField)
				.<PublishOutcome>map(id -> new PublishOutcome.Published(id, FacebookOAuth.SERVER + "/" + id))
				.orElseGet(() -> new PublishOutcome.Unknown("Facebook answered without the post's id"));
		}
		return refusal(answer, true);
	}

	/** @param mayExist whether the refused request could have created a post */
	private PublishOutcome refusal(GraphAnswer answer, boolean mayExist) {
		if (answer.tokenRefused()) {
			// Page tokens cannot be refreshed: the person must sign in again (revoked, password changed, no longer admin).
			throw new OAuthTokens.TokenRejected("Facebook refused the Page token: " + answer.message());
		}
		if (answer.throttled()) {
			return new PublishOutcome.RateLimited(GraphThrottle.until(answer, clock.instant()),
					"Facebook rate limit: " + answer.message());
		}
		if (answer.transientError()) {
			return mayExist ? new PublishOutcome.Unknown("Facebook answered " + answer.message() + "; the post may or may not exist")
					: new PublishOutcome.Transient("Facebook answered " + answer.message() + "; nothing was posted");
		}
		return new PublishOutcome.Rejected("Facebook refused the post: " + answer.message());
	}

	@Override
	public ReconcileOutcome reconcile(Channel channel, PublishRequest request, Instant sentAt) {
		return findPost.find(channel, request, sentAt);
	}
}
