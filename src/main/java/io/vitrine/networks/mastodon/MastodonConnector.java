package io.vitrine.networks.mastodon;

import io.vitrine.networks.Capability;
import io.vitrine.networks.Channel;
import io.vitrine.networks.NetworkConnector;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.Polls;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.VariantField;
import io.vitrine.outbound.AddressNotAllowed;
import io.vitrine.outbound.ConnectFailed;
import io.vitrine.outbound.OutboundFailure;
import io.vitrine.outbound.OutboundResponse;
import io.vitrine.outbound.OutcomeUnknown;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Publishes statuses to any Mastodon instance. Images are uploaded first (remembered per target,
 * since an attachment can be attached to one status only), then the status is posted with the
 * target's Idempotency-Key, so a retry after an unknown outcome returns the same status.
 */
@Component
class MastodonConnector implements NetworkConnector {

	static final NetworkId ID = new NetworkId("mastodon");

	static final String ACCESS_TOKEN = "accessToken";

	/** Clocks of Vitrine and of the instance may disagree a little; a status this much older still counts. */
	static final Duration RECONCILE_SKEW = Duration.ofMinutes(2);

	/** How far back reconciliation reads (pages of 40): a burst of this many posts is still settled by reading. */
	static final int RECONCILE_PAGES = 10;

	static final Duration IDEMPOTENCY_KEY_LIFETIME = Duration.ofHours(1);

	static final int MEDIA_POLLS = 30;

	static final Duration MEDIA_POLL_INTERVAL = Duration.ofSeconds(1);

	/** Waits between two looks at an attachment still being processed; tests pass one that does not sleep. */
	interface Pause {

		void sleep(Duration duration) throws InterruptedException;
	}

	private final MastodonApi api;

	private final Clock clock;

	private final Pause pause;

	@Autowired
	MastodonConnector(MastodonApi api, Clock clock) {
		this(api, clock, duration -> Thread.sleep(duration));
	}

	MastodonConnector(MastodonApi api, Clock clock, Pause pause) {
		this.api = api;
		this.clock = clock;
		this.pause = pause;
	}

	@Override
	public NetworkId id() {
		return ID;
	}

	@Override
	public String displayName() {
		return MastodonValidation.NETWORK;
	}

	@Override
	public List<VariantField> variantFields() {
		return List.of(Polls.OPTIONS, Polls.DURATION);
	}

	@Override
	public Set<Capability> capabilities() {
		return EnumSet.of(Capability.PUBLISH, Capability.IMAGES, Capability.SAFE_RESEND, Capability.RECONCILE);
	}

	/**
	 * Mastodon keeps an Idempotency-Key for one hour from the status's creation (PostStatusService
	 * stores it with a 3600 s expiry); counted from our first attempt, which starts before that, an
	 * hour stays on the safe side. Later, the same key could create a second status.
	 */
	@Override
	public Duration safeResendWindow() {
		return IDEMPOTENCY_KEY_LIFETIME;
	}

	@Override
	public NetworkLimits defaultLimits() {
		return MastodonLimits.DEFAULTS;
	}

	@Override
	public VariantCheck validate(PostVariant variant, NetworkLimits limits) {
		return MastodonValidation.check(variant, limits == null ? MastodonLimits.DEFAULTS : limits);
	}

	@Override
	public PublishOutcome publish(Channel channel, PublishRequest request) {
		Optional<PublishOutcome> refused = validate(request.variant(), channel.limits()).refusal();
		if (refused.isPresent()) {
			return refused.get();
		}
		String token = channel.credentials().require(ACCESS_TOKEN);
		try {
			List<String> mediaIds = new ArrayList<>();
			List<PostVariant.Media> images = request.variant().images();
			for (int i = 0; i < images.size(); i++) {
				mediaIds.add(attachment(channel, token, request, i));
			}
			return postStatus(channel, token, request, mediaIds);
		}
		catch (Stop stop) {
			return stop.outcome;
		}
	}

