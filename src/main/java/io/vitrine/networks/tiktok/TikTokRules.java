package io.vitrine.networks.tiktok;

import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.VariantField;
import io.vitrine.networks.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A TikTok post's rules, pure (no I/O). What depends on the creator (allowed privacy levels, longest video) is
 * checked at publish time against the creator info ({@link TikTokConnector}).
 */
final class TikTokRules {

	static final String NETWORK = "TikTok";

	/** Direct Post, post_info.title: "The video caption ... maximum length 2200 in UTF-16 runes" (content-posting-api-reference-direct-post). */
	static final int MAX_CAPTION_UTF16 = 2200;

	/** Photo posts take 1 to 35 images (content-posting-api-reference-photo-post, photo_images). */
	static final int MAX_PHOTOS = 35;

	/** Media transfer guide, image restrictions: JPG, JPEG or WEBP, at most 20 MB each. */
	static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/webp");

	static final long MAX_PHOTO_BYTES = 20L * 1024 * 1024;

	/** Media transfer guide, video restrictions: MP4 (recommended), WebM or MOV, at most 4 GB. */
	static final Set<String> VIDEO_TYPES = Set.of("video/mp4", "video/webm", "video/quicktime");

	static final long MAX_VIDEO_BYTES = 4L * 1024 * 1024 * 1024;

	/** No creator gets more than 10 minutes through the API; each creator's own cap is max_video_post_duration_sec. */
	static final long MAX_VIDEO_MILLIS = 10 * 60_000;

	/** Privacy levels of creator_info's privacy_level_options; the creator info says which this account may use. */
	static final List<String> PRIVACY_LEVELS = List.of("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "FOLLOWER_OF_CREATOR",
			"SELF_ONLY");

	static final VariantField PRIVACY = new VariantField("privacy", VariantField.Kind.CHOICE, true, 0, PRIVACY_LEVELS,
			"network.field.tiktok.privacy");

	static final NetworkLimits LIMITS = new NetworkLimits(MAX_CAPTION_UTF16, 0, 0, MAX_PHOTOS, MAX_PHOTO_BYTES, 0, PHOTO_TYPES);

	private TikTokRules() {
	}

	static VariantCheck check(PostVariant variant) {
		List<Violation> violations = new ArrayList<>();
		int length = variant.fullText().length(); // UTF-16 code units, as TikTok counts
		if (length > MAX_CAPTION_UTF16) {
			violations.add(new Violation(NETWORK, "text", "max-characters",
					"TikTok counts %d characters in the caption; the limit is %d.".formatted(length, MAX_CAPTION_UTF16)));
		}
		List<PostVariant.Media> videos = variant.videos();
		List<PostVariant.Media> photos = variant.images();
		if (videos.isEmpty() && photos.isEmpty()) {
			violations.add(new Violation(NETWORK, "media", "media-required",
					"A TikTok post needs a video or 1 to %d photos; text alone cannot be posted.".formatted(MAX_PHOTOS)));
		}
		else if (!videos.isEmpty() && (videos.size() > 1 || !photos.isEmpty())) {
			violations.add(new Violation(NETWORK, "media", "one-video",
					"A TikTok post is either one video or photos, not several videos nor a mix."));
		}
		else if (photos.size() > MAX_PHOTOS) {
			violations.add(new Violation(NETWORK, "media", "max-images",
					"A TikTok photo post holds up to %d photos; this post has %d.".formatted(MAX_PHOTOS, photos.size())));
		}
		String privacy = variant.field(PRIVACY.name());
		if (privacy != null && !PRIVACY_LEVELS.contains(privacy)) {
			violations.add(new Violation(NETWORK, "fields.privacy", "choice",
					"TikTok's privacy level must be one of " + String.join(", ", PRIVACY_LEVELS) + "; got " + privacy + "."));
		}
		List<PostVariant.Media> media = variant.media();
		for (int i = 0; i < media.size(); i++) {
			checkMedia(media.get(i), i, violations);
		}
		return new VariantCheck(length, MAX_CAPTION_UTF16, violations);
	}

	private static void checkMedia(PostVariant.Media item, int i, List<Violation> violations) {
		String field = "media[" + i + "]";
		String type = item.contentType() == null ? "" : item.contentType().toLowerCase(Locale.ROOT);
		if (item.isVideo()) {
			if (!VIDEO_TYPES.contains(type)) {
				violations.add(new Violation(NETWORK, field, "video-type",
						"Video %d is %s; TikTok takes MP4, WebM or MOV videos.".formatted(i + 1, item.contentType())));
			}
			else if (item.sizeBytes() > MAX_VIDEO_BYTES) {
				violations.add(new Violation(NETWORK, field, "max-video-bytes",
						"Video %d is larger than 4 GB, the most TikTok takes.".formatted(i + 1)));
			}
			else if (item.durationMillis() != null && item.durationMillis() > MAX_VIDEO_MILLIS) {
				violations.add(new Violation(NETWORK, field, "video-duration", String.format(Locale.ROOT,
						"Video %d lasts %.1f s; TikTok takes up to 10 minutes.", i + 1, item.durationMillis() / 1000.0)));
			}
		}
		else if (!PHOTO_TYPES.contains(type)) {
			violations.add(new Violation(NETWORK, field, "image-type",
					"Item %d is %s; TikTok photo posts take JPEG and WebP images (no PNG).".formatted(i + 1, item.contentType())));
		}
		else if (item.sizeBytes() > MAX_PHOTO_BYTES) {
			violations.add(new Violation(NETWORK, field, "max-image-bytes", String.format(Locale.ROOT,
					"Photo %d is %.1f MB; TikTok takes up to 20 MB.", i + 1, item.sizeBytes() / 1_048_576.0)));
		}
	}
}
