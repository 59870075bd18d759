package io.vitrine.outbound;

/** The answer was larger than vitrine.outbound.max-response-bytes; it was not read to the end. */
public final class ResponseTooLarge extends OutcomeUnknown {

	public ResponseTooLarge(long limit) {
		super("the response is larger than the " + limit + " bytes allowed", null);
	}
}
