package io.vitrine.publishing;

import io.vitrine.workspaces.Member;

import java.util.UUID;

/**
 * What publishing asks the approval workflow, without depending on it (the approvals module
 * implements this; with no implementation nothing needs approval). Each call runs inside the
 * transaction that saves the post, so a post and its approval start or restart together.
 */
public interface ApprovalGate {

	/** Whether a post this member writes now must be approved before it is scheduled or published. */
	boolean requiresApproval(Member author);

	/** A post that {@link #requiresApproval requires approval} was saved: its approval starts. */
	void submitted(Member author, UUID postId);

	/**
	 * A post's content changed. True when its targets must wait for approval again (the post was under
	 * approval, or now requires it); may refuse the change with {@link io.vitrine.shared.InvalidInput}.
	 */
	boolean contentChanged(Member editor, UUID postId);

	ApprovalGate NONE = new ApprovalGate() {

		@Override
		public boolean requiresApproval(Member author) {
			return false;
		}

		@Override
		public void submitted(Member author, UUID postId) {
		}

		@Override
		public boolean contentChanged(Member editor, UUID postId) {
			return false;
		}
	};
}
