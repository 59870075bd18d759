package io.vitrine.identity.accounts;

import io.vitrine.identity.CurrentUser;
import io.vitrine.identity.OneTimeSecret;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * One-time "choose your password" links for people an admin added (there is no e-mail yet, so the
 * admin passes the link on). A new link replaces the person's earlier unused ones.
 */
@Component
public class PasswordLinks {

	static final Duration VALIDITY = Duration.ofDays(7);

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final Clock clock;

	private final String baseUrl;

	PasswordLinks(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, @Value("${vitrine.base-url}") String baseUrl) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.clock = clock;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	@Transactional
	public String issue(UUID userId) {
		Instant now = clock.instant();
		jdbc.sql("delete from password_link where user_id = ? and used_at is null").param(userId).update();
		String secret = OneTimeSecret.generate();
		jdbc.sql("insert into password_link (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)")
			.params(OneTimeSecret.sha256(secret), userId, now.atOffset(ZoneOffset.UTC),
					now.plus(VALIDITY).atOffset(ZoneOffset.UTC))
			.update();
		return baseUrl + "/password?token=" + secret;
	}

	/** The person the link is for, when it is unused and not expired. */
	public Optional<CurrentUser> holder(String secret) {
		if (secret == null || secret.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select u.id, u.email, u.display_name from password_link l join app_user u on u.id = l.user_id
				where l.token_hash = ? and l.used_at is null and l.expires_at > ?""")
			.params(OneTimeSecret.sha256(secret), clock.instant().atOffset(ZoneOffset.UTC))
			.query(AccountStore::user)
			.optional();
	}

	/**
	 * Sets the password and spends the link in one transaction. The conditional update is what
	 * makes the link single-use when two browsers submit it at the same moment: only one update
	 * finds the row still unused.
	 */
	@Transactional
	public Optional<CurrentUser> use(String secret, String password) {
		Optional<CurrentUser> holder = holder(secret);
		if (holder.isEmpty()) {
			return Optional.empty();
		}
		int spent = jdbc.sql("update password_link set used_at = ? where token_hash = ? and used_at is null")
			.params(clock.instant().atOffset(ZoneOffset.UTC), OneTimeSecret.sha256(secret))
			.update();
		if (spent == 0) {
			return Optional.empty();
		}
		jdbc.sql("update app_user set password_hash = ? where id = ?")
			.params(encoder.encode(password), holder.get().id())
			.update();
		return holder;
	}
}
