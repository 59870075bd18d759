package io.vitrine.calendar.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The private iCalendar feed address of each workspace. The token is shown once, when made; only its
 * SHA-256 is kept, so a stolen database copy opens no feed. One feed per workspace: making a new one
 * revokes the old address.
 */
@Component
public class CalendarFeeds {

	static final String PREFIX = "vcal_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	CalendarFeeds(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public record Feed(UUID workspaceId, UUID createdBy, Instant createdAt) {
	}

	/** A new token for the workspace's feed; the previous one stops working at once. */
	@Transactional
	public String issue(UUID workspaceId, UUID userId) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		jdbc.sql("delete from calendar_feed where workspace_id = ?").param(workspaceId).update();
		jdbc.sql("insert into calendar_feed (workspace_id, token_hash, created_by, created_at) values (?, ?, ?, ?)")
			.params(workspaceId, hash(token), userId, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.update();
		return token;
	}

	/** @return whether there was a feed to revoke */
	public boolean revoke(UUID workspaceId) {
		return jdbc.sql("delete from calendar_feed where workspace_id = ?").param(workspaceId).update() > 0;
	}

	public Optional<Feed> of(UUID workspaceId) {
		return jdbc.sql("select workspace_id, created_by, created_at from calendar_feed where workspace_id = ?")
			.param(workspaceId)
			.query((rs, row) -> new Feed(rs.getObject("workspace_id", UUID.class), rs.getObject("created_by", UUID.class),
					rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	/** The feed this token opens, if it is the current token of one. */
	public Optional<Feed> byToken(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("select workspace_id, created_by, created_at from calendar_feed where token_hash = ?")
			.param(hash(token))
			.query((rs, row) -> new Feed(rs.getObject("workspace_id", UUID.class), rs.getObject("created_by", UUID.class),
					rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}
}
