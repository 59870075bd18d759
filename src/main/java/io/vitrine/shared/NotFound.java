package io.vitrine.shared;

/**
 * Something does not exist <em>for the caller</em>. Used alike for a missing row and for a row of
 * another workspace, so that nobody can probe what other workspaces hold.
 */
public class NotFound extends RuntimeException {

	public NotFound(String what) {
		super(what + " not found");
	}
}
