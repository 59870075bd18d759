package io.vitrine.approvals;

import java.util.Locale;

/** Where a post stands in its workspace's approval workflow. */
public enum ApprovalStatus {
	/** Waiting for the people of its current step. */
	PENDING,
	/** Every step approved: the post may be scheduled and published. */
	APPROVED,
	/** Someone asked for changes: editing the post sends it back to the first step. */
	CHANGES_REQUESTED,
	/** Final: the post can be neither scheduled nor sent back for approval. */
	REJECTED;

	public String value() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static ApprovalStatus fromDb(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
	}
}
