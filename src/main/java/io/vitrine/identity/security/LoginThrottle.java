package io.vitrine.identity.security;

import io.vitrine.shared.Ids;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Slows down password guessing. Once an e-mail address (or a client address) has collected the
 * allowed number of failures within the window, every further attempt waits a delay that doubles
 * with each new failure (30 s, 1 min, 2 min, ... capped at the window). Refused attempts are not
 * counted, so the delay grows with guesses actually checked, not with hammering.
 * The client address is a separate, looser limit: many people may sign in from one office address.
 */
@Component
class LoginThrottle {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int maxPerEmail;

	private final int maxPerAddress;

	private final Duration window;

	private final Duration firstDelay;

	LoginThrottle(JdbcClient jdbc, Clock clock,
			@Value("${vitrine.login.max-failures-per-email:5}") int maxPerEmail,
			@Value("${vitrine.login.max-failures-per-address:20}") int maxPerAddress,
			@Value("${vitrine.login.failure-window:15m}") Duration window,
			@Value("${vitrine.login.first-delay:30s}") Duration firstDelay) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxPerEmail = maxPerEmail;
		this.maxPerAddress = maxPerAddress;
		this.window = window;
		this.firstDelay = firstDelay;
	}

	void refuseIfThrottled(String email, String address) {
		Instant now = clock.instant();
		Instant until = later(blockedUntil("email", email, maxPerEmail, now),
				blockedUntil("address", address, maxPerAddress, now));
		if (until.isAfter(now)) {
			long seconds = Math.max(1, Duration.between(now, until).plusMillis(999).toSeconds());
			throw new LoginThrottled(Duration.ofSeconds(seconds));
		}
	}

	void recordFailure(String email, String address) {
		OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
		jdbc.sql("insert into login_failure (id, email, address, at) values (?, ?, ?, ?)")
			.params(Ids.next(), truncate(email, 320), truncate(address, 64), now)
			.update();
		// Old rows no longer count; dropping them here keeps the table small without a scheduler.
		jdbc.sql("delete from login_failure where at < ?").param(now.minus(window)).update();
	}

	/** The right password clears the e-mail's record, not the address's: one good login must not unlock a guessing address. */
	void recordSuccess(String email) {
		jdbc.sql("delete from login_failure where email = ?").param(truncate(email, 320)).update();
	}

	private Instant blockedUntil(String column, String value, int allowed, Instant now) {
		record Failures(long count, OffsetDateTime last) {
		}
		Failures failures = jdbc.sql("select count(*), max(at) from login_failure where " + column + " = ? and at > ?")
			.params(truncate(value, "email".equals(column) ? 320 : 64), now.minus(window).atOffset(ZoneOffset.UTC))
			.query((rs, row) -> new Failures(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)))
			.single();
		if (failures.count() < allowed || failures.last() == null) {
			return Instant.MIN;
		}
		long doublings = Math.min(failures.count() - allowed, 20);
		Duration delay = firstDelay.multipliedBy(1L << doublings);
		if (delay.compareTo(window) > 0) {
			delay = window;
		}
		return failures.last().toInstant().plus(delay);
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static String truncate(String value, int max) {
		String v = value == null ? "" : value;
		return v.length() <= max ? v : v.substring(0, max);
	}
}
