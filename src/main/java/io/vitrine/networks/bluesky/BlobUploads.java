package io.vitrine.networks.bluesky;

import io.vitrine.networks.PostVariant;
import io.vitrine.networks.PublishRequest;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Uploads a post's images (com.atproto.repo.uploadBlob) and remembers each blob per account, so a
 * retry, or another post with the same image, reuses it instead of uploading it again.
 */
@Component
class BlobUploads {

	private final Xrpc xrpc;

	private final Clock clock;

	BlobUploads(Xrpc xrpc, Clock clock) {
		this.xrpc = xrpc;
		this.clock = clock;
	}

	/**
	 * @param again upload even what was uploaded before, because the server no longer has it (a blob's
	 *              address is the hash of its bytes, so the remembered reference stays right)
	 */
	List<PostRecord.Image> images(Session session, PublishRequest request, boolean again) {
		String scope = "bluesky:" + session.did();
		List<PostRecord.Image> images = new ArrayList<>();
		for (PostVariant.Media image : request.variant().images()) {
			Optional<String> known = again ? Optional.empty() : request.media().uploaded(image.mediaId(), scope);
			JsonNode blob = known.map(json -> JsonMapper.shared().readTree(json)).orElseGet(() -> {
				JsonNode uploaded = upload(session, request.media().read(image.mediaId()), image.contentType());
				request.media().rememberUpload(image.mediaId(), scope, JsonMapper.shared().writeValueAsString(uploaded));
				return uploaded;
			});
			images.add(new PostRecord.Image(blob, image.altText(), image.width(), image.height()));
		}
		return images;
	}

	private JsonNode upload(Session session, byte[] content, String contentType) {
		XrpcAnswer answer = BlueskyFailure.beforePosting("uploading an image",
				() -> xrpc.upload(session.pdsUrl(), "com.atproto.repo.uploadBlob", contentType, content, session.accessJwt()));
		TokenRejected.check(answer);
		if (!answer.ok() || !answer.body().path("blob").isObject()) {
			throw BlueskyFailure.of(answer, "Bluesky did not take an image", clock);
		}
		return answer.body().path("blob");
	}
}
