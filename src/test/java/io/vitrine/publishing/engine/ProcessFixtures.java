package io.vitrine.publishing.engine;

import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.NewConnection;
import io.vitrine.publishing.internal.ComposePost;
import io.vitrine.publishing.internal.Sql;
import io.vitrine.testsupport.CountingMastodon;
import io.vitrine.workspaces.Member;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** A burst of due Mastodon targets, and the environment of the Vitrine processes that publish it. */
final class ProcessFixtures {

	private ProcessFixtures() {
	}

	/** Scheduled an hour ahead (composing takes a while); {@link #makeDue} releases them at once. */
	static List<UUID> burst(JdbcClient jdbc, Connections connections, ComposePost compose, CountingMastodon mastodon,
			int count) {
		Instant due = Instant.now().plus(Duration.ofHours(1));
		Member member = EngineFixtures.editor(jdbc);
		ConnectionView account = connections.connect(member.workspaceId(), new NewConnection(new NetworkId("mastodon"),
				mastodon.url(), "1", "bench@127.0.0.1", "Bench", new NetworkLimits(500, 0, 23, 4, 16_777_216, 1500),
				new Credentials(Map.of("accessToken", "burst-token"))));
		for (int i = 0; i < count; i++) {
			EngineFixtures.schedule(compose, member, account, "Burst post number " + i, due);
		}
		return jdbc.sql("select id from post_target where connection_id = ?").param(account.id()).query(UUID.class).list();
	}

	static Map<String, String> env(String dbUrl, String user, String password, Path dataDir, String node) {
		Map<String, String> env = new HashMap<>();
		env.put("VITRINE_DB_URL", dbUrl);
		env.put("VITRINE_DB_USER", user);
		env.put("VITRINE_DB_PASSWORD", password);
		env.put("VITRINE_DATA_DIR", dataDir.toString());
		env.put("VITRINE_NODE_ID", node);
		env.put("VITRINE_OUTBOUND_ALLOW_PRIVATE", "true");
		env.put("VITRINE_ENGINE_LEASE", "3s");
		env.put("VITRINE_ENGINE_FIRST_RECONCILE_DELAY", "1s");
		env.put("VITRINE_ENGINE_CONCURRENCY", "8");
		env.put("VITRINE_ENGINE_POLL_INTERVAL", "200ms");
		return env;
	}

	static long unfinished(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from post_target where state <> 'published'").query(Long.class).single();
	}

	static Map<UUID, String> remoteIds(JdbcClient jdbc) {
		Map<UUID, String> remote = new HashMap<>();
		jdbc.sql("select id, remote_id from post_target").query(rs -> {
			remote.put(rs.getObject("id", UUID.class), rs.getString("remote_id"));
		});
		return remote;
	}

	static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("timed out after " + timeout + " waiting for " + what);
			}
			Thread.sleep(100);
		}
	}

	static void makeDue(JdbcClient jdbc) {
		jdbc.sql("update post_target set due_at = ? where state = 'scheduled'").param(Sql.ts(Instant.now())).update();
	}

}
