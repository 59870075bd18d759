package io.vitrine.networks.bluesky;

import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.NewConnection;
import io.vitrine.outbound.AddressNotAllowed;
import io.vitrine.outbound.ConnectFailed;
import io.vitrine.outbound.OutcomeUnknown;
import io.vitrine.shared.InvalidInput;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import org.springframework.stereotype.Service;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Connects a Bluesky account with a handle and an app password: one createSession, whose session
 * is then kept and refreshed for every post. The app password is stored (encrypted) only to sign
 * in again when the refresh token itself expires; the account's main password is refused.
 */
@Service
class ConnectBluesky {

	static final String DEFAULT_SERVER = "https://bsky.social";

	/** The scope of a session made with the account's main password (an app password gives com.atproto.appPass). */
	private static final String MAIN_PASSWORD_SCOPE = "com.atproto.access";

	record Request(String identifier, String appPassword, String serviceUrl) {
	}

	private final SignIn signIn;

	private final Xrpc xrpc;

	private final Connections connections;

	private final Sessions sessions;

	private final Clock clock;

	ConnectBluesky(SignIn signIn, Xrpc xrpc, Connections connections, Sessions sessions, Clock clock) {
		this.signIn = signIn;
		this.xrpc = xrpc;
		this.connections = connections;
		this.sessions = sessions;
		this.clock = clock;
	}

	ConnectionView connect(Member member, Request request) {
		Policies.require(Policies.MAY_MANAGE_CONNECTIONS, member, "connect accounts");
		String identifier = identifier(request.identifier());
		String password = request.appPassword() == null ? "" : request.appPassword().strip();
		String server = server(request.serviceUrl());
		List<InvalidInput.Problem> problems = new ArrayList<>();
		if (identifier.isEmpty()) {
			problems.add(new InvalidInput.Problem("identifier", "required", "enter the account's handle, such as alice.bsky.social"));
		}
		else if (identifier.length() > 320) {
			problems.add(new InvalidInput.Problem("identifier", "max-length", "must be at most 320 characters"));
		}
		if (password.isEmpty()) {
			problems.add(new InvalidInput.Problem("appPassword", "required", "create an app password in Bluesky's settings and paste it here"));
		}
		else if (password.length() > 200) {
			problems.add(new InvalidInput.Problem("appPassword", "max-length", "must be at most 200 characters"));
		}
		if (server == null) {
			problems.add(new InvalidInput.Problem("serviceUrl", "url", "must be an http(s) address such as https://bsky.social"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Session session = session(server, identifier, password);
		ConnectionView view = connections.connect(member.workspaceId(), new NewConnection(BlueskyConnector.ID, server,
				session.did(), session.handle() != null ? session.handle() : session.did(), null, BlueskyLimits.DEFAULTS,
				session.credentials()));
		sessions.forget(view.id());
		return view;
	}

	private Session session(String server, String identifier, String password) {
		XrpcAnswer answer;
		try {
			answer = signIn.ask(server, identifier, password);
		}
		catch (AddressNotAllowed e) {
			throw InvalidInput.of("serviceUrl", "allowed", e.getMessage());
		}
		catch (ConnectFailed e) {
			throw InvalidInput.of("serviceUrl", "reachable", "Vitrine could not reach " + server + ": " + e.getMessage());
		}
		catch (OutcomeUnknown e) {
			throw InvalidInput.of("serviceUrl", "reachable", server + " did not answer in time: try again");
		}
		if (answer.ok()) {
			Session session;
			try {
				session = Session.fromAnswer(answer.body(), server, password);
			}
			catch (IllegalArgumentException e) {
				throw notBluesky(server);
			}
			refuseMainPassword(server, session);
			return session;
		}
		if (answer.status() == 401) {
			throw InvalidInput.of("appPassword", "credentials", "Bluesky refused this handle and app password");
		}
		if (answer.status() == 429) {
			throw InvalidInput.of("identifier", "rate-limited",
					"Bluesky asks to wait before signing in again (until " + answer.retryAt(clock) + ")");
		}
		if (answer.serverError()) {
			throw InvalidInput.of("serviceUrl", "reachable", server + " had an error (HTTP " + answer.status() + "): try again later");
		}
		if (answer.status() == 400 && answer.error() != null) {
			throw InvalidInput.of("identifier", "account", "Bluesky refused to sign in: " + answer.message());
		}
		throw notBluesky(server);
	}

	/**
	 * The main password gives full control of the account and cannot be revoked on its own; an app
	 * password can. The session just made with it is closed again.
	 */
	private void refuseMainPassword(String server, Session session) {
		if (Jwt.scope(session.accessJwt()).filter(MAIN_PASSWORD_SCOPE::equals).isEmpty()) {
			return;
		}
		try {
			xrpc.procedure(server, "com.atproto.server.deleteSession", null, session.refreshJwt());
		}
		catch (RuntimeException ignored) {
			// The session expires by itself; the refusal below is what matters.
		}
		throw InvalidInput.of("appPassword", "app-password",
				"this is the account's main password: create an app password in Bluesky's settings and use it instead");
	}

	private static InvalidInput notBluesky(String server) {
		return InvalidInput.of("serviceUrl", "bluesky-server", server + " does not answer as a Bluesky server");
	}

	/** Handles are typed with or without the "@", in any case; e-mails and DIDs are kept as given. */
	private static String identifier(String value) {
		String identifier = value == null ? "" : value.strip();
		if (identifier.startsWith("@")) {
			identifier = identifier.substring(1);
		}
		return Handles.isHandle(identifier) ? identifier.toLowerCase(Locale.ROOT) : identifier;
	}

	/**
	 * @return the server's base URL, scheme and host in lower case and without a trailing slash (so one
	 *         account typed two ways is one connection), or null when it is not a bare http(s) URL
	 */
	private static String server(String value) {
		String server = value == null || value.isBlank() ? DEFAULT_SERVER : value.strip();
		while (server.endsWith("/")) {
			server = server.substring(0, server.length() - 1);
		}
		try {
			URI uri = new URI(server);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			boolean web = scheme.equals("http") || scheme.equals("https");
			boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
					&& uri.getRawFragment() == null && uri.getRawUserInfo() == null;
			if (!web || uri.getHost() == null || !bare || server.length() > 2048) {
				return null;
			}
			return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
		}
		catch (URISyntaxException e) {
			return null;
		}
	}
}
