package io.vitrine.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the burst scenario on each database against the load target, after the load target's raw
 * capacity, and prints one table. Arguments: targets accounts databases(h2,postgres) [profile].
 */
public final class Bench {

	private static final Path WORK = Path.of("bench", "target", "run");

	private static final Path JAR = Path.of("target", "vitrine.jar");

	record Row(String scenario, String db, int targets, double seconds, double ratio, Double p50, Double p99, Double max,
			long published, long failed, long unknown, long lost, long doubled, long resent) {
	}

	public static void main(String[] args) throws Exception {
		int targets = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
		List<String> dbs = Arrays.asList((args.length > 2 ? args[2] : "h2,postgres").split(","));
		boolean profile = args.length > 3 && args[3].equals("profile");
		Map<String, String> engine = new LinkedHashMap<>();
		engine.put("VITRINE_ENGINE_CONCURRENCY", env("VITRINE_ENGINE_CONCURRENCY", "64"));
		engine.put("VITRINE_ENGINE_BATCH_SIZE", env("VITRINE_ENGINE_BATCH_SIZE", "200"));
		engine.put("VITRINE_DB_POOL_SIZE", env("VITRINE_DB_POOL_SIZE", "16"));
		engine.put("VITRINE_ENGINE_POLL_INTERVAL", env("VITRINE_ENGINE_POLL_INTERVAL", "100ms"));
		int concurrency = Integer.parseInt(engine.get("VITRINE_ENGINE_CONCURRENCY"));
		Duration timeout = Duration.ofSeconds(Long.parseLong(env("BENCH_TIMEOUT_SECONDS", Long.toString(Math.max(120, targets / 100)))));
		Files.createDirectories(WORK);
		List<Row> rows = new ArrayList<>();
		try (LoadTarget load = new LoadTarget()) {
			// Two simple clients; the faster one is the load target's raw capacity, the denominator of every ratio.
			Row keepAlive = baseline(load, targets, concurrency, false);
			load.forget();
			Row fresh = baseline(load, targets, concurrency, true);
			double best = Math.min(keepAlive.seconds(), fresh.seconds());
			rows.add(withRatio(keepAlive, best));
			rows.add(withRatio(fresh, best));
			Row baseline = keepAlive.seconds() <= fresh.seconds() ? keepAlive : fresh;
			for (String db : dbs) {
				load.forget();
				rows.add(burst(load, db.trim(), targets, accounts, engine, timeout, baseline.seconds(), profile));
			}
		}
		print(rows, engine);
	}

	/** Throughput: targets finished (published or failed) per second; a timed-out run counts what it finished. */
	private static double rate(Row r) {
		return (r.published() + r.failed()) / r.seconds();
	}

	private static Row withRatio(Row r, double bestSeconds) {
		return new Row(r.scenario(), r.db(), r.targets(), r.seconds(), bestSeconds / r.seconds(), r.p50(), r.p99(), r.max(),
				r.published(), r.failed(), r.unknown(), r.lost(), r.doubled(), r.resent());
	}

