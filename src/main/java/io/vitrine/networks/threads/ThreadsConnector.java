package io.vitrine.networks.threads;

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
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Publishes to a Threads profile through the documented two steps (https://developers.facebook.com/docs/threads/posts):
 * a container ({@code POST /{user-id}/threads}, media_type TEXT, IMAGE, VIDEO or CAROUSEL; images and videos fetched
 * by Threads from {@link PublicMediaLinks} links), then {@code POST /{user-id}/threads_publish}. Text is published at
 * once; media wait for the container's status FINISHED (Pending, then {@link #checkPending}). threads_publish has no
 * idempotency key: a lost answer is looked for among the profile's posts, never sent again on a guess.
 */
@Component
class ThreadsConnector implements NetworkConnector {

	static final NetworkId ID = new NetworkId("threads");

	/** "Threads profiles are limited to 250 API-published posts within a 24-hour moving period" (troubleshooting, rate limiting). */
	static final PublishQuota DAILY_POSTS = new PublishQuota(250, Duration.ofHours(24), PublishQuota.Scope.ACCOUNT,
			"https://developers.facebook.com/docs/threads/troubleshooting#rate-limiting");

	/** The posts guide: "wait on average 30 seconds before publishing" a media container. */
	static final Duration MEDIA_CHECK = Duration.ofSeconds(30);

	/** The 24-hour quota gives no reset time; asking again in an hour costs one read. */
	static final Duration QUOTA_RETRY = Duration.ofHours(1);

	private final ThreadsApi api;

	private final ThreadsFindPost findPost;

	private final PublicMediaLinks links;

	private final OAuthTokens tokens;

	private final Clock clock;

	ThreadsConnector(ThreadsApi api, ThreadsFindPost findPost, PublicMediaLinks links, OAuthTokens tokens, Clock clock) {
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
		return ThreadsRules.NETWORK;
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
		return ThreadsRules.LIMITS;
	}

	@Override
	public List<PublishQuota> quotas() {
		return List.of(DAILY_POSTS);
	}

	@Override
	public VariantCheck validate(PostVariant variant, NetworkLimits ignored) {
		return ThreadsRules.check(variant);
	}

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
			List<PostVariant.Media> media = variant.media();
			if (media.isEmpty()) {
				Map<String, String> fields = new LinkedHashMap<>();
				fields.put("media_type", "TEXT");
				fields.put("text", variant.fullText());
				return publishContainer(token, channel, create(token, channel, fields));
			}
			Map<String, String> fields = media.size() == 1 ? item(media.getFirst(), false) : carousel(token, channel, request);
			if (!variant.fullText().isBlank()) {
				fields.put("text", variant.fullText());
			}
			String container = create(token, channel, fields);
			return new PublishOutcome.Pending(container, clock.instant().plus(MEDIA_CHECK), "Threads is preparing the media");
		});
	}

	/** The container's status (FINISHED, IN_PROGRESS, PUBLISHED, ERROR with error_message, EXPIRED). */
	@Override
	public PublishOutcome checkPending(Channel channel, PublishRequest request, String container) {
		return withToken(channel, token -> {
			GraphAnswer status;
			try {
				status = api.containerStatus(token, container);
			}
			catch (OutboundFailure e) {
				return later(container, "could not read the container's status: " + e.getMessage());
			}
			if (!status.ok()) {
				PublishOutcome refused = ThreadsRefusal.outcome(status, false, clock.instant());
				return refused instanceof PublishOutcome.Transient t ? later(container, t.message()) : refused;
			}
			String code = status.text("status").orElse("");
			return switch (code) {
				case "FINISHED" -> quotaUsedUp(token, channel).orElseGet(() -> publishContainer(token, channel, container));
				case "IN_PROGRESS" -> later(container, "Threads is still processing the media");
				case "PUBLISHED" -> new PublishOutcome.Unknown("Threads says this container is already published; "
						+ "looking for the post among the profile's posts");
				case "EXPIRED" -> new PublishOutcome.Rejected("Threads dropped the prepared media: it was not published "
						+ "within 24 hours. Nothing was posted.");
				case "ERROR" -> new PublishOutcome.Rejected("Threads could not process the media: "
						+ status.text("error_message").orElse("no reason given") + ". Nothing was posted.");
				default -> later(container, "Threads answered the status " + code);
			};
		});
	}

	private PublishOutcome publishContainer(String token, Channel channel, String container) {
		GraphAnswer answer;
		try {
			answer = api.publish(token, channel.remoteAccountId(), container);
		}
		catch (AddressNotAllowed e) {
			return new PublishOutcome.Rejected(e.getMessage());
		}
		catch (ConnectFailed e) {
			return new PublishOutcome.Transient("Could not reach Threads: " + e.getMessage());
		}
		catch (OutcomeUnknown e) {
			return new PublishOutcome.Unknown("The post was sent to Threads but no answer came back (" + e.getMessage() + ")");
		}
		if (!answer.ok()) {
			return ThreadsRefusal.outcome(answer, true, clock.instant());
		}
		Optional<String> id = answer.text("id");
		if (id.isEmpty()) {
			return new PublishOutcome.Unknown("Threads answered without the post's id");
		}
		return new PublishOutcome.Published(id.get(), permalink(token, id.get(), channel));
	}

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
		return ThreadsOAuth.SERVER + "/@" + channel.handle();
	}

	/** threads_publishing_limit: posts in the last 24 hours against the quota; a failed read says nothing. */
	private Optional<PublishOutcome> quotaUsedUp(String token, Channel channel) {
		GraphAnswer answer;
		try {
			answer = api.publishingLimit(token, channel.remoteAccountId());
		}
		catch (OutboundFailure e) {
			return Optional.empty();
		}
		if (answer.tokenRefused()) {
			throw new OAuthTokens.TokenRejected("Threads refused the access token: " + answer.message());
		}
		if (!answer.ok()) {
			return Optional.empty();
		}
		var data = answer.body().path("data").path(0);
		int used = data.path("quota_usage").asInt(0);
		int total = data.path("config").path("quota_total").asInt(DAILY_POSTS.max());
		return used < total ? Optional.empty() : Optional.of(new PublishOutcome.RateLimited(clock.instant().plus(QUOTA_RETRY),
				"Threads' limit of %d posts per 24 hours is used up (%d published); nothing was sent".formatted(total, used)));
	}

	private Map<String, String> item(PostVariant.Media media, boolean inCarousel) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (inCarousel) {
			fields.put("is_carousel_item", "true");
		}
		if (media.isVideo()) {
			fields.put("media_type", "VIDEO");
			fields.put("video_url", links.link(media));
		}
		else {
			fields.put("media_type", "IMAGE");
			fields.put("image_url", links.link(media));
		}
		return fields;
	}

	/** Each item's container, remembered so a retry reuses them, then the CAROUSEL container's fields. */
	private Map<String, String> carousel(String token, Channel channel, PublishRequest request) {
		String scope = "threads:" + request.targetId();
		StringBuilder children = new StringBuilder();
		for (PostVariant.Media media : request.variant().media()) {
			String child = request.media().uploaded(media.mediaId(), scope).orElse(null);
			if (child == null) {
				child = create(token, channel, item(media, true));
				request.media().rememberUpload(media.mediaId(), scope, child);
			}
			children.append(children.isEmpty() ? "" : ",").append(child);
		}
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("media_type", "CAROUSEL");
		fields.put("children", children.toString());
		return fields;
	}

	/** A container publishes nothing: any failure is safe to retry. */
	private String create(String token, Channel channel, Map<String, String> fields) {
		GraphAnswer answer;
		try {
			answer = api.createContainer(token, channel.remoteAccountId(), fields);
		}
		catch (AddressNotAllowed e) {
			throw new ThreadsStop(new PublishOutcome.Rejected(e.getMessage()));
		}
		catch (OutboundFailure e) {
			throw new ThreadsStop(new PublishOutcome.Transient("Could not prepare the post on Threads: " + e.getMessage()));
		}
		if (!answer.ok()) {
			throw new ThreadsStop(ThreadsRefusal.outcome(answer, false, clock.instant()));
		}
		return answer.text("id").orElseThrow(() -> new ThreadsStop(new PublishOutcome.Transient(
				"Threads did not return the container's id; nothing was posted")));
	}

	private PublishOutcome later(String container, String message) {
		return new PublishOutcome.Pending(container, clock.instant().plus(MEDIA_CHECK), message);
	}

	private PublishOutcome withToken(Channel channel, Function<String, PublishOutcome> call) {
		try {
			return tokens.call(channel, token -> {
				try {
					return call.apply(token);
				}
				catch (ThreadsStop stop) {
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
