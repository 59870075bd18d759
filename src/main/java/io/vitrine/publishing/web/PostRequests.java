package io.vitrine.publishing.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.media.Schema;
import io.vitrine.publishing.PostDraft;
import io.vitrine.publishing.PostLabels;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** JSON bodies of the posts API. */
final class PostRequests {

	private PostRequests() {
	}

	@Schema(description = "A post: one variant per account, and when to publish it")
	record CreatePost(
			@Schema(description = "one entry per account; each is validated against its network's rules") List<Target> targets,
			@Schema(description = "draft (default without scheduledAt), now, or schedule (default with scheduledAt)",
					allowableValues = { "draft", "now", "schedule" }) String publish,
			@Schema(description = "an instant with offset (2026-03-29T07:00:00Z) or a wall-clock time (2026-03-29T09:00) in timeZone; "
					+ "a time skipped by a daylight-saving change is refused, a repeated one means its first occurrence",
					example = "2026-03-29T09:00") String scheduledAt,
			@Schema(description = "IANA zone of a wall-clock scheduledAt; defaults to the workspace's", example = "Europe/Paris") String timeZone,
			@Schema(description = "one of the workspace's content categories (GET …/categories), or none") UUID categoryId,
			@Schema(description = "the campaign tag shared by the posts of one campaign", example = "Christmas 2026",
					maxLength = PostLabels.MAX_CAMPAIGN) String campaign) {

		PostLabels labels() {
			return new PostLabels(categoryId, campaign);
		}

		PostDraft.TargetDraft target(int i) {
			Target t = targets.get(i);
			return t == null ? new PostDraft.TargetDraft(null, null, null, List.of())
					: new PostDraft.TargetDraft(t.connectionId(), t.text(), t.link(),
							t.media() == null ? List.of() : t.media().stream()
								.map(image -> image == null ? null : new PostDraft.ImageDraft(image.mediaId(), image.altText()))
								.toList(), t.fields());
		}
	}

	record Target(UUID connectionId, String text, String link,
			@JsonAlias("images") @Schema(description = "images and videos from the media library, in order (\"images\" is accepted too)") List<Image> media,
			@Schema(description = "values of the network's own fields, by name (a YouTube title, a TikTok privacy level);"
					+ " GET /api/v1/networks lists each network's fields, their kind, whether required, their limit and choices;"
					+ " a name the network does not declare is refused (rule 'known')", example = "{\"title\": \"Our spring collection\"}")
			Map<String, String> fields) {
	}

	record Image(UUID mediaId,
			@Schema(description = "described for people who cannot see it; the library's alt text when absent") String altText) {
	}

	record Schedule(String scheduledAt, String timeZone) {
	}

	@Schema(description = "The new text and link of one target; its images stay")
	record EditTarget(String text, String link) {
	}
}