	private static Row baseline(LoadTarget load, int targets, int concurrency, boolean fresh) throws Exception {
		log("baseline: " + targets + " plain POSTs, concurrency " + concurrency + (fresh ? ", a new connection each" : ""));
		Process client = new ProcessBuilder(java(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
				Baseline.class.getName(), load.url(), Integer.toString(targets), Integer.toString(concurrency),
				fresh ? "close" : "keep-alive")
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		String out = new String(client.getInputStream().readAllBytes()).trim();
		client.waitFor();
		String[] last = out.substring(out.lastIndexOf('\n') + 1).split(" ");
		double seconds = Double.parseDouble(last[0]);
		long ok = Long.parseLong(last[1]);
		Map<String, LoadTarget.KeyCount> keys = load.keys("base-");
		long doubled = keys.values().stream().filter(k -> k.statuses.get() > 1).count();
		return new Row(fresh ? "baseline, new conn. each" : "baseline, keep-alive", "-", targets, seconds, 1.0, null, null, null, ok, targets - ok, 0,
				targets - ok, doubled, 0);
	}

	private static Row burst(LoadTarget load, String db, int targets, int accounts, Map<String, String> engine,
			Duration timeout, double baselineSeconds, boolean profile) throws Exception {
		Path dir = WORK.resolve(db);
		deleteTree(dir);
		Files.createDirectories(dir);
		EmbeddedPostgres postgres = null;
		String url;
		String user;
		String password;
		if (db.equals("postgres")) {
			log("postgres: starting embedded PostgreSQL");
			postgres = EmbeddedPostgres.builder()
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setServerConfig("max_connections", "200")
				// zonky turns durability off for tests; a production PostgreSQL has it on, so the bench does too.
				.setServerConfig("fsync", env("BENCH_PG_FSYNC", "on"))
				.setServerConfig("synchronous_commit", env("BENCH_PG_SYNCHRONOUS_COMMIT", "on"))
				.setDataDirectory(dir.resolve("pg").toAbsolutePath())
				.setCleanDataDirectory(true)
				.start();
			url = postgres.getJdbcUrl("postgres", "postgres");
			user = "postgres";
			password = "postgres";
		}
		else if (db.equals("h2")) {
			// AUTO_SERVER: Vitrine opens the file first and embeds it; the bench reads through its local TCP port.
			url = "jdbc:h2:file:" + dir.resolve("data").toAbsolutePath() + "/vitrine;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
					+ "DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
			user = "sa";
			password = "";
		}
		else {
			throw new IllegalArgumentException("unknown database " + db + " (h2 or postgres)");
		}
		Path data = dir.resolve("data");
		Files.createDirectories(data);
		Fixture fixture = new Fixture(data);
		Map<String, String> env = new HashMap<>(engine);
		env.put("VITRINE_DB_URL", url);
		env.put("VITRINE_DB_USER", user);
		env.put("VITRINE_DB_PASSWORD", password);
		env.put("VITRINE_DATA_DIR", data.toAbsolutePath().toString());
		env.put("VITRINE_NODE_ID", "bench-" + db);
		env.put("VITRINE_OUTBOUND_ALLOW_PRIVATE", "true");
		Process vitrine = null;
		Instant[] window = new Instant[2];
		try {
			log(db + ": starting Vitrine");
			vitrine = startVitrine(dir, env, profile ? dir.resolve("vitrine.jfr") : null);
			try (Connection c = DriverManager.getConnection(url, user, password)) {
				log(db + ": inserting " + targets + " targets over " + accounts + " accounts");
				long t0 = System.nanoTime();
				fixture.insert(c, load.url(), targets, accounts);
				log(db + String.format(Locale.ROOT, ": fixture written in %.1f s; releasing the burst", (System.nanoTime() - t0) / 1e9));
				if (db.equals("postgres")) {
					try (Statement s = c.createStatement()) {
						s.execute("analyze");
					}
				}
				explainClaim(c, db, Integer.parseInt(engine.get("VITRINE_ENGINE_CONCURRENCY")));
				Duration vitrineCpu = cpu(vitrine.toHandle());
				long benchCpu = benchCpuNanos();
				long wall = System.nanoTime();
				Instant due = Fixture.makeDue(c);
				window[0] = Instant.now();
				boolean drained = awaitDrained(c, targets, timeout, db);
				window[1] = Instant.now();
				Row row = measure(c, load, db, targets, due, baselineSeconds);
				if (!drained) {
					row = new Row("burst, TIMED OUT", row.db(), row.targets(), row.seconds(), row.ratio(), row.p50(), row.p99(),
							row.max(), row.published(), row.failed(), row.unknown(), row.lost(), row.doubled(), row.resent());
				}
				double wallSeconds = (System.nanoTime() - wall) / 1e9;
				log(String.format(Locale.ROOT, "%s: CPU during the drain (%.1f s wall, %d cores = %.1f core-seconds): Vitrine %.1f s,"
						+ " bench JVM incl. load target %.1f s, rest (database server, OS, others on the machine) %.1f s", db,
						wallSeconds, Runtime.getRuntime().availableProcessors(), wallSeconds * Runtime.getRuntime().availableProcessors(),
						cpu(vitrine.toHandle()).minus(vitrineCpu).toMillis() / 1e3, (benchCpuNanos() - benchCpu) / 1e9,
						wallSeconds * Runtime.getRuntime().availableProcessors() - cpu(vitrine.toHandle()).minus(vitrineCpu).toMillis() / 1e3
								- (benchCpuNanos() - benchCpu) / 1e9));
				if (db.equals("postgres")) {
					log("postgres settings: " + pgSettings(c));
				}
				return row;
			}
		}
		finally {
			if (vitrine != null) {
				vitrine.destroy();
				if (!vitrine.waitFor(30, TimeUnit.SECONDS)) {
					vitrine.destroyForcibly().waitFor();
				}
			}
			if (profile && Files.exists(dir.resolve("vitrine.jfr"))) {
				log(db + ": profile of the Vitrine process (" + dir.resolve("vitrine.jfr") + ")");
				Profile.main(window[1] == null ? new String[] { dir.resolve("vitrine.jfr").toString() }
						: new String[] { dir.resolve("vitrine.jfr").toString(), window[0].toString(), window[1].toString() });
			}
			if (postgres != null) {
				postgres.close();
			}
		}
	}

	/**
	 * The engine's claim reads the first due targets in (due_at, id) order; with the whole burst due
	 * at one instant, this shows what that read costs while every target is waiting (the same
	 * predicate as DueTargets, read without locks).
	 */
	private static void explainClaim(Connection c, String db, int limit) throws SQLException {
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
			log(db + ": plan of the claim's read with every target due:\n" + plan.toString().trim());
		}
	}

