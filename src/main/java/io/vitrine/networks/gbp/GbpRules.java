package io.vitrine.networks.gbp;

import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.VariantField;
import io.vitrine.networks.Violation;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Google Business Profile's rules for one local post. Pure: no I/O; the same code runs in the composer and before
 * sending. Source: the LocalPost resource, https://developers.google.com/my-business/reference/rest/v4/accounts.locations.localPosts
 * (summary, topicType, event "required for topic types EVENT and OFFER", callToAction "ignored for topic type
 * OFFER", ActionType, "url should be left unset for Call CTA"), and https://developers.google.com/my-business/content/posts-data.
 */
final class GbpRules {

	static final String NETWORK = "Google Business Profile";

	/** Business Profile posts hold up to 1,500 characters (https://support.google.com/business/answer/7662907). */
	static final int MAX_SUMMARY = 1500;

	static final String STANDARD = "STANDARD";

	static final String EVENT = "EVENT";

	static final String OFFER = "OFFER";

	static final String NO_BUTTON = "NONE";

	static final String CALL = "CALL";

	static final VariantField TOPIC = new VariantField("topicType", VariantField.Kind.CHOICE, false, 0,
			List.of(STANDARD, EVENT, OFFER), "network.field.gbp.topicType");

	static final VariantField EVENT_TITLE = new VariantField("eventTitle", VariantField.Kind.TEXT, false, 0, List.of(),
			"network.field.gbp.eventTitle");

	static final VariantField EVENT_START = new VariantField("eventStart", VariantField.Kind.DATE_TIME, false, 0, List.of(),
			"network.field.gbp.eventStart");

	static final VariantField EVENT_END = new VariantField("eventEnd", VariantField.Kind.DATE_TIME, false, 0, List.of(),
			"network.field.gbp.eventEnd");

	static final VariantField COUPON = new VariantField("couponCode", VariantField.Kind.TEXT, false, 0, List.of(),
			"network.field.gbp.couponCode");

	static final VariantField REDEEM_URL = new VariantField("redeemUrl", VariantField.Kind.TEXT, false, 0, List.of(),
			"network.field.gbp.redeemUrl");

	static final VariantField TERMS = new VariantField("terms", VariantField.Kind.LONG_TEXT, false, 0, List.of(),
			"network.field.gbp.terms");

	/** ActionType of the reference, without the unspecified value and GET_OFFER (meant for offers, which ignore buttons). */
	static final VariantField BUTTON = new VariantField("callToAction", VariantField.Kind.CHOICE, false, 0,
			List.of(NO_BUTTON, "BOOK", "ORDER", "SHOP", "LEARN_MORE", "SIGN_UP", CALL), "network.field.gbp.callToAction");

	static final VariantField BUTTON_URL = new VariantField("callToActionUrl", VariantField.Kind.TEXT, false, 0, List.of(),
			"network.field.gbp.callToActionUrl");

	static final List<VariantField> FIELDS = List.of(TOPIC, EVENT_TITLE, EVENT_START, EVENT_END, COUPON, REDEEM_URL, TERMS,
			BUTTON, BUTTON_URL);

	/**
	 * One photo per post, JPEG or PNG of 10 KB to 5 MB and at least 400 by 300 pixels (Business Profile post photos,
	 * https://support.google.com/business/answer/7342169). Google fetches it from a public address (sourceUrl: "media
	 * in a local post must be uploaded from a URL", https://developers.google.com/my-business/content/upload-photos);
	 * Google keeps no alt text.
	 */
	static final int MAX_PHOTOS = 1;

	static final long MIN_PHOTO_BYTES = 10 * 1024, MAX_PHOTO_BYTES = 5L * 1024 * 1024;

	static final int MIN_PHOTO_WIDTH = 400, MIN_PHOTO_HEIGHT = 300;

	static final NetworkLimits LIMITS = new NetworkLimits(MAX_SUMMARY, 0, 0, MAX_PHOTOS, MAX_PHOTO_BYTES, 0,
			Set.of("image/jpeg", "image/png"));

	private GbpRules() {
	}

	static String topic(PostVariant variant) {
		String topic = variant.field(TOPIC.name());
		return topic == null ? STANDARD : topic;
	}

	/** The button: the chosen one, else "Learn more" when the post has a link, else none. */
	static String button(PostVariant variant) {
		String button = variant.field(BUTTON.name());
		if (button == null || button.equals(NO_BUTTON)) {
			return variant.link() != null && !OFFER.equals(topic(variant)) ? "LEARN_MORE" : null;
		}
		return button;
	}

	/** Where the button leads: its own address, else the post's link; none for CALL. */
	static String buttonUrl(PostVariant variant) {
		String button = button(variant);
		if (button == null || button.equals(CALL)) {
			return null;
		}
		String url = variant.field(BUTTON_URL.name());
		return url != null ? url : variant.link();
	}

	private static void checkPhotos(List<PostVariant.Media> photos, List<Violation> violations) {
		if (photos.size() > MAX_PHOTOS) {
			violations.add(new Violation(NETWORK, "images", "max-images",
					"A Google Business Profile post shows one photo; this one has %d.".formatted(photos.size())));
		}
		for (int i = 0; i < photos.size(); i++) {
			PostVariant.Media photo = photos.get(i);
			String field = "images[" + i + "]";
			if (!LIMITS.acceptsImageType(photo.contentType())) {
				violations.add(new Violation(NETWORK, field, "image-type",
						"The photo is %s; Google Business Profile takes JPEG and PNG.".formatted(photo.contentType())));
				continue;
			}
			if (photo.sizeBytes() < MIN_PHOTO_BYTES || photo.sizeBytes() > MAX_PHOTO_BYTES) {
				violations.add(new Violation(NETWORK, field, photo.sizeBytes() < MIN_PHOTO_BYTES ? "min-image-bytes" : "max-image-bytes",
						"The photo weighs %,d KB; Google Business Profile takes 10 KB to 5 MB.".formatted(photo.sizeBytes() / 1024)));
			}
			if (photo.width() != null && photo.height() != null
					&& (photo.width() < MIN_PHOTO_WIDTH || photo.height() < MIN_PHOTO_HEIGHT)) {
				violations.add(new Violation(NETWORK, field, "min-dimensions",
						"The photo is %d × %d pixels; Google Business Profile needs at least %d × %d."
							.formatted(photo.width(), photo.height(), MIN_PHOTO_WIDTH, MIN_PHOTO_HEIGHT)));
			}
		}
	}

	static VariantCheck check(PostVariant variant) {
		List<Violation> violations = new ArrayList<>();
		String text = variant.text();
		int length = text.codePointCount(0, text.length());
		String topic = topic(variant);
		if (length > MAX_SUMMARY) {
			violations.add(new Violation(NETWORK, "text", "max-characters",
					"Google Business Profile counts %d characters; the limit is %d.".formatted(length, MAX_SUMMARY)));
		}
		else if (text.isBlank() && STANDARD.equals(topic)) {
			violations.add(new Violation(NETWORK, "text", "required", "A Google Business Profile update needs text."));
		}
		checkPhotos(variant.images(), violations);
		if (EVENT.equals(topic) || OFFER.equals(topic)) {
			String kind = EVENT.equals(topic) ? "An event" : "An offer";
			for (VariantField needed : List.of(EVENT_TITLE, EVENT_START, EVENT_END)) {
				if (variant.field(needed.name()) == null) {
					violations.add(new Violation(NETWORK, "fields." + needed.name(), "required",
							"%s on Google Business Profile needs a %s.".formatted(kind, words(needed))));
				}
			}
			OffsetDateTime start = dateTime(variant.field(EVENT_START.name()));
			OffsetDateTime end = dateTime(variant.field(EVENT_END.name()));
			if (start != null && end != null && !end.isAfter(start)) {
				violations.add(new Violation(NETWORK, "fields." + EVENT_END.name(), "after-start",
						"The end must come after the start."));
			}
		}
		String button = variant.field(BUTTON.name());
		if (OFFER.equals(topic) && button != null && !button.equals(NO_BUTTON)) {
			violations.add(new Violation(NETWORK, "fields." + BUTTON.name(), "not-for-offers",
					"Google ignores buttons on offers; use the redeem link instead."));
		}
		else if (button != null && !button.equals(NO_BUTTON)) {
			String url = buttonUrl(variant);
			if (button.equals(CALL) && variant.field(BUTTON_URL.name()) != null) {
				violations.add(new Violation(NETWORK, "fields." + BUTTON_URL.name(), "no-url-for-call",
						"A Call button calls the business's phone number; leave its address empty."));
			}
			else if (!button.equals(CALL) && (url == null || !web(url))) {
				violations.add(new Violation(NETWORK, "fields." + BUTTON_URL.name(), "url",
						"The button needs a web address (http or https)."));
			}
		}
		String redeem = variant.field(REDEEM_URL.name());
		if (redeem != null && !web(redeem)) {
			violations.add(new Violation(NETWORK, "fields." + REDEEM_URL.name(), "url",
					"The redeem link must be a web address (http or https)."));
		}
		return new VariantCheck(length, MAX_SUMMARY, violations);
	}

	private static String words(VariantField field) {
		return switch (field.name()) {
			case "eventTitle" -> "title";
			case "eventStart" -> "start date and time";
			default -> "end date and time";
		};
	}

	static OffsetDateTime dateTime(String value) {
		try {
			return value == null ? null : OffsetDateTime.parse(value);
		}
		catch (DateTimeParseException e) {
			return null; // reported by the rules every network shares
		}
	}

	private static boolean web(String url) {
		return url.matches("(?i)https?://\\S+");
	}
}
