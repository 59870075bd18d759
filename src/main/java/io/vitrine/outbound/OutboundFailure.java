package io.vitrine.outbound;

/** Why an outbound call did not produce an answer; the subtypes say whether anything was sent. */
public abstract sealed class OutboundFailure extends RuntimeException
		permits AddressNotAllowed, ConnectFailed, OutcomeUnknown {

	protected OutboundFailure(String message, Throwable cause) {
		super(message, cause);
	}
}