	private static boolean awaitDrained(Connection c, int targets, Duration timeout, String db) throws Exception {
		Instant deadline = Instant.now().plus(timeout);
		long last = -1;
		Instant lastLog = Instant.now();
		while (Instant.now().isBefore(deadline)) {
			long done = count(c, "select count(*) from post_target where state in ('published', 'failed')");
			if (done >= targets) {
				return true;
			}
			if (Duration.between(lastLog, Instant.now()).toSeconds() >= 10 && done != last) {
				log(db + ": " + done + " of " + targets + " done");
				lastLog = Instant.now();
				last = done;
			}
			Thread.sleep(200);
		}
		log(db + ": timed out after " + timeout + "; reporting what is there (unfinished targets count as lost)");
		return false;
	}

	private static Row measure(Connection c, LoadTarget load, String db, int targets, Instant due, double baselineSeconds)
			throws SQLException {
		// The database first, then the load target: a target the database calls published was sent
		// before it was marked, so it is already in the load target's counts even if the engine is still
		// running (a timed-out run).
		Map<String, Long> states = new HashMap<>();
		List<Double> lateness = new ArrayList<>();
		Instant end = due;
		List<String> publishedIds = new ArrayList<>();
		try (Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select id, state, due_at, published_at, updated_at from post_target")) {
			while (rs.next()) {
				String state = rs.getString(2);
				states.merge(state, 1L, Long::sum);
				Instant finished;
				if (state.equals("published")) {
					finished = rs.getObject(4, OffsetDateTime.class).toInstant();
					lateness.add(Duration.between(rs.getObject(3, OffsetDateTime.class).toInstant(), finished).toNanos() / 1e9);
					publishedIds.add(rs.getObject(1, java.util.UUID.class).toString());
				}
				else if (state.equals("failed")) {
					finished = rs.getObject(5, OffsetDateTime.class).toInstant();
				}
				else {
					continue;
				}
				if (finished.isAfter(end)) {
					end = finished;
				}
			}
		}
		Map<String, LoadTarget.KeyCount> keys = load.keys("");
		long phantom = publishedIds.stream().filter(id -> keys.get(id) == null || keys.get(id).statuses.get() == 0).count();
		lateness.sort(null);
		long published = states.getOrDefault("published", 0L);
		long failed = states.getOrDefault("failed", 0L);
		long unknown = states.getOrDefault("unknown", 0L);
		long doubled = keys.values().stream().filter(k -> k.statuses.get() > 1).count();
		long resent = keys.values().stream().filter(k -> k.requests.get() > 1).count();
		double seconds = Duration.between(due, end).toNanos() / 1e9;
		return new Row("burst", db, targets, seconds, (published + failed) / seconds / (targets / baselineSeconds), pct(lateness, 0.50), pct(lateness, 0.99),
				lateness.isEmpty() ? null : lateness.getLast(), published, failed, unknown,
				targets - published - failed + phantom, doubled, resent);
	}

