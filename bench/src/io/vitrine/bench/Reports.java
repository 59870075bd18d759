package io.vitrine.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** What the bench tells besides the table: who did the work, which faults, why targets failed, the claim's plan. */
final class Reports {

	private Reports() {
	}

	/** Who published what: the last claim of each published target, by node, and the claims after the kill. */
	static String nodeShares(Connection c, Instant killedAt) throws SQLException {
		Map<UUID, String> lastClaim = new HashMap<>();
		Map<String, Long> afterKill = new TreeMap<>();
		try (Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select target_id, reason, at from target_transition where reason like 'claimed by %'"
						+ " order by at")) {
			while (rs.next()) {
				String owner = rs.getString(2).substring("claimed by ".length());
				String node = owner.contains("#") ? owner.substring(0, owner.indexOf('#')) : owner;
				lastClaim.put(rs.getObject(1, UUID.class), node);
				if (killedAt != null && rs.getObject(3, OffsetDateTime.class).toInstant().isAfter(killedAt)) {
					afterKill.merge(node, 1L, Long::sum);
				}
			}
		}
		Map<String, Long> published = new TreeMap<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from post_target where state = 'published'")) {
			while (rs.next()) {
				published.merge(lastClaim.getOrDefault(rs.getObject(1, UUID.class), "?"), 1L, Long::sum);
			}
		}
		long total = published.values().stream().mapToLong(Long::longValue).sum();
		long totalAfter = afterKill.values().stream().mapToLong(Long::longValue).sum();
		return "published by " + published.entrySet().stream()
			.map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), 100.0 * e.getValue() / Math.max(1, total)))
			.collect(Collectors.joining(" ")) + "; claims after the kill: " + afterKill.entrySet().stream()
				.map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), 100.0 * e.getValue() / Math.max(1, totalAfter)))
				.collect(Collectors.joining(" "));
	}

	static String faultNotes(LoadTarget load) {
		Map<Faults.Kind, Long> injected = load.injected();
		long total = injected.values().stream().mapToLong(Long::longValue).sum();
		return String.format(Locale.ROOT, "%d faults in %d requests: ", total, load.requests()) + injected.entrySet().stream()
			.map(e -> e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + e.getValue())
			.collect(Collectors.joining(", ")) + "; " + load.revokedAccounts() + " accounts revoked";
	}

	static void byNetwork(Connection c, String what) throws SQLException {
		List<String> parts = new ArrayList<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select c.network, t.state, count(*) from post_target t"
				+ " join connection c on c.id = t.connection_id group by c.network, t.state order by c.network, t.state")) {
			while (rs.next()) {
				parts.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3));
			}
		}
		Bench.log(what + ": targets by network: " + String.join(", ", parts));
	}

	/** Why targets failed, grouped (numbers and handles blanked out). */
	static void failureReasons(Connection c, String what) throws SQLException {
		Map<String, Long> reasons = new TreeMap<>();
		try (Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select failure_reason from post_target where state = 'failed'")) {
			while (rs.next()) {
				String reason = String.valueOf(rs.getString(1)).replaceAll("acct-\\d+@127\\.0\\.0\\.1|b\\d+\\.bench\\.test", "<account>")
					.replaceAll("\\d+", "#");
				reasons.merge(reason.length() > 160 ? reason.substring(0, 160) + "…" : reason, 1L, Long::sum);
			}
		}
		reasons.forEach((reason, n) -> Bench.log(what + ": failed " + n + " × " + reason));
	}

	/**
	 * The engine's claim reads the first due targets in (due_at, id) order; with the whole burst due
	 * at one instant, this shows what that read costs while every target is waiting (the same
	 * predicate as DueTargets, read without locks).
	 */
	static void explainClaim(Connection c, String db, int limit) throws SQLException {
		String sql = "select t.id from post_target t where t.state = 'scheduled' and t.due_at <= ? and (t.not_before is null"
				+ " or t.not_before <= ?) and not exists (select 1 from connection c where c.id = t.connection_id and"
				+ " c.paused_until > ?) order by t.state, t.due_at, t.id limit " + limit;
		OffsetDateTime then = Instant.now().plus(Duration.ofDays(2)).atOffset(java.time.ZoneOffset.UTC);
		try (var ps = c.prepareStatement("explain analyze " + sql)) {
			ps.setObject(1, then);
			ps.setObject(2, then);
			ps.setObject(3, then);
			StringBuilder plan = new StringBuilder();
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					plan.append(rs.getString(1)).append('\n');
				}
			}
			Bench.log(db + ": plan of the claim's read with every target due:\n" + plan.toString().trim());
		}
	}
}
