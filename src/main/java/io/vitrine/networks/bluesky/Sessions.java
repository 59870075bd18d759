package io.vitrine.networks.bluesky;

import io.vitrine.networks.Channel;
import io.vitrine.networks.PublishOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Keeps each account's session alive and reuses it: createSession is rate-limited (30 per five
 * minutes per account on bsky.social), so a session is made once at connect time and then
 * refreshed, not recreated, for every post.
 *
 * <p>One refresh at a time per account: several posts of one account publishing at once would
 * otherwise each refresh the same token. A refreshed session is written to the database before it
 * is used, so a crash right after a refresh never leaves only the old, rotated tokens.
 */
@Component
class Sessions {

	private static final Logger log = LoggerFactory.getLogger(Sessions.class);

	/** Refresh ahead of expiry, so a slow upload never starts with a token about to die. */
	static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

	private static final String REFRESH_SESSION = "com.atproto.server.refreshSession";

	private final Xrpc xrpc;

	private final SignIn signIn;

	private final Clock clock;

	private final ConcurrentMap<UUID, Slot> slots = new ConcurrentHashMap<>();

	Sessions(Xrpc xrpc, SignIn signIn, Clock clock) {
		this.xrpc = xrpc;
		this.signIn = signIn;
		this.clock = clock;
	}

	/**
	 * Runs {@code action} with a fresh session. If the server refuses the token anyway (revoked,
	 * expired early), the session is renewed and the action runs once more; a second refusal
	 * means the account must be reconnected.
	 */
	<T> T call(Channel channel, Function<Session, T> action) {
		Session session = current(channel);
		try {
			return action.apply(session);
		}
		catch (TokenRejected first) {
			Session renewed = renew(channel, session);
			try {
				return action.apply(renewed);
			}
			catch (TokenRejected again) {
				throw BlueskyFailure.reauthorize("Bluesky refused a brand-new session: " + again.getMessage());
			}
		}
	}

	/** The newest session this process knows for the channel, without refreshing it (for calls that need no token). */
	Session known(Channel channel) {
		Slot slot = slot(channel);
		slot.lock.lock();
		try {
			return slot.adopt(stored(channel));
		}
		finally {
			slot.lock.unlock();
		}
	}

	/** Forgets what this process knew of a connection (it was just connected again with new credentials). */
	void forget(UUID connectionId) {
		slots.remove(connectionId);
	}

	Session current(Channel channel) {
		Slot slot = slot(channel);
		slot.lock.lock();
		try {
			Session session = slot.adopt(stored(channel));
			if (!session.expiresWithin(REFRESH_MARGIN, clock.instant())) {
				return session;
			}
			try {
				return refresh(channel, slot, session);
			}
			catch (BlueskyFailure failure) {
				// Refreshing ahead is a precaution: while the token still works, a server hiccup must not hold the post
				// back. A refusal (revoked app password) is respected at once, though.
				boolean stillValid = !session.expiresWithin(Duration.ZERO, clock.instant());
				if (stillValid && !(failure.outcome() instanceof PublishOutcome.Reauthorize)) {
					log.info("Could not refresh the Bluesky session of connection {} ahead of time: {}", channel.id(),
							failure.getMessage());
					return session;
				}
				throw failure;
			}
		}
		finally {
			slot.lock.unlock();
		}
	}

	private Session renew(Channel channel, Session refused) {
		Slot slot = slot(channel);
		slot.lock.lock();
		try {
			if (slot.current != null && !slot.current.accessJwt().equals(refused.accessJwt())) {
				return slot.current; // another post of this account renewed it while we waited for the lock
			}
			return refresh(channel, slot, refused);
		}
		finally {
			slot.lock.unlock();
		}
	}

	private Session refresh(Channel channel, Slot slot, Session old) {
		String server = channel.serverUrl();
		XrpcAnswer answer = BlueskyFailure.beforePosting("refreshing the Bluesky session",
				() -> xrpc.procedure(server, REFRESH_SESSION, null, old.refreshJwt()));
		Session fresh;
		if (answer.ok()) {
			fresh = asSession(answer, old);
			log.debug("Bluesky session of connection {} refreshed", channel.id());
		}
		else if (answer.status() == 400 || answer.status() == 401) {
			// The refresh token expired (90 days) or was revoked: sign in again with the app password.
			log.info("Bluesky refused the refresh token of connection {} ({}); signing in again", channel.id(), answer.error());
			fresh = signIn.again(server, old);
		}
		else {
			throw BlueskyFailure.of(answer, "refreshing the Bluesky session", clock);
		}
		channel.updateCredentials(fresh.credentials());
		slot.replace(old, fresh);
		return fresh;
	}

	private static Session asSession(XrpcAnswer answer, Session old) {
		try {
			return Session.fromAnswer(answer.body(), old.pdsUrl(), old.appPassword());
		}
		catch (IllegalArgumentException e) {
			throw BlueskyFailure.notSent("the answer to refreshSession is not a session (" + e.getMessage() + ")");
		}
	}

	private static Session stored(Channel channel) {
		try {
			return Session.of(channel.credentials());
		}
		catch (IllegalStateException incomplete) {
			throw BlueskyFailure.reauthorize("the stored Bluesky session is incomplete (" + incomplete.getMessage() + ")");
		}
	}

	private Slot slot(Channel channel) {
		return slots.computeIfAbsent(channel.id(), id -> new Slot());
	}

	/** What this process knows of one account's session. Guarded by {@code lock}. */
	private static final class Slot {

		private static final int REMEMBERED = 8;

		final ReentrantLock lock = new ReentrantLock();

		Session current;

		/** Access tokens this process replaced: a channel opened before the refresh still carries one. */
		final Deque<String> replaced = new ArrayDeque<>();

		/**
		 * The stored session, unless this process already holds a newer one. A stored token this
		 * process never saw comes from a reconnect or another node's refresh, and wins.
		 */
		Session adopt(Session stored) {
			if (current != null && (current.accessJwt().equals(stored.accessJwt()) || replaced.contains(stored.accessJwt()))) {
				return current;
			}
			current = stored;
			return stored;
		}

		void replace(Session old, Session fresh) {
			replaced.addFirst(old.accessJwt());
			while (replaced.size() > REMEMBERED) {
				replaced.removeLast();
			}
			current = fresh;
		}
	}
}
