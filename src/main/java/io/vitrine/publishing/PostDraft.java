package io.vitrine.publishing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a person asks for when saving a post: a variant per account, when to publish, and its category and campaign.
 *
 * @param submissionKey the form's (or the API client's Idempotency-Key) one-time key, or null: a second save with the
 *        same key in the workspace is refused by the database, so a double click never makes two posts
 */
public record PostDraft(List<TargetDraft> targets, When when, PostLabels labels, String submissionKey) {

	public static final int MAX_SUBMISSION_KEY = 100;

	public PostDraft {
		targets = targets == null ? List.of() : List.copyOf(targets);
		labels = labels == null ? PostLabels.NONE : labels;
		submissionKey = submissionKey == null || submissionKey.isBlank() ? null : submissionKey.strip();
	}

	public PostDraft(List<TargetDraft> targets, When when, PostLabels labels) {
		this(targets, when, labels, null);
	}

	public PostDraft(List<TargetDraft> targets, When when) {
		this(targets, when, PostLabels.NONE, null);
	}

	/** @param fields values of the network's own fields (its connector's variantFields), by name */
	public record TargetDraft(UUID connectionId, String text, String link, List<ImageDraft> images, Map<String, String> fields) {

		public TargetDraft {
			images = images == null ? List.of() : List.copyOf(images);
			fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
		}

		public TargetDraft(UUID connectionId, String text, String link, List<ImageDraft> images) {
			this(connectionId, text, link, images, Map.of());
		}
	}

	public record ImageDraft(UUID mediaId, String altText) {
	}

	public sealed interface When {
	}

	/** Kept as a draft; not published until scheduled. */
	public record AsDraft() implements When {
	}

	/** Through the same engine as everything else, due at once. */
	public record Now() implements When {
	}

	/** @param zone the zone the person chose the time in, kept to show it back the same way */
	public record At(Instant instant, ZoneId zone) implements When {
	}
}
