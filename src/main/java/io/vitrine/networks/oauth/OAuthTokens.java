package io.vitrine.networks.oauth;

import io.vitrine.networks.Channel;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.PublishOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Fresh access tokens for the accounts of fixed-server OAuth networks, refreshed ahead of expiry.
 *
 * <p>One refresh at a time per account: networks that rotate refresh tokens (X does) invalidate the
 * old one at the first use, so two posts of one account refreshing at once would have the second
 * refused, and the account wrongly marked "needs reconnect". Refreshed tokens are written to the
 * database before they are used, so a crash right after a refresh never leaves only the rotated ones.
 *
 * <p>What a refresh failure means: a refused grant (invalid_grant, or X's invalid_request for a dead
 * token) asks the owner to reconnect; anything else (timeout, 5xx, rate limit) is transient, and
 * while the current access token has not expired it is still used.
 */
@Component
public class OAuthTokens {

	private static final Logger log = LoggerFactory.getLogger(OAuthTokens.class);

	/** Refresh ahead of expiry, so a slow media upload never starts with a token about to die. */
	static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

	/** Reads an account's credentials as stored now (another node may have refreshed them). */
	@FunctionalInterface
	interface StoredCredentials {

		Credentials of(UUID connectionId);
	}

	private final OAuthNetworks networks;

	private final TokenEndpoint endpoint;

	private final StoredCredentials stored;

	private final Clock clock;

	private final ConcurrentMap<UUID, Slot> slots = new ConcurrentHashMap<>();

	@Autowired
	OAuthTokens(OAuthNetworks networks, TokenEndpoint endpoint, Connections connections, Clock clock) {
		this(networks, endpoint, id -> connections.openChannel(id).credentials(), clock);
	}

	OAuthTokens(OAuthNetworks networks, TokenEndpoint endpoint, StoredCredentials stored, Clock clock) {
		this.networks = networks;
		this.endpoint = endpoint;
		this.stored = stored;
		this.clock = clock;
	}

	/**
	 * Runs {@code call} with a fresh access token. When the network refuses that token anyway
	 * ({@link TokenRejected}: revoked, expired early), the tokens are refreshed and the call runs
	 * once more; a second refusal means the owner must reconnect.
	 *
	 * @throws Problem with the outcome to report when no usable token can be had
	 */
	public <T> T call(Channel channel, Function<String, T> call) {
		TokenSet tokens = current(channel);
		try {
			return call.apply(tokens.accessToken());
		}
		catch (TokenRejected first) {
			TokenSet renewed = renew(channel, tokens);
			try {
				return call.apply(renewed.accessToken());
			}
			catch (TokenRejected again) {
				throw new Problem(new PublishOutcome.Reauthorize("the network refused a just-refreshed access token: "
						+ again.getMessage()));
			}
		}
	}

	/** The account's tokens, refreshed first when they expire within the network's {@link OAuthNetwork#refreshMargin()}. */
	TokenSet current(Channel channel) {
		Slot slot = slot(channel.id());
		slot.lock.lock();
		try {
			TokenSet tokens = slot.adopt(stored(channel.credentials()));
			if (!tokens.expiresWithin(margin(channel), clock.instant())) {
				return tokens;
			}
			try {
				return refresh(channel, slot, tokens);
			}
			catch (Problem problem) {
				boolean stillValid = !tokens.expiresWithin(Duration.ZERO, clock.instant());
				if (stillValid && problem.outcome() instanceof PublishOutcome.Transient) {
					log.info("Could not refresh the tokens of connection {} ahead of time ({}); using the current ones",
							channel.id(), problem.getMessage());
					return tokens;
				}
				throw problem;
			}
		}
		finally {
			slot.lock.unlock();
		}
	}

	private TokenSet renew(Channel channel, TokenSet refused) {
		Slot slot = slot(channel.id());
		slot.lock.lock();
		try {
			if (slot.current != null && !slot.current.accessToken().equals(refused.accessToken())) {
				return slot.current; // another post of this account renewed it while we waited for the lock
			}
			return refresh(channel, slot, refused);
		}
		finally {
			slot.lock.unlock();
		}
	}

