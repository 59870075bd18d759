package io.vitrine.networks.x;

import io.vitrine.networks.Channel;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.oauth.OAuthTokens;
import io.vitrine.outbound.AddressNotAllowed;
import io.vitrine.outbound.OutboundFailure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Uploads a post's images through the X API v2 media endpoints: JPEG, PNG and WEBP whole with
 * {@code POST /2/media/upload} (tweet_image); animated GIFs in chunks (initialize, append,
 * finalize, then the status until X has processed them), as tweet_gif requires. Alt text goes
 * with {@code POST /2/media/metadata}.
 *
 * <p>Nothing is published by an upload, so any failure here is safe to retry. An upload is
 * remembered per target with its expiry, and reused by a retry while X still keeps it.
 */
@Component
class XMedia {

	/** Chunks well under the 5 MB X accepts per append. */
	static final int CHUNK_BYTES = 4 * 1024 * 1024;

	static final int STATUS_POLLS = 30;

	/** X keeps an upload this long when it does not say (expires_after_secs). */
	static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);

	/** An upload about to expire is not reused: the post could reach X after it did. */
	static final Duration REUSE_MARGIN = Duration.ofMinutes(30);

	/** Waits between two looks at an upload X is still processing; tests pass one that does not sleep. */
	interface Pause {

		void sleep(Duration duration) throws InterruptedException;
	}

	private final XApi api;

	private final XRateLimits limits;

	private final Clock clock;

	private final Pause pause;

	@Autowired
	XMedia(XApi api, XRateLimits limits, Clock clock) {
		this(api, limits, clock, duration -> Thread.sleep(duration));
	}

	XMedia(XApi api, XRateLimits limits, Clock clock, Pause pause) {
		this.api = api;
		this.limits = limits;
		this.clock = clock;
		this.pause = pause;
	}

	/**
	 * The X media id of image {@code index}, uploaded now or earlier for this target.
	 *
	 * @throws XStop with the outcome when the upload cannot be done
	 * @throws OAuthTokens.TokenRejected when X refuses the access token
	 */
	String mediaId(Channel channel, String token, PublishRequest request, int index) {
		PostVariant.Media image = request.variant().images().get(index);
		String scope = "x:" + request.targetId();
		Optional<String> remembered = request.media().uploaded(image.mediaId(), scope).flatMap(this::stillUsable);
		if (remembered.isPresent()) {
			return remembered.get();
		}
		byte[] content = request.media().read(image.mediaId());
		XAnswer uploaded = XRules.isGif(image) ? chunked(channel, token, content, index)
				: check(channel, index, call(index, () -> api.uploadImage(token, fileName(image), image.contentType(), content)));
		String id = uploaded.dataText("id").orElseThrow(() -> new XStop(new PublishOutcome.Transient(
				"X accepted image " + (index + 1) + " without giving its media id")));
		if (image.altText() != null && !image.altText().isBlank()) {
			check(channel, index, call(index, () -> api.altText(token, id, image.altText().strip())));
		}
		Instant expires = clock.instant().plusSeconds(uploaded.data().path("expires_after_secs").asLong(DEFAULT_LIFETIME.toSeconds()));
		request.media().rememberUpload(image.mediaId(), scope, id + " " + expires.getEpochSecond());
		return id;
	}

	private XAnswer chunked(Channel channel, String token, byte[] content, int index) {
		XAnswer init = check(channel, index, call(index, () -> api.initializeUpload(token, XRules.GIF, content.length, "tweet_gif")));
		String id = init.dataText("id").orElseThrow(() -> new XStop(new PublishOutcome.Transient(
				"X started the upload of image " + (index + 1) + " without giving its media id")));
		for (int segment = 0; segment * (long) CHUNK_BYTES < content.length; segment++) {
			int from = segment * CHUNK_BYTES;
			byte[] chunk = Arrays.copyOfRange(content, from, Math.min(content.length, from + CHUNK_BYTES));
			int number = segment;
			check(channel, index, call(index, () -> api.appendUpload(token, id, number, chunk)));
		}
		XAnswer done = check(channel, index, call(index, () -> api.finalizeUpload(token, id)));
		for (int poll = 0; poll < STATUS_POLLS; poll++) {
			String state = done.data().path("processing_info").path("state").asString("succeeded");
			if ("succeeded".equals(state)) {
				return done;
			}
			if ("failed".equals(state)) {
				throw new XStop(new PublishOutcome.Rejected("X could not process image " + (index + 1) + ": "
						+ done.data().path("processing_info").path("error").path("message").asString("processing failed")));
			}
			try {
				pause.sleep(Duration.ofSeconds(Math.max(1, done.data().path("processing_info").path("check_after_secs").asLong(1))));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new XStop(new PublishOutcome.Transient("interrupted while X processed image " + (index + 1)));
			}
			done = check(channel, index, call(index, () -> api.uploadStatus(token, id)));
		}
		throw new XStop(new PublishOutcome.Transient("X is still processing image " + (index + 1) + "; it will be tried again"));
	}

	private Optional<String> stillUsable(String remembered) {
		String[] parts = remembered.split(" ");
		if (parts.length != 2 || !parts[1].matches("\\d{1,12}")) {
			return Optional.empty();
		}
		Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[1]));
		return expires.isAfter(clock.instant().plus(REUSE_MARGIN)) ? Optional.of(parts[0]) : Optional.empty();
	}

	private static XAnswer call(int index, Supplier<XAnswer> call) {
		try {
			return call.get();
		}
		catch (AddressNotAllowed e) {
			throw new XStop(new PublishOutcome.Rejected(e.getMessage()));
		}
		catch (OutboundFailure e) {
			throw new XStop(new PublishOutcome.Transient("image " + (index + 1) + " could not be sent to X: " + e.getMessage()));
		}
	}

	private XAnswer check(Channel channel, int index, XAnswer answer) {
		limits.record(channel.id(), XApi.MEDIA_UPLOAD, answer);
		if (answer.ok()) {
			return answer;
		}
		int status = answer.status();
		String message = answer.message();
		if (status == 401) {
			throw new OAuthTokens.TokenRejected("X refused the access token: " + message);
		}
		if (status == 429) {
			throw new XStop(new PublishOutcome.RateLimited(limits.resetAfterRefusal(channel.id(), XApi.MEDIA_UPLOAD, answer),
					"X rate limit for media uploads: " + message));
		}
		if (status >= 500 || status == 408) {
			throw new XStop(new PublishOutcome.Transient("X could not take image " + (index + 1) + " (HTTP " + status + "): " + message));
		}
		throw new XStop(new PublishOutcome.Rejected("X refused image " + (index + 1) + ": " + message));
	}

	private static String fileName(PostVariant.Media image) {
		String extension = switch (image.contentType() == null ? "" : image.contentType()) {
			case "image/jpeg" -> "jpg";
			case "image/png" -> "png";
			case "image/webp" -> "webp";
			default -> "bin";
		};
		return image.mediaId() + "." + extension;
	}
}
