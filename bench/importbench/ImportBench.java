package io.vitrine.bench.importbench;

import io.vitrine.VitrineApplication;
import io.vitrine.bulk.ImportStatus;
import io.vitrine.bulk.internal.Imports;
import io.vitrine.bulk.internal.PreviewImport;
import io.vitrine.bulk.internal.StartImport;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.NewConnection;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Role;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/**
 * A 10,000-row CSV import (issue 5): starts Vitrine in this JVM on an empty H2 database (or VITRINE_DB_URL),
 * connects 10 accounts, writes a file of N rows (each for one or two accounts, one row in a hundred invalid),
 * and times its preview (read, check every row with the composer's rules, store) and its import (background
 * batches until done), through the same services the page and the API call.
 */
public final class ImportBench {

	public static void main(String[] args) throws Exception {
		int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
		Path data = Files.createTempDirectory("vitrine-import-bench");
		Map.of("vitrine.data-dir", data.toString(), "server.port", "0", "vitrine.engine.enabled", "false",
				"vitrine.owner.email", "bench@example.com", "vitrine.owner.password", "import bench password",
				"logging.level.root", "WARN")
			.forEach(System::setProperty);
		try (ConfigurableApplicationContext context = new SpringApplication(VitrineApplication.class).run()) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			UUID workspace = jdbc.queryForObject("select id from workspace", UUID.class);
			UUID owner = jdbc.queryForObject("select id from app_user", UUID.class);
			ZoneId zone = ZoneId.of(jdbc.queryForObject("select time_zone from workspace", String.class));
			Member member = new Member(owner, workspace, "bench", Role.OWNER, zone);
			Connections connections = context.getBean(Connections.class);
			for (int i = 0; i < 10; i++) {
				connections.connect(workspace, new NewConnection(new NetworkId(i % 2 == 0 ? "mastodon" : "bluesky"),
						"https://bench" + i + ".example", "account-" + i, "@bench" + i + "@bench.example", "Bench " + i,
						new NetworkLimits(500, 3000, 23, 4, 8_000_000, 1500), new Credentials(Map.of("accessToken", "t" + i))));
			}
			byte[] csv = file(rows, LocalDate.now(zone).plusDays(7));
			PreviewImport preview = context.getBean(PreviewImport.class);
			StartImport start = context.getBean(StartImport.class);
			Imports imports = context.getBean(Imports.class);

			long t0 = System.nanoTime();
			ImportStatus previewed = preview.preview(member, "bench.csv", csv);
			double previewSeconds = (System.nanoTime() - t0) / 1e9;
			long t1 = System.nanoTime();
			start.start(member, previewed.id(), true);
			ImportStatus status = previewed;
			while (!status.finished() && !"failed".equals(status.state())) {
				Thread.sleep(100);
				status = imports.find(workspace, previewed.id()).orElseThrow();
			}
			double importSeconds = (System.nanoTime() - t1) / 1e9;
			int targets = jdbc.queryForObject("select count(*) from post_target", Integer.class);
			String db = context.getEnvironment().getProperty("spring.datasource.url", "").startsWith("jdbc:h2") ? "H2" : "PostgreSQL";
			System.out.printf("CSV import of %,d rows (%,d bytes; %,d valid, %,d invalid), %s, %d cores, load %s%n", rows, csv.length,
					status.rowsValid(), status.rowsInvalid(), db, Runtime.getRuntime().availableProcessors(),
					Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
			System.out.printf("%-44s %8.1f s  %,8.0f rows/s%n", "preview (read, check every row, store)", previewSeconds, rows / previewSeconds);
			System.out.printf("%-44s %8.1f s  %,8.0f rows/s  (%s; %,d posts, %,d targets)%n", "import (background batches)", importSeconds,
					status.rowsImported() / importSeconds, status.state(), status.rowsImported(), targets);
		}
	}

	/** One row in a hundred names an account that does not exist; every third row goes to two accounts. */
	private static byte[] file(int rows, LocalDate first) {
		StringBuilder csv = new StringBuilder("text,accounts,scheduled_at,time_zone,link\r\n");
		for (int i = 0; i < rows; i++) {
			String accounts = i % 100 == 99 ? "@nobody@bench.example"
					: "@bench" + i % 10 + "@bench.example" + (i % 3 == 0 ? " @bench" + (i + 1) % 10 + "@bench.example" : "");
			csv.append("\"Post ").append(i).append(": fresh bread, new recipes, and a word about our bakers #bench\",")
				.append(accounts).append(',')
				.append(first.plusDays(i % 60)).append(' ').append(String.format("%02d:%02d", 8 + i % 12, i % 60)).append(",Europe/Paris,")
				.append(i % 4 == 0 ? "https://bench.example/p/" + i : "").append("\r\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}
}
