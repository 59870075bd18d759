package io.vitrine.networks.bluesky;

/** The server did not accept the session's access token; a new session and one more try may fix it. */
final class TokenRejected extends RuntimeException {

	TokenRejected(XrpcAnswer answer) {
		super(answer.message() + " (" + answer.error() + ", HTTP " + answer.status() + ")", null, false, false);
	}

	static void check(XrpcAnswer answer) {
		if (answer.tokenRejected()) {
			throw new TokenRejected(answer);
		}
	}
}
