package io.vitrine.approvals.internal;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A post's approval as people and API clients see it. */
@Schema(description = "Where a post stands in its workspace's approval workflow, with its history and comments")
public record ApprovalView(UUID postId,
		@Schema(description = "not-required, pending, approved, changes-requested or rejected") String status,
		@Schema(description = "1-based number of the step waiting or that decided; null when not under approval or approved") Integer step,
		String stepName, int round,
		@Schema(description = "names of the people whose decision the current step still needs") List<String> waitingFor,
		@Schema(description = "whether a client's decision through a review link counts at the current step") boolean waitingForClient,
		@Schema(description = "whether the caller may decide now") boolean mayDecide,
		@Schema(description = "whether the engine holds the post's targets (true until approved)") boolean held,
		List<DecisionView> history, List<CommentView> comments) {

	@Schema(description = "One decision; counted is false for a client's decision at a step that takes none (kept as a comment)")
	public record DecisionView(Instant at, int round, int step, String stepName, String decision, String by, boolean external,
			boolean counted, String comment) {
	}

	public record CommentView(Instant at, String author, boolean external, String body) {
	}
}
