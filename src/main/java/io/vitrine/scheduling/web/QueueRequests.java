package io.vitrine.scheduling.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.vitrine.publishing.PostDraft;
import io.vitrine.publishing.PostLabels;
import io.vitrine.scheduling.internal.AccountQueues;

import java.util.List;
import java.util.UUID;

/** JSON bodies of the queue API. */
final class QueueRequests {

	private QueueRequests() {
	}

	@Schema(description = "An account's posting slots, in its time zone, and its daily cap")
	record ChangeSlots(
			@Schema(description = "weekday (MONDAY…SUNDAY) and wall-clock time (HH:mm) in the account's zone; may be empty") List<AccountQueues.SlotView> slots,
			@Schema(description = "at most this many posts on the account per day (all its posts count); null for no cap", example = "2") Integer dailyCap) {
	}

	@Schema(description = "A post added to the queue: each account's target takes that account's next free slot")
	record QueuePost(@Schema(description = "one entry per account, as for creating a post") List<Target> targets,
			@Schema(description = "re-queue each target after it is published") Evergreen evergreen,
			@Schema(description = "one of the workspace's content categories, or none") UUID categoryId,
			@Schema(description = "the campaign tag", example = "Christmas 2026") String campaign) {

		List<PostDraft.TargetDraft> drafts() {
			return targets == null ? List.of() : targets.stream().map(Target::draft).toList();
		}

		PostLabels labels() {
			return new PostLabels(categoryId, campaign);
		}
	}

	record Evergreen(@Schema(description = "never closer than this to the previous publication (1–365 days)", example = "30") Integer minimumGapDays) {
	}

	@Schema(description = "A recurring post: one scheduled post per occurrence, created at once")
	record CreateSeries(List<Target> targets,
			@Schema(description = "first occurrence, a wall-clock time in timeZone", example = "2026-12-01T09:00") String start,
			@Schema(description = "IANA zone; defaults to the workspace's", example = "Europe/Paris") String timeZone,
			@Schema(description = "every N days or weeks (1–52)", example = "1") Integer every,
			@Schema(allowableValues = { "days", "weeks" }) String unit,
			@Schema(description = "weekly only: the weekdays (MONDAY…SUNDAY); defaults to start's") List<String> weekdays,
			@Schema(description = "last day (inclusive); give until or count", example = "2027-01-31") String until,
			@Schema(description = "number of occurrences (1–366); give until or count", example = "10") Integer count) {

		List<PostDraft.TargetDraft> drafts() {
			return targets == null ? List.of() : targets.stream().map(Target::draft).toList();
		}
	}

	record Target(UUID connectionId, String text, String link, List<Image> images) {

		PostDraft.TargetDraft draft() {
			return new PostDraft.TargetDraft(connectionId, text, link, images == null ? List.of()
					: images.stream().map(i -> i == null ? null : new PostDraft.ImageDraft(i.mediaId(), i.altText())).toList());
		}
	}

	record Image(UUID mediaId, String altText) {
	}

	record Swap(@Schema(description = "another queued post of the same account") UUID withTargetId) {
	}

	record Move(@Schema(allowableValues = { "up", "down" }) String direction) {
	}
}
