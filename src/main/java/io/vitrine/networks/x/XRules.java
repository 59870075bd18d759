package io.vitrine.networks.x;

import com.twitter.twittertext.TwitterTextParseResults;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.Polls;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.VariantField;
import io.vitrine.networks.Violation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * X's rules for one post. Pure: no I/O; the same code runs in the composer and before sending.
 * Video is not in Vitrine's media library yet; its rule (one video, alone) comes with it.
 */
final class XRules {

	static final String NETWORK = "X";

	static final String GIF = "image/gif";

	/**
	 * Image types X accepts in posts: JPEG, PNG, GIF, WEBP (the tweet_image and tweet_gif media
	 * types of InitializeMediaUploadRequest in the official API description; BMP and TIFF are
	 * converted by X and not offered here).
	 */
	static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", GIF, "image/webp");

	/** Images up to 5 MB. Source: https://docs.x.com/x-api/media ("Media types & size restrictions"). */
	static final long MAX_IMAGE_BYTES = 5L * 1024 * 1024;

	/** Animated GIFs up to 15 MB; same source. */
	static final long MAX_GIF_BYTES = 15L * 1024 * 1024;

	/**
	 * Up to 4 photos, or 1 animated GIF, or 1 video per post. Source:
	 * https://docs.x.com/x-api/media/quickstart/best-practices ("Keep in mind"); CreatePostsMedia.media_ids
	 * has maxItems 4 in the official API description.
	 */
	static final int MAX_IMAGES = 4;

	/** CreateMediaMetadataMetadataAltText.text maxLength in the official API description. */
	static final int MAX_ALT_TEXT = 1000;

	static final NetworkLimits LIMITS = new NetworkLimits(XTextLength.max(), 0, 23, MAX_IMAGES, MAX_IMAGE_BYTES, MAX_ALT_TEXT,
			IMAGE_TYPES);

	/**
	 * A thread: the post, then each further post as a reply to the one before (CreatePostsReply.in_reply_to_tweet_id in
	 * the official API description). Written in one field, posts separated by a line of three dashes; X's own composer
	 * stops a thread at 25 posts.
	 */
	static final VariantField THREAD = new VariantField("thread", VariantField.Kind.LONG_TEXT, false, 0, List.of(),
			"network.field.x.thread");

	static final int MAX_THREAD_POSTS = 25;

	/** CreatePostsPoll in the official API description: 2 to 4 options of 1 to 25 characters, open 5 to 10,080 minutes. */
	static final int MAX_POLL_OPTIONS = 4, MAX_POLL_OPTION_CHARACTERS = 25;

	private static final Pattern THREAD_BREAK = Pattern.compile("(?m)^[ \\t]*---+[ \\t]*$");

	private XRules() {
	}

	/** The further posts of the thread, in order, blank ones left out. */
	static List<String> threadParts(PostVariant variant) {
		String thread = variant.field(THREAD.name());
		if (thread == null || thread.isBlank()) {
			return List.of();
		}
		return Arrays.stream(THREAD_BREAK.split(thread)).map(String::strip).filter(part -> !part.isEmpty()).toList();
	}

	static VariantCheck check(PostVariant variant) {
		List<Violation> violations = new ArrayList<>();
		String text = variant.fullText();
		TwitterTextParseResults parsed = XTextLength.parse(text);
		int max = XTextLength.max();
		List<PostVariant.Media> images = variant.images();
		if (text.isBlank() && images.isEmpty()) {
			violations.add(new Violation(NETWORK, "text", "required", "A post on X needs text or at least one image."));
		}
		else if (parsed.weightedLength > max) {
			violations.add(new Violation(NETWORK, "text", "max-weighted-length",
					"X counts %d characters (each link as 23, emoji and CJK characters as 2); the limit is %d."
						.formatted(parsed.weightedLength, max)));
		}
		else if (!text.isEmpty() && !parsed.isValid) {
			violations.add(new Violation(NETWORK, "text", "invalid-characters",
					"The text holds characters X does not accept (such as U+FFFE or U+FFFF)."));
		}
		checkMedia(images, violations);
		checkThread(threadParts(variant), max, violations);
		Polls.check(NETWORK, variant, MAX_POLL_OPTIONS, MAX_POLL_OPTION_CHARACTERS, violations);
		return new VariantCheck(parsed.weightedLength, max, violations);
	}

	private static void checkMedia(List<PostVariant.Media> images, List<Violation> violations) {
		long gifs = images.stream().filter(XRules::isGif).count();
		if (gifs > 0 && images.size() > 1) {
			violations.add(new Violation(NETWORK, "images", "gif-alone",
					"An animated GIF goes alone on X: one GIF, or up to 4 other images, per post."));
		}
		else if (images.size() > MAX_IMAGES) {
			violations.add(new Violation(NETWORK, "images", "max-images",
					"X allows %d images per post; this post has %d.".formatted(MAX_IMAGES, images.size())));
		}
		for (int i = 0; i < images.size(); i++) {
			PostVariant.Media image = images.get(i);
			String field = "images[" + i + "]";
			int number = i + 1;
			if (!LIMITS.acceptsImageType(image.contentType())) {
				violations.add(new Violation(NETWORK, field, "image-type",
						"Image %d is %s; X accepts JPEG, PNG, GIF and WEBP images.".formatted(number, image.contentType())));
				continue;
			}
			long max = isGif(image) ? MAX_GIF_BYTES : MAX_IMAGE_BYTES;
			if (image.sizeBytes() > max) {
				violations.add(new Violation(NETWORK, field, "max-image-bytes",
						"Image %d is %s; X accepts %s up to %s.".formatted(number, megabytes(image.sizeBytes()),
								isGif(image) ? "GIFs" : "images", megabytes(max))));
			}
			String alt = image.altText();
			if (alt != null && alt.codePointCount(0, alt.length()) > MAX_ALT_TEXT) {
				violations.add(new Violation(NETWORK, field + ".altText", "max-alt-text",
						"The alt text of image %d has %d characters; X allows %d."
							.formatted(number, alt.codePointCount(0, alt.length()), MAX_ALT_TEXT)));
			}
		}
	}

	private static void checkThread(List<String> parts, int max, List<Violation> violations) {
		String field = "fields." + THREAD.name();
		if (parts.size() + 1 > MAX_THREAD_POSTS) {
			violations.add(new Violation(NETWORK, field, "max-thread-posts",
					"A thread on X holds up to %d posts; this one has %d.".formatted(MAX_THREAD_POSTS, parts.size() + 1)));
		}
		for (int i = 0; i < parts.size(); i++) {
			TwitterTextParseResults part = XTextLength.parse(parts.get(i));
			if (part.weightedLength > max) {
				violations.add(new Violation(NETWORK, field, "max-weighted-length",
						"Post %d of the thread: X counts %d characters (each link as 23, emoji and CJK characters as 2); the limit is %d."
							.formatted(i + 2, part.weightedLength, max)));
			}
			else if (!part.isValid) {
				violations.add(new Violation(NETWORK, field, "invalid-characters",
						"Post %d of the thread holds characters X does not accept (such as U+FFFE or U+FFFF).".formatted(i + 2)));
			}
		}
	}

	static boolean isGif(PostVariant.Media image) {
		return image.contentType() != null && GIF.equals(image.contentType().toLowerCase(Locale.ROOT));
	}

	private static String megabytes(long bytes) {
		return "%.1f MB".formatted(bytes / 1_048_576.0).replace(".0 MB", " MB");
	}
}
