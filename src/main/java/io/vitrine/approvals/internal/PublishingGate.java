package io.vitrine.approvals.internal;

import io.vitrine.publishing.ApprovalGate;
import io.vitrine.workspaces.Member;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** The approval workflow as publishing sees it (publishing never depends on this module). */
@Component
class PublishingGate implements ApprovalGate {

	private final Approvals approvals;

	PublishingGate(Approvals approvals) {
		this.approvals = approvals;
	}

	@Override
	public boolean requiresApproval(Member author) {
		return approvals.requiresApproval(author);
	}

	@Override
	public void submitted(Member author, UUID postId) {
		approvals.start(author, postId);
	}

	@Override
	public boolean contentChanged(Member editor, UUID postId) {
		return approvals.restart(editor, postId);
	}
}
