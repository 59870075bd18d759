package io.vitrine.approvals;

import io.vitrine.shared.InvalidInput;

import java.util.Locale;

/** What an approver says at a step. */
public enum Decision {
	APPROVE, REQUEST_CHANGES, REJECT;

	public String value() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** Reads "approve", "request-changes" or "reject" (any case, "_" or "-"). */
	public static Decision parse(String field, String value) {
		String normalized = value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
		for (Decision d : values()) {
			if (d.name().equals(normalized)) {
				return d;
			}
		}
		throw InvalidInput.of(field, "one-of", "must be one of approve, request-changes, reject");
	}
}