	/** Called with the slot's lock held. */
	private TokenSet refresh(Channel channel, Slot slot, TokenSet old) {
		TokenSet fresh;
		try {
			fresh = ask(channel, old);
		}
		catch (TokenEndpoint.TokenRefused refused) {
			// Another node may have rotated the tokens just before us: if the stored ones are newer,
			// ours were merely stale, and the stored tokens are the account's.
			TokenSet now = stored(stored.of(channel.id()));
			if (!Objects.equals(now.refreshToken(), old.refreshToken()) || !now.accessToken().equals(old.accessToken())) {
				log.info("Connection {} was refreshed elsewhere meanwhile; using the stored tokens", channel.id());
				slot.replace(old, now);
				return now;
			}
			throw new Problem(new PublishOutcome.Reauthorize("the network refused to refresh the access token ("
					+ refused.getMessage() + "); reconnect the account"));
		}
		catch (TokenEndpoint.TokenEndpointUnavailable unavailable) {
			throw new Problem(new PublishOutcome.Transient("the access token could not be refreshed: " + unavailable.getMessage()));
		}
		channel.updateCredentials(fresh.into(channel.credentials()));
		slot.replace(old, fresh);
		log.debug("Tokens of connection {} refreshed", channel.id());
		return fresh;
	}

	/** A refresh grant, or the network's own renewal of a long-lived token; failures as the token endpoint's. */
	private TokenSet ask(Channel channel, TokenSet old) {
		Optional<OAuthNetwork> network = networks.find(channel.network());
		if (network.isPresent() && network.get().renewsAccessToken()) {
			try {
				return network.get().renewAccessToken(old);
			}
			catch (OAuthNetwork.RenewalRefused e) {
				throw new TokenEndpoint.TokenRefused("refused", e.getMessage());
			}
			catch (OAuthNetwork.RenewalUnavailable e) {
				throw new TokenEndpoint.TokenEndpointUnavailable(e.getMessage());
			}
		}
		if (old.refreshToken() == null) {
			// LinkedIn gives refresh tokens to approved partners only, Facebook Page tokens have none.
			throw new Problem(new PublishOutcome.Reauthorize("the access token has expired or was revoked, and the network "
					+ "gave no refresh token to renew it; reconnect the account"));
		}
		return old.refreshedWith(endpoint.refresh(networks.registration(channel.network()), old));
	}

	private Duration margin(Channel channel) {
		return networks.find(channel.network()).map(OAuthNetwork::refreshMargin).orElse(REFRESH_MARGIN);
	}

	/** Forgets what this process knew of a connection (it was just connected again with new tokens). */
	void forget(UUID connectionId) {
		slots.remove(connectionId);
	}

	private static TokenSet stored(Credentials credentials) {
		try {
			return TokenSet.of(credentials);
		}
		catch (IllegalStateException incomplete) {
			throw new Problem(new PublishOutcome.Reauthorize("the stored tokens are incomplete; reconnect the account"));
		}
	}

	private Slot slot(UUID connectionId) {
		return slots.computeIfAbsent(connectionId, id -> new Slot());
	}

	/** The network refused an access token on an API call: thrown by the call passed to {@link #call}. */
	public static final class TokenRejected extends RuntimeException {

		public TokenRejected(String message) {
			super(message, null, false, false);
		}
	}

	/** No usable token: the outcome says whether the owner must reconnect or a later try may work. */
	public static final class Problem extends RuntimeException {

		private final transient PublishOutcome outcome;

		Problem(PublishOutcome outcome) {
			super(switch (outcome) {
				case PublishOutcome.Reauthorize r -> r.message();
				case PublishOutcome.Transient t -> t.message();
				default -> outcome.toString();
			}, null, false, false);
			this.outcome = outcome;
		}

		public PublishOutcome outcome() {
			return outcome;
		}
	}

	/** What this process knows of one account's tokens. Guarded by {@code lock}. */
	private static final class Slot {

		private static final int REMEMBERED = 8;

		final ReentrantLock lock = new ReentrantLock();

		TokenSet current;

		/** Access tokens this process replaced: a channel opened before the refresh still carries one. */
		final Deque<String> replaced = new ArrayDeque<>();

		/** The stored tokens, unless this process holds newer ones; unknown stored tokens (a reconnect) win. */
		TokenSet adopt(TokenSet stored) {
			if (current != null && (current.accessToken().equals(stored.accessToken())
					|| replaced.contains(stored.accessToken()))) {
				return current;
			}
			current = stored;
			return stored;
		}

		void replace(TokenSet old, TokenSet fresh) {
			replaced.addFirst(old.accessToken());
			while (replaced.size() > REMEMBERED) {
				replaced.removeLast();
			}
			current = fresh;
		}
	}
}
