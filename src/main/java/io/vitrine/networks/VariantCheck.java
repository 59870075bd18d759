package io.vitrine.networks;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The result of validating a variant: the live counter's figures and the broken rules. */
public record VariantCheck(int length, int maxLength, List<Violation> violations) {

	public VariantCheck {
		violations = List.copyOf(violations);
	}

	public boolean valid() {
		return violations.isEmpty();
	}

	/**
	 * What a connector's publish answers, before any request, for a variant that breaks a rule: the engine validates
	 * at compose time, but limits can change (an instance lowers its maximum) between then and sending.
	 */
	public Optional<PublishOutcome> refusal() {
		return valid() ? Optional.empty()
				: Optional.of(new PublishOutcome.Rejected(violations.stream().map(Violation::message).collect(Collectors.joining(" "))));
	}
}
