package io.vitrine.workspaces.setup;

import io.vitrine.identity.OneTimeSecret;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.ZoneOffset;

/** The one-time secret of the setup link; only its SHA-256 is stored. */
@Repository
class SetupTokens {

	private final JdbcClient jdbc;

	private final Clock clock;

	SetupTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Issues a new secret and invalidates every earlier unused one. */
	String issue() {
		discardUnused();
		String secret = OneTimeSecret.generate();
		jdbc.sql("insert into setup_token (token_hash, created_at) values (?, ?)")
			.params(OneTimeSecret.sha256(secret), clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		return secret;
	}

	void discardUnused() {
		jdbc.sql("delete from setup_token where used_at is null").update();
	}

	boolean usable(String secret) {
		if (secret == null || secret.isBlank() || secret.length() > 200) {
			return false;
		}
		return jdbc.sql("select count(*) from setup_token where token_hash = ? and used_at is null")
			.param(OneTimeSecret.sha256(secret))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Marks the secret used. The conditional update is the single-use guarantee: of two
	 * submissions racing with the same link, only one finds the row unused.
	 */
	boolean spend(String secret) {
		if (secret == null || secret.isBlank()) {
			return false;
		}
		return jdbc.sql("update setup_token set used_at = ? where token_hash = ? and used_at is null")
			.params(clock.instant().atOffset(ZoneOffset.UTC), OneTimeSecret.sha256(secret))
			.update() == 1;
	}
}
