package io.vitrine.networks.facebook;

import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A Facebook Page post's rules. Pure: no I/O; the same code runs in the composer and before sending. */
final class FacebookRules {

	static final String NETWORK = "Facebook";

	/** A post's message holds up to 63,206 characters (Facebook's own composer limit; counted as UTF-16 units). */
	static final int MAX_CHARACTERS = 63_206;

	/**
	 * Page photos: JPEG, BMP, PNG, GIF and TIFF, up to 4 MB
	 * (https://developers.facebook.com/docs/graph-api/reference/page/photos/, "Requirements").
	 */
	static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/bmp", "image/tiff");

	static final long MAX_IMAGE_BYTES = 4L * 1024 * 1024;

	/** Photos attached to one feed post (attached_media); Vitrine stays at the 10 Meta's own tools allow. */
	static final int MAX_IMAGES = 10;

	static final NetworkLimits LIMITS = new NetworkLimits(MAX_CHARACTERS, 0, 0, MAX_IMAGES, MAX_IMAGE_BYTES, 0, IMAGE_TYPES);

	/**
	 * A Page video, which Facebook fetches from a public address (file_url on {@code POST /{page-id}/videos},
	 * https://developers.facebook.com/docs/graph-api/reference/page/videos/): a non-resumable upload, so at most
	 * 1 GB and 20 minutes (https://developers.facebook.com/docs/video-api/guides/publishing); MP4 or MOV, alone in its post.
	 */
	static final Set<String> VIDEO_TYPES = Set.of("video/mp4", "video/quicktime");

	static final long MAX_VIDEO_BYTES = 1024L * 1024 * 1024;

	static final long MAX_VIDEO_MILLIS = 20 * 60 * 1000L;

	private FacebookRules() {
	}

	static VariantCheck check(PostVariant variant) {
		List<Violation> violations = new ArrayList<>();
		String text = variant.fullText();
		List<PostVariant.Media> images = variant.images();
		List<PostVariant.Media> videos = variant.videos();
		if (text.isBlank() && images.isEmpty() && videos.isEmpty()) {
			violations.add(new Violation(NETWORK, "text", "required", "A Facebook post needs text, an image or a video."));
		}
		else if (text.length() > MAX_CHARACTERS) {
			violations.add(new Violation(NETWORK, "text", "max-characters",
					"Facebook counts %d characters; the limit is %d.".formatted(text.length(), MAX_CHARACTERS)));
		}
		if (images.size() > MAX_IMAGES) {
			violations.add(new Violation(NETWORK, "images", "max-images",
					"Vitrine posts up to %d photos at once on Facebook; this post has %d.".formatted(MAX_IMAGES, images.size())));
		}
		for (int i = 0; i < images.size(); i++) {
			PostVariant.Media image = images.get(i);
			String field = "images[" + i + "]";
			if (!LIMITS.acceptsImageType(image.contentType())) {
				violations.add(new Violation(NETWORK, field, "image-type", "Image %d is %s; Facebook accepts JPEG, PNG, GIF, BMP "
						.formatted(i + 1, image.contentType()) + "and TIFF images."));
			}
			else if (image.sizeBytes() > MAX_IMAGE_BYTES) {
				violations.add(new Violation(NETWORK, field, "max-image-bytes", "Image %d is %.1f MB; Facebook accepts up to 4 MB."
					.formatted(i + 1, image.sizeBytes() / 1_048_576.0)));
			}
		}
		checkVideos(videos, images, violations);
		return new VariantCheck(text.length(), MAX_CHARACTERS, violations);
	}

	private static void checkVideos(List<PostVariant.Media> videos, List<PostVariant.Media> images, List<Violation> violations) {
		if (videos.isEmpty()) {
			return;
		}
		if (videos.size() > 1 || !images.isEmpty()) {
			violations.add(new Violation(NETWORK, "videos", "video-alone", "A Facebook video post holds one video and no image."));
		}
		PostVariant.Media video = videos.getFirst();
		if (video.contentType() == null || !VIDEO_TYPES.contains(video.contentType().toLowerCase(java.util.Locale.ROOT))) {
			violations.add(new Violation(NETWORK, "videos[0]", "video-type",
					"The video is %s; Vitrine sends MP4 and MOV videos to Facebook.".formatted(video.contentType())));
		}
		if (video.sizeBytes() > MAX_VIDEO_BYTES) {
			violations.add(new Violation(NETWORK, "videos[0]", "max-video-bytes",
					"The video is %.1f GB; Facebook fetches videos of up to 1 GB.".formatted(video.sizeBytes() / 1_073_741_824.0)));
		}
		if (video.durationMillis() != null && video.durationMillis() > MAX_VIDEO_MILLIS) {
			violations.add(new Violation(NETWORK, "videos[0]", "max-duration",
					"The video lasts %d min %02d s; Facebook fetches videos of up to 20 minutes."
						.formatted(video.durationMillis() / 60_000, video.durationMillis() / 1000 % 60)));
		}
	}
}
