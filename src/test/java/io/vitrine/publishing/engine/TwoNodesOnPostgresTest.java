package io.vitrine.publishing.engine;

import io.vitrine.networks.Connections;
import io.vitrine.publishing.internal.ComposePost;
import io.vitrine.testsupport.CountingMastodon;
import io.vitrine.testsupport.OnPostgres;
import io.vitrine.testsupport.VitrineProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Two Vitrine processes on one PostgreSQL drain the same 1,000 due targets: each is published once. */
@SpringBootTest(properties = "vitrine.engine.enabled=false")
@ActiveProfiles("test")
class TwoNodesOnPostgresTest implements OnPostgres {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws Exception {
		String dir = Files.createTempDirectory("vitrine-two-nodes").toString();
		registry.add("vitrine.data-dir", () -> dir);
	}

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
	void two_processes_on_one_database_publish_each_due_target_exactly_once_and_share_the_work() throws Exception {
		try (CountingMastodon mastodon = new CountingMastodon()) {
			mastodon.delay(20);
			// Due only once both nodes are up, so that they really compete for the same burst.
			List<UUID> targets = ProcessFixtures.burst(jdbc, connections, compose, mastodon, 1_000);
			try (VitrineProcess a = VitrineProcess.start("two-nodes-a", ProcessFixtures.env(dbUrl, dbUser, dbPassword, dataDir, "node-a"));
					VitrineProcess b = VitrineProcess.start("two-nodes-b", ProcessFixtures.env(dbUrl, dbUser, dbPassword, dataDir, "node-b"))) {
				ProcessFixtures.makeDue(jdbc);
				ProcessFixtures.await("every target published", Duration.ofMinutes(4),
						() -> ProcessFixtures.unfinished(jdbc) == 0);
			}

			assertThat(mastodon.statusesCreated()).isEqualTo(1_000);
			assertThat(mastodon.statusRequests()).as("no target was sent twice, not even with its key").isEqualTo(1_000);
			List<String> owners = jdbc.sql("select reason from target_transition where to_state = 'publishing'")
				.query(String.class)
				.list();
			long byA = owners.stream().filter(r -> r.contains("node-a#")).count();
			long byB = owners.stream().filter(r -> r.contains("node-b#")).count();
			assertThat(byA + byB).isEqualTo(1_000);
			assertThat(byA).as("node a did part of the work").isGreaterThan(100);
			assertThat(byB).as("node b did part of the work").isGreaterThan(100);
		}
	}
}
