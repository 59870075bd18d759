package io.vitrine.shared;

/** A member tried something their role does not allow (403): they may know the workspace exists. */
public class Forbidden extends RuntimeException {

	public Forbidden(String message) {
		super(message);
	}
}
