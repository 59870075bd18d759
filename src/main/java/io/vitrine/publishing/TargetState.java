package io.vitrine.publishing;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of one (post, account) target. Every change is recorded with its time and reason.
 * <pre>
 * draft → scheduled → publishing → published
 *                         │      → failed
 *                         │      → scheduled   (rate limited, quota full, or certainly not sent: wait, then again)
 *                         │      → pending → published | failed (processing failed, or gave up) | unknown
 *                         │                  (the network accepted the post and is processing it; Vitrine asks
 *                         │                   it again and again, never publishing a second time)
 *                         └────→ unknown → published | scheduled (proven absent, safe re-send) | failed
 * scheduled | draft → cancelled
 * </pre>
 */
public enum TargetState {
	DRAFT, SCHEDULED, PUBLISHING, PUBLISHED, FAILED, UNKNOWN, CANCELLED,
	/** Accepted by a network that publishes asynchronously, not published yet: followed with checkPending. */
	PENDING;

	private static final Set<TargetState> FINAL = EnumSet.of(PUBLISHED, FAILED, CANCELLED);

	public boolean isFinal() {
		return FINAL.contains(this);
	}

	public String dbValue() {
		return name().toLowerCase();
	}

	public static TargetState fromDb(String value) {
		return valueOf(value.toUpperCase());
	}
}
