package io.vitrine.shared;

import java.util.List;

/**
 * Bad input from a user or an API client. Each problem names the field and the rule it broke, so
 * the web layer can answer 422 with something a person can act on.
 */
public class InvalidInput extends RuntimeException {

	public record Problem(String field, String rule, String message) {
	}

	private final List<Problem> problems;

	public InvalidInput(List<Problem> problems) {
		super(problems.isEmpty() ? "invalid input" : problems.get(0).field() + ": " + problems.get(0).message());
		this.problems = List.copyOf(problems);
	}

	public static InvalidInput of(String field, String rule, String message) {
		return new InvalidInput(List.of(new Problem(field, rule, message)));
	}

	public List<Problem> problems() {
		return problems;
	}
}
