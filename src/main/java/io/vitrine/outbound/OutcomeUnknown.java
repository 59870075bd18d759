package io.vitrine.outbound;

/**
 * The request was (at least partly) sent, then the answer timed out, the connection dropped, or
 * the answer was too large to read: the server may have acted on it.
 */
public sealed class OutcomeUnknown extends OutboundFailure permits ResponseTooLarge {

	public OutcomeUnknown(String message, Throwable cause) {
		super(message, cause);
	}
}
