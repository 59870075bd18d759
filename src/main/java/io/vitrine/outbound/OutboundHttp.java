package io.vitrine.outbound;

/**
 * The only way Vitrine calls an address a user gave (an instance URL now, feeds and media URLs
 * later). Every hop is checked: http(s) only, and the address actually connected to must not be
 * private, loopback or link-local unless the operator allowed it.
 *
 * <p>Failures are split by what they mean for the caller: {@link AddressNotAllowed} and
 * {@link ConnectFailed} mean nothing was sent; {@link OutcomeUnknown} means the request may have
 * reached the server.
 */
public interface OutboundHttp {

	/**
	 * @throws AddressNotAllowed the URL (or a redirect) points somewhere the guard refuses
	 * @throws ConnectFailed no connection could be made: nothing was sent
	 * @throws OutcomeUnknown the request was sent but no complete answer came back
	 */
	OutboundResponse send(OutboundRequest request);

	/** A guard with other settings than the application's (a test's short timeout, a job's own size cap). */
	static OutboundHttp create(OutboundSettings settings) {
		return new io.vitrine.outbound.internal.GuardedOutboundHttp(settings);
	}
}
