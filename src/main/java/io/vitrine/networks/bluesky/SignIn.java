package io.vitrine.networks.bluesky;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;

/** com.atproto.server.createSession: a handle (or DID, or e-mail) and an app password give a session. */
@Component
class SignIn {

	private final Xrpc xrpc;

	private final Clock clock;

	SignIn(Xrpc xrpc, Clock clock) {
		this.xrpc = xrpc;
		this.clock = clock;
	}

	/** The server's own answer, for the connect flow to explain it to a person. */
	XrpcAnswer ask(String server, String identifier, String appPassword) {
		ObjectNode body = JsonMapper.shared().createObjectNode().put("identifier", identifier).put("password", appPassword);
		return xrpc.procedure(server, "com.atproto.server.createSession", body, null);
	}

	/**
	 * Signs in again with the stored app password, when the refresh token no longer works.
	 *
	 * @throws BlueskyFailure Reauthorize when the server refuses the password (revoked), never for a
	 *         server or network error
	 */
	Session again(String server, Session old) {
		if (old.appPassword() == null) {
			throw BlueskyFailure.reauthorize("the Bluesky session expired and no app password is stored: reconnect the account");
		}
		XrpcAnswer answer = BlueskyFailure.beforePosting("signing in to " + server, () -> ask(server, old.did(), old.appPassword()));
		if (answer.ok()) {
			try {
				return Session.fromAnswer(answer.body(), old.pdsUrl(), old.appPassword());
			}
			catch (IllegalArgumentException e) {
				throw BlueskyFailure.notSent("the answer to createSession is not a session (" + e.getMessage() + ")");
			}
		}
		if (answer.status() == 401 || (answer.status() == 400 && !"InvalidRequest".equals(answer.error()))) {
			// 401 AuthenticationRequired: the app password was revoked; 400 AccountTakedown and the like.
			throw BlueskyFailure.reauthorize("Bluesky refused the stored app password (" + answer.message() + ")");
		}
		throw BlueskyFailure.of(answer, "signing in to " + server, clock);
	}
}