	private PublishOutcome postStatus(Channel channel, String token, PublishRequest request, List<String> mediaIds) {
		OutboundResponse response;
		try {
			response = api.postStatus(channel.serverUrl(), token, request.idempotencyKey(), request.variant().fullText(),
					mediaIds, Polls.options(request.variant()), Polls.duration(request.variant()));
		}
		catch (AddressNotAllowed e) {
			return new PublishOutcome.Rejected(e.getMessage());
		}
		catch (ConnectFailed e) {
			return new PublishOutcome.Transient("Could not reach " + channel.serverUrl() + ": " + e.getMessage());
		}
		catch (OutcomeUnknown e) {
			return new PublishOutcome.Unknown("The post was sent to " + channel.serverUrl()
					+ " but no answer came back (" + e.getMessage() + ")");
		}
		int status = response.status();
		if (response.successful()) {
			Optional<JsonNode> body = api.parse(response);
			String id = body.map(b -> MastodonApi.text(b, "id")).orElse(null);
			if (id == null) {
				return new PublishOutcome.Unknown("Mastodon answered HTTP " + status + " without a status id");
			}
			String url = body.map(b -> MastodonApi.text(b, "url")).or(() -> body.map(b -> MastodonApi.text(b, "uri"))).orElse(null);
			return new PublishOutcome.Published(id, url);
		}
		String error = api.errorOf(response);
		if (status == 401 || status == 403) {
			return new PublishOutcome.Reauthorize("Mastodon refused the access token: " + error);
		}
		if (status == 429) {
			return new PublishOutcome.RateLimited(RateLimitReset.of(response, clock), "Mastodon rate limit: " + error);
		}
		if (status >= 500 || status == 408) {
			return new PublishOutcome.Unknown("Mastodon answered HTTP " + status + " (" + error + "); the post may or may not exist");
		}
		return new PublishOutcome.Rejected(status == 422 ? error : "Mastodon refused the post (HTTP " + status + "): " + error);
	}

	/** The attachment id of image {@code index}, uploaded now or earlier for this target, once processed. */
	private String attachment(Channel channel, String token, PublishRequest request, int index) {
		PostVariant.Media image = request.variant().images().get(index);
		String scope = "mastodon:" + request.targetId();
		Optional<String> remembered = request.media().uploaded(image.mediaId(), scope);
		if (remembered.isPresent() && awaitProcessed(channel, token, remembered.get(), index)) {
			return remembered.get();
		}
		byte[] content = request.media().read(image.mediaId());
		OutboundResponse response = mediaCall(channel, index,
				() -> api.uploadMedia(channel.serverUrl(), token, fileName(image), image.contentType(), content, image.altText()));
		if (response.status() != 200 && response.status() != 202) {
			throw new Stop(mediaFailure(response, index));
		}
		String id = api.parse(response).map(body -> MastodonApi.text(body, "id")).orElse(null);
		if (id == null) {
			throw new Stop(new PublishOutcome.Transient("Mastodon accepted image " + (index + 1) + " without giving its id"));
		}
		request.media().rememberUpload(image.mediaId(), scope, id);
		boolean ready = response.status() == 200 && api.parse(response).map(b -> MastodonApi.text(b, "url")).isPresent();
		if (!ready && !awaitProcessed(channel, token, id, index)) {
			throw new Stop(new PublishOutcome.Transient("Mastodon no longer knows image " + (index + 1) + " it just accepted"));
		}
		return id;
	}

	/** True once the attachment has its URL; false when the instance no longer knows it (404). */
	private boolean awaitProcessed(Channel channel, String token, String mediaId, int index) {
		for (int poll = 0; poll < MEDIA_POLLS; poll++) {
			OutboundResponse response = mediaCall(channel, index, () -> api.media(channel.serverUrl(), token, mediaId));
			if (response.status() == 404) {
				return false;
			}
			if (response.status() == 200 && api.parse(response).map(b -> MastodonApi.text(b, "url")).isPresent()) {
				return true;
			}
			if (response.status() != 200 && response.status() != 206) {
				throw new Stop(mediaFailure(response, index));
			}
			try {
				pause.sleep(MEDIA_POLL_INTERVAL);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new Stop(new PublishOutcome.Transient("interrupted while Mastodon processed image " + (index + 1)));
			}
		}
		throw new Stop(new PublishOutcome.Transient("Mastodon is still processing image " + (index + 1) + "; it will be tried again"));
	}

	/** Nothing is published before the status itself, so any failure here is safe to retry. */
	private OutboundResponse mediaCall(Channel channel, int index, Supplier<OutboundResponse> call) {
		try {
			return call.get();
		}
		catch (AddressNotAllowed e) {
			throw new Stop(new PublishOutcome.Rejected(e.getMessage()));
		}
		catch (OutboundFailure e) {
			throw new Stop(new PublishOutcome.Transient("Image " + (index + 1) + " could not be sent to "
					+ channel.serverUrl() + ": " + e.getMessage()));
		}
	}

