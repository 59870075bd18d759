package io.vitrine.identity.tokens;

import io.vitrine.identity.CurrentUser;
import io.vitrine.identity.OneTimeSecret;
import io.vitrine.shared.Ids;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Personal API tokens: {@code vt_} + 32 random bytes in base64url. The token is shown once at
 * creation; only its SHA-256 is stored.
 */
@Repository
public class ApiTokens {

	static final String PREFIX = "vt_";

	/** Recording every use would write on every API call; a minute's precision is plenty for "last used". */
	private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	public record TokenView(UUID id, String name, Instant createdAt, Instant lastUsedAt) {
	}

	public record IssuedToken(TokenView token, String secret) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public IssuedToken create(CurrentUser user, String name) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty()) {
			throw InvalidInput.of("name", "required", "is required");
		}
		if (trimmed.length() > 100) {
			throw InvalidInput.of("name", "max-length", "must be at most 100 characters");
		}
		String secret = PREFIX + OneTimeSecret.generate();
		UUID id = Ids.next();
		Instant now = clock.instant();
		jdbc.sql("insert into api_token (id, user_id, name, token_hash, created_at) values (?, ?, ?, ?, ?)")
			.params(id, user.id(), trimmed, OneTimeSecret.sha256(secret), now.atOffset(ZoneOffset.UTC))
			.update();
		return new IssuedToken(new TokenView(id, trimmed, now, null), secret);
	}

	public List<TokenView> list(CurrentUser user) {
		return jdbc.sql("""
				select id, name, created_at, last_used_at from api_token
				where user_id = ? and revoked_at is null order by created_at desc, id desc""")
			.param(user.id())
			.query(ApiTokens::view)
			.list();
	}

	/** @throws NotFound also for another person's token, so ids cannot be probed */
	public void revoke(CurrentUser user, UUID tokenId) {
		int revoked = jdbc.sql("update api_token set revoked_at = ? where id = ? and user_id = ? and revoked_at is null")
			.params(clock.instant().atOffset(ZoneOffset.UTC), tokenId, user.id())
			.update();
		if (revoked == 0) {
			throw new NotFound("API token");
		}
	}

	/** The token's owner, when the token exists and is not revoked; records the use. */
	public Optional<CurrentUser> authenticate(String presented) {
		if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
			return Optional.empty();
		}
		String hash = OneTimeSecret.sha256(presented);
		Optional<CurrentUser> owner = jdbc.sql("""
				select u.id, u.email, u.display_name from api_token t join app_user u on u.id = t.user_id
				where t.token_hash = ? and t.revoked_at is null""")
			.param(hash)
			.query((rs, row) -> new CurrentUser(rs.getObject("id", UUID.class), rs.getString("email"),
					rs.getString("display_name")))
			.optional();
		owner.ifPresent(user -> {
			OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
			jdbc.sql("update api_token set last_used_at = ? where token_hash = ? and (last_used_at is null or last_used_at < ?)")
				.params(now, hash, now.minus(LAST_USED_PRECISION))
				.update();
		});
		return owner;
	}

	private static TokenView view(ResultSet rs, int row) throws SQLException {
		OffsetDateTime lastUsed = rs.getObject("last_used_at", OffsetDateTime.class);
		return new TokenView(rs.getObject("id", UUID.class), rs.getString("name"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				lastUsed == null ? null : lastUsed.toInstant());
	}
}