	private static Duration cpu(ProcessHandle process) {
		return process.info().totalCpuDuration().orElse(Duration.ZERO);
	}

	private static long benchCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static Double pct(List<Double> sorted, double p) {
		if (sorted.isEmpty()) {
			return null;
		}
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
	}

	private static String pgSettings(Connection c) throws SQLException {
		StringBuilder out = new StringBuilder();
		for (String name : List.of("server_version", "fsync", "synchronous_commit", "shared_buffers")) {
			try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show " + name)) {
				rs.next();
				out.append(name).append('=').append(rs.getString(1)).append(' ');
			}
		}
		return out.toString().trim();
	}

	private static long count(Connection c, String sql) throws SQLException {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static Process startVitrine(Path dir, Map<String, String> env, Path jfr) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = new ArrayList<>(List.of(java(), "-Xmx1g", "-Dh2.bindAddress=127.0.0.1"));
		if (jfr != null) {
			command.add("-XX:StartFlightRecording=filename=" + jfr.toAbsolutePath() + ",settings=profile");
		}
		command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(dir.resolve("vitrine.log").toFile()));
		builder.environment().putAll(env);
		builder.environment().put("VITRINE_PORT", Integer.toString(port));
		Process process = builder.start();
		HttpClient client = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plusSeconds(180);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Vitrine exited; see " + dir.resolve("vitrine.log"));
			}
			try {
				HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
						+ "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("UP")) {
					return process;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		process.destroyForcibly();
		throw new IllegalStateException("Vitrine did not become healthy; see " + dir.resolve("vitrine.log"));
	}

	private static void print(List<Row> rows, Map<String, String> engine) {
		System.out.println();
		String load;
		try {
			load = Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException e) {
			load = "unknown";
		}
		System.out.println("Engine: " + engine + "; " + Runtime.getRuntime().availableProcessors() + " cores; load average at the end: "
				+ load);
		String format = "%-27s %-9s %8s %8s %9s %6s %8s %8s %8s %9s %6s %7s %5s %7s %6s%n";
		System.out.printf(Locale.ROOT, format, "scenario", "db", "targets", "seconds", "targets/s", "ratio", "p50 s", "p99 s",
				"max s", "published", "failed", "unknown", "lost", "doubled", "resent");
		for (Row r : rows) {
			System.out.printf(Locale.ROOT, format, r.scenario(), r.db(), r.targets(), fmt(r.seconds()),
					String.format(Locale.ROOT, "%.0f", rate(r)), String.format(Locale.ROOT, "%.2f", r.ratio()),
					fmt(r.p50()), fmt(r.p99()), fmt(r.max()), r.published(), r.failed(), r.unknown(), r.lost(), r.doubled(),
					r.resent());
		}
	}

	private static String fmt(Double value) {
		return value == null ? "-" : String.format(Locale.ROOT, "%.2f", value);
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	private static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	private static void log(String message) {
		System.err.println("[bench " + Instant.now() + "] " + message);
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (var paths = Files.walk(dir)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}
}
