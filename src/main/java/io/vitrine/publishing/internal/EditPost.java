package io.vitrine.publishing.internal;

import io.vitrine.networks.Connections;
import io.vitrine.networks.Violation;
import io.vitrine.publishing.ApprovalGate;
import io.vitrine.publishing.TargetState;
import io.vitrine.publishing.TargetView;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Changes the text and link of a target that has not started (draft or scheduled), checked against
 * its network's rules. A post under approval goes back to its approvers, in the same transaction.
 */
@Service
public class EditPost {

	private final JdbcClient jdbc;

	private final Targets targets;

	private final Transitions transitions;

	private final Connections connections;

	private final VariantValidation validation;

	private final ObjectProvider<ApprovalGate> approvals;

	private final Clock clock;

	EditPost(JdbcClient jdbc, Targets targets, Transitions transitions, Connections connections, VariantValidation validation,
			ObjectProvider<ApprovalGate> approvals, Clock clock) {
		this.jdbc = jdbc;
		this.targets = targets;
		this.transitions = transitions;
		this.connections = connections;
		this.validation = validation;
		this.approvals = approvals;
		this.clock = clock;
	}

	@Transactional
	public TargetView edit(Member member, UUID targetId, String text, String link) {
		Policies.require(Policies.MAY_COMPOSE, member, "edit posts");
		TargetView t = targets.find(member.workspaceId(), targetId).orElseThrow(() -> new NotFound("target " + targetId));
		if (t.state() != TargetState.DRAFT && t.state() != TargetState.SCHEDULED) {
			throw InvalidInput.of("targetId", "editable", "only a draft or scheduled post can be edited; this one is "
					+ t.state().dbValue());
		}
		String body = text == null ? "" : text;
		String cleanLink = link == null || link.isBlank() ? null : link.strip();
		if (body.length() > ComposePost.MAX_TEXT) {
			throw InvalidInput.of("text", "max-length", "is longer than " + ComposePost.MAX_TEXT + " characters");
		}
		if (cleanLink != null && (cleanLink.length() > 2048 || !cleanLink.matches("(?i)https?://[^\\s/]+.*"))) {
			throw InvalidInput.of("link", "url", "must be an http(s) address of at most 2048 characters");
		}
		List<Violation> violations = validation.check(connections.get(member.workspaceId(), t.connectionId()),
				validation.variantOf(member.workspaceId(), body, cleanLink, t.images())).violations();
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations.stream().map(v -> new InvalidInput.Problem(v.field(), v.rule(), v.message())).toList());
		}
		boolean hold = approvals.getIfAvailable(() -> ApprovalGate.NONE).contentChanged(member, t.postId());
		Instant now = clock.instant();
		// The state in the where clause: the engine may have claimed the target since it was read.
		int updated = jdbc.sql("update post_target set body = ?, link = ?, updated_at = ? where id = ? and state in ('draft', 'scheduled')")
			.params(body, cleanLink, Sql.ts(now), t.id())
			.update();
		if (updated == 0) {
			throw InvalidInput.of("targetId", "editable", "a post being sent cannot be edited");
		}
		if (hold) {
			jdbc.sql("update post_target set awaiting_approval = true where post_id = ? and state in ('draft', 'scheduled')")
				.param(t.postId())
				.update();
		}
		transitions.record(t.id(), t.state(), t.state(), now, "edited by " + member.userId()
				+ (hold ? "; waiting for approval again" : ""));
		return targets.find(member.workspaceId(), targetId).orElseThrow();
	}
}
