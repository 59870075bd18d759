package io.vitrine.networks.instagram;

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
import io.vitrine.networks.Violation;
import io.vitrine.networks.medialinks.PublicMediaLinks;
import io.vitrine.networks.meta.GraphAnswer;
import io.vitrine.networks.oauth.OAuthTokens;
import io.vitrine.outbound.AddressNotAllowed;
import io.vitrine.outbound.ConnectFailed;
import io.vitrine.outbound.OutboundFailure;
import io.vitrine.outbound.OutcomeUnknown;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Publishes to an Instagram professional account through the documented container flow
 * (https://developers.facebook.com/docs/instagram-platform/content-publishing): a container per image or video
 * (Instagram fetches each from a {@link PublicMediaLinks} link), a CAROUSEL container over several, then — once
 * Instagram has processed it — {@code media_publish}. Creating containers publishes nothing, so it is retried freely;
 * {@code media_publish} has no idempotency key, so a lost answer is looked for among the account's media, never
 * sent again on a guess.
 */
@Component
class InstagramConnector implements NetworkConnector {

	static final NetworkId ID = new NetworkId("instagram");

	/**
	 * "Instagram accounts are limited to 50 API-published posts within a 24-hour moving period."
	 * (content publishing guide, "Rate Limit"; carousels count as one post).
	 */
	static final PublishQuota DAILY_POSTS = new PublishQuota(50, Duration.ofHours(24), PublishQuota.Scope.ACCOUNT,
			"https://developers.facebook.com/docs/instagram-platform/content-publishing#rate-limit");

	/** Images are usually ready within seconds; the guide suggests querying a video's status once a minute at most. */
	static final Duration IMAGE_CHECK = Duration.ofSeconds(5);

	static final Duration VIDEO_CHECK = Duration.ofSeconds(30);

	private final InstagramApi api;

	private final InstagramFindPost findPost;

	private final PublicMediaLinks links;

	private final OAuthTokens tokens;

	private final Clock clock;

	InstagramConnector(InstagramApi api, InstagramFindPost findPost, PublicMediaLinks links, OAuthTokens tokens, Clock clock) {
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
		return InstagramRules.NETWORK;
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
		return InstagramRules.LIMITS;
	}

	@Override
	public List<PublishQuota> quotas() {
		return List.of(DAILY_POSTS);
	}

	@Override
	public VariantCheck validate(PostVariant variant, NetworkLimits ignored) {
		return InstagramRules.check(variant);
	}

	/** Creates the containers and answers Pending with the one to publish; nothing is on Instagram yet. */
	@Override
	public PublishOutcome publish(Channel channel, PublishRequest request) {
		VariantCheck check = validate(request.variant(), channel.limits());
		if (!check.valid()) {
			return new PublishOutcome.Rejected(check.violations().stream().map(Violation::message).collect(Collectors.joining(" ")));
		}
		return withToken(channel, token -> {
			Optional<PublishOutcome> full = quotaUsedUp(token, channel);
			if (full.isPresent()) {
				return full.get();
			}
			PostVariant variant = request.variant();
			String container = variant.media().size() == 1 ? create(token, channel, single(variant.media().getFirst(), variant))
					: create(token, channel, carousel(token, channel, request));
			return new PublishOutcome.Pending(container, clock.instant().plus(checkDelay(variant)),
					"Instagram is preparing the media");
		});
	}

	/**
	 * Reads the container's status_code (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container):
	 * FINISHED is published at once, IN_PROGRESS asked again later, ERROR and EXPIRED are final.
	 */
	@Override
	public PublishOutcome checkPending(Channel channel, PublishRequest request, String container) {
		return withToken(channel, token -> {
			GraphAnswer status;
			try {
				status = api.containerStatus(token, container);
			}
			catch (OutboundFailure e) {
				return later(container, request, "could not read the container's status: " + e.getMessage());
			}
			if (!status.ok()) {
				PublishOutcome refused = InstagramRefusal.outcome(status, false, clock.instant());
				return refused instanceof PublishOutcome.Transient t ? later(container, request, t.message()) : refused;
			}
			String code = status.text("status_code").orElse("");
			return switch (code) {
				case "FINISHED" -> publishFinished(token, channel, request, container);
				case "IN_PROGRESS" -> later(container, request, "Instagram is still processing the media");
				case "PUBLISHED" -> new PublishOutcome.Unknown("Instagram says this container is already published; "
						+ "looking for the post among the account's media");
				case "EXPIRED" -> new PublishOutcome.Rejected("Instagram dropped the prepared media: it was not published "
						+ "within 24 hours. Nothing was posted.");
				case "ERROR" -> new PublishOutcome.Rejected("Instagram could not process the media: "
						+ status.text("status").orElse("no reason given") + ". Nothing was posted.");
				default -> later(container, request, "Instagram answered the status " + code);
			};
		});
	}

	private PublishOutcome publishFinished(String token, Channel channel, PublishRequest request, String container) {
		Optional<PublishOutcome> full = quotaUsedUp(token, channel);
		if (full.isPresent()) {
			return full.get();
		}
		GraphAnswer answer;
		try {
			answer = api.publish(token, channel.remoteAccountId(), container);
		}
		catch (AddressNotAllowed e) {
			return new PublishOutcome.Rejected(e.getMessage());
		}
		catch (ConnectFailed e) {
			return new PublishOutcome.Transient("Could not reach Instagram: " + e.getMessage());
		}
		catch (OutcomeUnknown e) {
			return new PublishOutcome.Unknown("The post was sent to Instagram but no answer came back (" + e.getMessage() + ")");
		}
		if (!answer.ok()) {
			if (answer.subcode() == InstagramRefusal.NOT_READY) {
				return later(container, request, "Instagram says the media is not ready yet");
			}
			return InstagramRefusal.outcome(answer, true, clock.instant());
		}
		Optional<String> id = answer.text("id");
		if (id.isEmpty()) {
			return new PublishOutcome.Unknown("Instagram answered without the post's id");
		}
		return new PublishOutcome.Published(id.get(), permalink(token, id.get(), channel));
	}

	/** The post's own address; the profile's when it cannot be read (the post exists either way). */
	private String permalink(String token, String mediaId, Channel channel) {
		try {
			GraphAnswer answer = api.permalink(token, mediaId);
			if (answer.ok() && answer.text("permalink").isPresent()) {
				return answer.text("permalink").get();
			}
		}
		catch (OutboundFailure e) {
			// fall through: the post is published, only its address is unknown
		}
		return InstagramOAuth.SERVER + "/" + channel.handle() + "/";
	}

	/**
	 * content_publishing_limit: the posts published in the last 24 hours against the quota. A read that fails says
	 * nothing; media_publish itself answers the same limit (code 9, subcode 2207042).
	 */
	private Optional<PublishOutcome> quotaUsedUp(String token, Channel channel) {
		GraphAnswer answer;
		try {
			answer = api.publishingLimit(token, channel.remoteAccountId());
		}
		catch (OutboundFailure e) {
			return Optional.empty();
		}
		if (answer.tokenRefused()) {
			throw new OAuthTokens.TokenRejected("Instagram refused the Page token: " + answer.message());
		}
		if (!answer.ok()) {
			return Optional.empty();
		}
		var data = answer.body().path("data").path(0);
		int used = data.path("quota_usage").asInt(0);
		int total = data.path("config").path("quota_total").asInt(DAILY_POSTS.max());
		if (used < total) {
			return Optional.empty();
		}
		return Optional.of(new PublishOutcome.RateLimited(clock.instant().plus(InstagramRefusal.DAILY_LIMIT_RETRY),
				"Instagram's limit of %d posts per 24 hours is used up (%d published); nothing was sent".formatted(total, used)));
	}

	private Map<String, String> single(PostVariant.Media media, PostVariant variant) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (media.isVideo()) {
			fields.put("media_type", "REELS");
			fields.put("video_url", links.link(media));
		}
		else {
			fields.put("image_url", links.link(media));
		}
		caption(fields, variant);
		return fields;
	}

	/** Each item's container (is_carousel_item), remembered so a retry reuses them, then the CAROUSEL container. */
	private Map<String, String> carousel(String token, Channel channel, PublishRequest request) {
		String scope = "instagram:" + request.targetId();
		StringBuilder children = new StringBuilder();
		for (PostVariant.Media media : request.variant().media()) {
			String child = request.media().uploaded(media.mediaId(), scope).orElse(null);
			if (child == null) {
				Map<String, String> fields = new LinkedHashMap<>();
				fields.put("is_carousel_item", "true");
				if (media.isVideo()) {
					fields.put("media_type", "VIDEO");
					fields.put("video_url", links.link(media));
				}
				else {
					fields.put("image_url", links.link(media));
				}
				child = create(token, channel, fields);
				request.media().rememberUpload(media.mediaId(), scope, child);
			}
			children.append(children.isEmpty() ? "" : ",").append(child);
		}
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("media_type", "CAROUSEL");
		fields.put("children", children.toString());
		caption(fields, request.variant());
		return fields;
	}

	private static void caption(Map<String, String> fields, PostVariant variant) {
		if (!variant.fullText().isBlank()) {
			fields.put("caption", variant.fullText());
		}
	}

	/** A container publishes nothing: any failure is safe to retry. */
	private String create(String token, Channel channel, Map<String, String> fields) {
		GraphAnswer answer;
		try {
			answer = api.createContainer(token, channel.remoteAccountId(), fields);
		}
		catch (AddressNotAllowed e) {
			throw new InstagramStop(new PublishOutcome.Rejected(e.getMessage()));
		}
		catch (OutboundFailure e) {
			throw new InstagramStop(new PublishOutcome.Transient("Could not prepare the media on Instagram: " + e.getMessage()));
		}
		if (!answer.ok()) {
			throw new InstagramStop(InstagramRefusal.outcome(answer, false, clock.instant()));
		}
		return answer.text("id").orElseThrow(() -> new InstagramStop(new PublishOutcome.Transient(
				"Instagram did not return the container's id; nothing was posted")));
	}

	private PublishOutcome later(String container, PublishRequest request, String message) {
		return new PublishOutcome.Pending(container, clock.instant().plus(checkDelay(request.variant())), message);
	}

	private static Duration checkDelay(PostVariant variant) {
		return variant.videos().isEmpty() ? IMAGE_CHECK : VIDEO_CHECK;
	}

	private PublishOutcome withToken(Channel channel, java.util.function.Function<String, PublishOutcome> call) {
		try {
			return tokens.call(channel, token -> {
				try {
					return call.apply(token);
				}
				catch (InstagramStop stop) {
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
}
