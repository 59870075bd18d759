package io.vitrine.networks.internal;

import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * OAuth authorizations between "sent to the network" and "came back": kept in the database so the
 * callback may land on any Vitrine node, bound to the person who started them, and usable once.
 */
@Repository
public class PendingAuthorizations {

	/** Long enough to sign in on the instance and approve; short enough that a leaked state is useless. */
	public static final Duration VALIDITY = Duration.ofMinutes(15);

	public record Pending(UUID userId, UUID workspaceId, NetworkId network, String serverUrl, String redirectUri,
			Credentials secrets) {
	}

	private final JdbcClient jdbc;

	private final CredentialVault vault;

	private final Clock clock;

	PendingAuthorizations(JdbcClient jdbc, CredentialVault vault, Clock clock) {
		this.jdbc = jdbc;
		this.vault = vault;
		this.clock = clock;
	}

	public void save(String state, Pending pending) {
		Instant now = clock.instant();
		jdbc.sql("delete from oauth_pending where created_at < ?").param(now.minus(VALIDITY).atOffset(ZoneOffset.UTC)).update();
		String hash = hash(state);
		jdbc.sql("insert into oauth_pending (state_hash, user_id, workspace_id, network, server_url, redirect_uri, secrets, "
				+ "created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(hash, pending.userId(), pending.workspaceId(), pending.network().value(), pending.serverUrl(),
					pending.redirectUri(), vault.seal(pending.secrets(), hash), now.atOffset(ZoneOffset.UTC))
			.update();
	}

	/**
	 * The authorization this state belongs to, removed so it cannot be used twice; empty when
	 * unknown, expired, or started by someone else.
	 */
	public Optional<Pending> take(String state, UUID userId) {
		Optional<Row> row = read(state, userId);
		if (row.isEmpty()) {
			return Optional.empty();
		}
		// Deleting first and checking the count makes a second, concurrent callback with the same state fail.
		int deleted = jdbc.sql("delete from oauth_pending where state_hash = ?").param(hash(state)).update();
		if (deleted == 0 || expired(row.get())) {
			return Optional.empty();
		}
		return Optional.of(row.get().pending());
	}

	/** The same as {@link #take} without using it up: a page showing what the state holds. */
	public Optional<Pending> peek(String state, UUID userId) {
		return read(state, userId).filter(row -> !expired(row)).map(Row::pending);
	}

	private record Row(Pending pending, Instant createdAt) {
	}

	private Optional<Row> read(String state, UUID userId) {
		if (state == null || state.isBlank()) {
			return Optional.empty();
		}
		String hash = hash(state);
		Optional<Row> row = jdbc.sql("select * from oauth_pending where state_hash = ?")
			.param(hash)
			.query((rs, n) -> new Row(new Pending(rs.getObject("user_id", UUID.class), rs.getObject("workspace_id", UUID.class),
					new NetworkId(rs.getString("network")), rs.getString("server_url"), rs.getString("redirect_uri"),
					vault.open(rs.getBytes("secrets"), hash)), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.optional();
		// Someone else's state is left alone: its owner may still complete it.
		return row.filter(r -> r.pending().userId().equals(userId));
	}

	private boolean expired(Row row) {
		return row.createdAt().isBefore(clock.instant().minus(VALIDITY));
	}

	private static String hash(String state) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is always available", e);
		}
	}
}
