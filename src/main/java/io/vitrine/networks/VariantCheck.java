package io.vitrine.networks;

import java.util.List;

/** The result of validating a variant: the live counter's figures and the broken rules. */
public record VariantCheck(int length, int maxLength, List<Violation> violations) {

	public VariantCheck {
		violations = List.copyOf(violations);
	}

	public boolean valid() {
		return violations.isEmpty();
	}
}
