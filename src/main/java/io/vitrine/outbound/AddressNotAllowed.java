package io.vitrine.outbound;

/** The guard refused the address (scheme, or a private/loopback/link-local destination): nothing was sent. */
public final class AddressNotAllowed extends OutboundFailure {

	public AddressNotAllowed(String message) {
		super(message, null);
	}
}
