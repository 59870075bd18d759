package io.vitrine.outbound;

/** No connection could be made (unknown host, refused, connect timeout, TLS handshake): nothing was sent. */
public final class ConnectFailed extends OutboundFailure {

	public ConnectFailed(String message, Throwable cause) {
		super(message, cause);
	}
}
