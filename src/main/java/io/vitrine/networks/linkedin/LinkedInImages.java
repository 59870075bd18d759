package io.vitrine.networks.linkedin;

import io.vitrine.networks.Channel;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.oauth.OAuthTokens;
import io.vitrine.outbound.AddressNotAllowed;
import io.vitrine.outbound.OutboundFailure;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

/**
 * Uploads a post's images through the Images API
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api):
 * initializeUpload with the author as owner gives an upload URL and the image URN, then the bytes are
 * PUT there. Nothing is published by an upload, so any failure here is safe to retry; an uploaded
 * image is remembered for its target and reused by a retry.
 */
@Component
class LinkedInImages {

	private final LinkedInApi api;

	private final Clock clock;

	LinkedInImages(LinkedInApi api, Clock clock) {
		this.api = api;
		this.clock = clock;
	}

	/**
	 * The image URN of image {@code index}, uploaded now or earlier for this target.
	 *
	 * @throws LinkedInStop with the outcome when the upload cannot be done
	 * @throws OAuthTokens.TokenRejected when LinkedIn refuses the access token
	 */
	String urn(Channel channel, String token, PublishRequest request, int index) {
		PostVariant.Media image = request.variant().images().get(index);
		String scope = "linkedin:" + request.targetId();
		Optional<String> remembered = request.media().uploaded(image.mediaId(), scope);
		if (remembered.isPresent()) {
			return remembered.get();
		}
		LinkedInAnswer started = call(() -> api.initializeImageUpload(token, channel.remoteAccountId()));
		refuse(started, "prepare image " + (index + 1));
		String uploadUrl = LinkedInAnswer.text(started.body().path("value"), "uploadUrl").orElse(null);
		String urn = LinkedInAnswer.text(started.body().path("value"), "image").orElse(null);
		if (uploadUrl == null || urn == null) {
			throw new LinkedInStop(new PublishOutcome.Transient("LinkedIn did not give an upload address for image "
					+ (index + 1) + "; nothing was posted"));
		}
		LinkedInAnswer uploaded = call(() -> api.uploadImage(token, uploadUrl, image.contentType(),
				request.media().read(image.mediaId())));
		refuse(uploaded, "upload image " + (index + 1));
		request.media().rememberUpload(image.mediaId(), scope, urn);
		return urn;
	}

	private void refuse(LinkedInAnswer answer, String step) {
		if (answer.ok()) {
			return;
		}
		int status = answer.status();
		if (status == 401) {
			throw new OAuthTokens.TokenRejected("LinkedIn refused the access token: " + answer.message());
		}
		if (status == 429) {
			throw new LinkedInStop(new PublishOutcome.RateLimited(LinkedInRateLimit.resetAfter(answer, clock.instant()),
					"LinkedIn rate limit while trying to " + step + ": " + answer.message()));
		}
		if (status >= 500 || status == 408) {
			throw new LinkedInStop(new PublishOutcome.Transient("LinkedIn answered HTTP " + status + " while trying to " + step
					+ " (" + answer.message() + "); nothing was posted"));
		}
		throw new LinkedInStop(new PublishOutcome.Rejected("LinkedIn refused to " + step + ": " + answer.message()));
	}

	private static LinkedInAnswer call(java.util.function.Supplier<LinkedInAnswer> step) {
		try {
			return step.get();
		}
		catch (AddressNotAllowed e) {
			throw new LinkedInStop(new PublishOutcome.Rejected(e.getMessage()));
		}
		catch (OutboundFailure e) {
			// An upload publishes nothing: whatever happened to it, sending it again is harmless.
			throw new LinkedInStop(new PublishOutcome.Transient("Could not upload an image to LinkedIn: " + e.getMessage()));
		}
	}
}