	private PublishOutcome mediaFailure(OutboundResponse response, int index) {
		String error = api.errorOf(response);
		int status = response.status();
		if (status == 401 || status == 403) {
			return new PublishOutcome.Reauthorize("Mastodon refused the access token: " + error);
		}
		if (status == 429) {
			return new PublishOutcome.RateLimited(RateLimitReset.of(response, clock), "Mastodon rate limit: " + error);
		}
		if (status == 422 || status == 413 || status == 415) {
			return new PublishOutcome.Rejected("Mastodon refused image " + (index + 1) + ": " + error);
		}
		return new PublishOutcome.Transient("Mastodon could not take image " + (index + 1) + " (HTTP " + status + "): " + error);
	}

	private static String fileName(PostVariant.Media image) {
		String type = image.contentType() == null ? "" : image.contentType();
		String extension = switch (type) {
			case "image/jpeg" -> "jpg";
			case "image/png" -> "png";
			case "image/gif" -> "gif";
			case "image/webp" -> "webp";
			case "image/avif" -> "avif";
			case "image/heic" -> "heic";
			case "image/heif" -> "heif";
			default -> "bin";
		};
		return image.mediaId() + "." + extension;
	}

	@Override
	public ReconcileOutcome reconcile(Channel channel, PublishRequest request, Instant sentAt) {
		Instant since = sentAt.minus(RECONCILE_SKEW);
		String expected = StatusText.fromSent(request.variant().fullText());
		int expectedMedia = request.variant().images().size();
		String maxId = null;
		for (int page = 0; page < RECONCILE_PAGES; page++) {
			OutboundResponse response;
			try {
				response = api.accountStatuses(channel.serverUrl(), channel.credentials().require(ACCESS_TOKEN),
						channel.remoteAccountId(), maxId);
			}
			catch (OutboundFailure e) {
				return new ReconcileOutcome.Inconclusive("Could not read the account's recent posts: " + e.getMessage());
			}
			if (response.status() == 401 || response.status() == 403) {
				return new ReconcileOutcome.Reauthorize("Mastodon refused the access token: " + api.errorOf(response));
			}
			if (response.status() == 429) {
				return new ReconcileOutcome.RateLimited(RateLimitReset.of(response, clock), "Mastodon rate limit: "
						+ api.errorOf(response));
			}
			Optional<JsonNode> body = api.parse(response);
			if (!response.successful() || body.isEmpty() || !body.get().isArray()) {
				return new ReconcileOutcome.Inconclusive("Mastodon answered HTTP " + response.status() + " to reading recent posts");
			}
			boolean olderSeen = false;
			for (JsonNode status : body.get()) {
				Optional<Instant> createdAt = instant(MastodonApi.text(status, "created_at"));
				if (createdAt.isEmpty() || createdAt.get().isBefore(since)) {
					olderSeen = true;
					continue;
				}
				if (StatusText.fromHtml(MastodonApi.text(status, "content")).equals(expected)
						&& status.path("media_attachments").size() == expectedMedia) {
					String url = Optional.ofNullable(MastodonApi.text(status, "url")).orElse(MastodonApi.text(status, "uri"));
					return new ReconcileOutcome.Found(MastodonApi.text(status, "id"), url);
				}
			}
			if (olderSeen || body.get().size() < MastodonApi.RECENT_STATUSES) {
				// Read back past the first attempt (or to the account's first post): it is not there.
				return new ReconcileOutcome.NotFound();
			}
			maxId = MastodonApi.text(body.get().get(body.get().size() - 1), "id");
		}
		return new ReconcileOutcome.Inconclusive("More than " + RECONCILE_PAGES * MastodonApi.RECENT_STATUSES
				+ " posts were published on the account since the first attempt");
	}

	private static Optional<Instant> instant(String value) {
		try {
			return value == null ? Optional.empty() : Optional.of(Instant.parse(value));
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}

	/** Ends a publish early with its outcome; no stack trace, it is not an error of Vitrine's. */
	private static final class Stop extends RuntimeException {

		private final transient PublishOutcome outcome;

		Stop(PublishOutcome outcome) {
			super(null, null, false, false);
			this.outcome = outcome;
		}
	}
}
