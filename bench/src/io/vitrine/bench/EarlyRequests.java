package io.vitrine.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Sorts the requests that reached an account between a 429 and the reset it announced. A post
 * whose target the engine claimed before the 429 was even answered was already on its way: the
 * engine could not have known ("in flight"). Any other is early: the engine decided to send after
 * the network had said to wait — a post claimed after the 429 was answered, or a read (reconciliation
 * has no claim on record) once the engine had recorded the limit, or when it never recorded it.
 */
final class EarlyRequests {

	record Sorted(long early, long inFlight) {
	}

	private EarlyRequests() {
	}

	static Sorted sort(Connection c, Fixture fixture, List<LoadTarget.Early> requests, String what)
			throws SQLException, ReflectiveOperationException {
		long early = 0;
		long inFlight = 0;
		int shown = 0;
		Map<String, Map<String, UUID>> targetsByAccount = new HashMap<>();
		for (LoadTarget.Early request : requests) {
			Map<String, UUID> targets = targetsByAccount.computeIfAbsent(request.account(), a -> new HashMap<>());
			if (targets.isEmpty()) {
				load(c, fixture, request.account(), targets);
			}
			UUID target = request.key() == null ? null : targets.get(request.key());
			boolean violation;
			String why;
			if (target != null) {
				Instant claimed = lastClaim(c, target, request.arrived());
				violation = claimed == null || !claimed.isBefore(request.answered());
				why = "claimed " + (claimed == null ? "never" : claimed) + (violation ? ", after" : ", before") + " the 429 was answered";
			}
			else {
				Instant recorded = pauseRecorded(c, targets.values(), request.answered(), request.reset());
				violation = recorded == null || !recorded.isAfter(request.arrived());
				why = "a read; the engine recorded the limit " + (recorded == null ? "never" : "at " + recorded);
			}
			if (violation) {
				early++;
			}
			else {
				inFlight++;
			}
			if (violation && shown++ < 10) {
				Bench.log(String.format(Locale.ROOT, "%s: EARLY %s %s %s arrived %s, %d ms after the 429 was answered, %d ms before"
						+ " the reset %s; %s", what, request.network(), request.account(), request.key(), request.arrived(),
						Duration.between(request.answered(), request.arrived()).toMillis(),
						Duration.between(request.arrived(), request.reset()).toMillis(), request.reset(), why));
				if (target != null) {
					history(c, target, what);
				}
			}
		}
		if (!requests.isEmpty()) {
			Bench.log(what + ": " + requests.size() + " requests arrived between a 429 and its reset: " + early + " early, "
					+ inFlight + " already claimed when the 429 was answered (in flight)");
		}
		return new Sorted(early, inFlight);
	}

	/** The account's targets by the key the load target counts them by. */
	private static void load(Connection c, Fixture fixture, String account, Map<String, UUID> targets)
			throws SQLException, ReflectiveOperationException {
		try (PreparedStatement ps = c.prepareStatement("select t.id, c.network from post_target t join connection c"
				+ " on c.id = t.connection_id where c.remote_account_id = ?")) {
			ps.setString(1, account);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					UUID id = rs.getObject(1, UUID.class);
					targets.put(fixture.keyOf(id, rs.getString(2), account), id);
				}
			}
		}
	}

	private static Instant lastClaim(Connection c, UUID target, Instant before) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("select max(at) from target_transition where target_id = ?"
				+ " and reason like 'claimed by %' and at <= ?")) {
			ps.setObject(1, target);
			ps.setObject(2, before.atOffset(java.time.ZoneOffset.UTC));
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
				return at == null ? null : at.toInstant();
			}
		}
	}

	/** When the engine first wrote down a rate limit for the account after this 429 was answered, if it did before the reset. */
	private static Instant pauseRecorded(Connection c, Iterable<UUID> targets, Instant answered, Instant reset) throws SQLException {
		Instant first = null;
		for (UUID target : targets) {
			try (PreparedStatement ps = c.prepareStatement("select min(at) from target_transition where target_id = ?"
					+ " and reason like '%rate limit: waiting until%' and at >= ? and at < ?")) {
				ps.setObject(1, target);
				ps.setObject(2, answered.atOffset(java.time.ZoneOffset.UTC));
				ps.setObject(3, reset.atOffset(java.time.ZoneOffset.UTC));
				try (ResultSet rs = ps.executeQuery()) {
					rs.next();
					OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
					if (at != null && (first == null || at.toInstant().isBefore(first))) {
						first = at.toInstant();
					}
				}
			}
		}
		return first;
	}

	private static void history(Connection c, UUID target, String what) throws SQLException {
		List<String> lines = new ArrayList<>();
		try (PreparedStatement ps = c.prepareStatement("select at, from_state, to_state, reason from target_transition"
				+ " where target_id = ? order by at")) {
			ps.setObject(1, target);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					lines.add("      " + rs.getObject(1, OffsetDateTime.class).toInstant() + " " + rs.getString(2) + " -> "
							+ rs.getString(3) + ": " + rs.getString(4));
				}
			}
		}
		Bench.log(what + ": target " + target + "\n" + String.join("\n", lines));
	}
}
