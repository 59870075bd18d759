package io.vitrine.publishing.engine;

import io.vitrine.networks.Connections;
import io.vitrine.publishing.internal.ComposePost;
import io.vitrine.testsupport.CountingMastodon;
import io.vitrine.testsupport.VitrineProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A separate Vitrine process publishes a burst of 1,000 targets to a Mastodon-compatible server
 * that counts what it stores, is killed with SIGKILL in the middle, and is started again: every
 * target ends published, each exactly once.
 */
@SpringBootTest(properties = "vitrine.engine.enabled=false")
@ActiveProfiles("test")
abstract class CrashSafetyContract {

	static final int BURST = 1_000;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Connections connections;

	@Autowired
	ComposePost compose;

	@Value("${spring.datasource.url}")
	String dbUrl;

	@Value("${spring.datasource.username}")
	String dbUser;

	@Value("${spring.datasource.password}")
	String dbPassword;

	@Value("${vitrine.data-dir}")
	Path dataDir;

	@Test
	void a_process_killed_mid_burst_and_restarted_publishes_every_target_exactly_once() throws Exception {
		try (CountingMastodon mastodon = new CountingMastodon()) {
			mastodon.delay(40);
			List<UUID> targets = ProcessFixtures.burst(jdbc, connections, compose, mastodon, BURST);
			ProcessFixtures.makeDue(jdbc);
			Map<String, String> env = ProcessFixtures.env(dbUrl, dbUser, dbPassword, dataDir.toAbsolutePath(), "crash-node");

			VitrineProcess first = VitrineProcess.start(getClass().getSimpleName() + "-before-kill", env);
			ProcessFixtures.await("a third of the burst", Duration.ofMinutes(3), () -> mastodon.statusesCreated() >= BURST / 3);
			first.kill();
			int createdAtKill = mastodon.statusesCreated();
			assertThat(createdAtKill).as("killed mid-burst").isLessThan(BURST);

			try (VitrineProcess second = VitrineProcess.start(getClass().getSimpleName() + "-after-kill", env)) {
				ProcessFixtures.await("every target published", Duration.ofMinutes(4),
						() -> ProcessFixtures.unfinished(jdbc) == 0);
			}

			assertThat(mastodon.statusesCreated()).as("statuses stored by the network").isEqualTo(BURST);
			Map<String, String> byKey = mastodon.statusesByKey();
			assertThat(byKey.keySet()).containsExactlyInAnyOrderElementsOf(targets.stream().map(UUID::toString).toList());
			Map<UUID, String> remote = ProcessFixtures.remoteIds(jdbc);
			for (UUID target : targets) {
				assertThat(byKey.get(target.toString())).as("remote id of " + target).contains("\"id\":\"" + remote.get(target) + "\"");
			}
			int resent = mastodon.statusRequests() - BURST;
			assertThat(resent).as("only requests in flight at the kill may be sent again (with their key)").isBetween(0, 8);
		}
	}
}
