package io.vitrine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Runs the publishing scenarios against the load target and prints one table. Arguments:
 * {@code [targets] [accounts] [databases] [profile]}, or {@code smoke} for a small run of every
 * scenario that exits non-zero unless nothing was lost, doubled or sent early. Scenarios come from
 * BENCH_SCENARIOS (burst,steady,crash,nodes,faults by default).
 */
public final class Bench {

	private static final Path WORK = Path.of("bench", "target", "run");

	/**
	 * Targets at an end: published, failed, or unknown on an account that must be reconnected (its
	 * token was revoked while the outcome was unknown: only reconnecting lets Vitrine read the
	 * account again, so the target waits for the person, with the reason shown).
	 */
	private static final String WAITING_FOR_RECONNECT = "t.state = 'unknown' and exists (select 1 from connection c"
			+ " where c.id = t.connection_id and c.status = 'NEEDS_RECONNECT')";

	private static final String SETTLED = "select count(*) from post_target t where t.state in ('published', 'failed') or ("
			+ WAITING_FOR_RECONNECT + ")";

	static final List<String> SCENARIOS = List.of("burst", "steady", "crash", "nodes", "faults");

	record Row(String scenario, String db, int targets, double seconds, Double ratio, Double p50, Double p99, Double max,
			long published, long failed, long unknown, long lost, long doubled, long resent, long early, long reconciled,
			String prometheus, String notes) {

		Row with(String scenario, Double ratio, String prometheus, String notes) {
			return new Row(scenario, db, targets, seconds, ratio, p50, p99, max, published, failed, unknown, lost, doubled,
					resent, early, reconciled, prometheus, notes);
		}

		boolean safe() {
			return lost == 0 && doubled == 0 && early == 0 && !scenario.contains("TIMED OUT");
		}
	}

	/** Settings of one run, from the arguments and the environment. */
	record Settings(int targets, int accounts, List<String> dbs, boolean profile, boolean smoke, List<String> scenarios,
			double blueskyShare, double steadyRate, int steadySeconds, long seed, Map<String, String> engine) {

		int concurrency() {
			return Integer.parseInt(engine.get("VITRINE_ENGINE_CONCURRENCY"));
		}

		List<String> dbsOf(String scenario) {
			if (scenario.equals("nodes")) {
				return List.of("postgres"); // three processes share one server database
			}
			if (smoke && !scenario.equals("burst")) {
				return dbs.contains("postgres") ? List.of("postgres") : dbs;
			}
			return dbs;
		}
	}

	private final Settings settings;

	private final LoadTarget load;

	private final Random random;

	private final List<String> prometheusLines = new ArrayList<>();

	private Bench(Settings settings, LoadTarget load) {
		this.settings = settings;
		this.load = load;
		this.random = new Random(settings.seed());
	}

	public static void main(String[] args) throws Exception {
		boolean smoke = args.length > 0 && args[0].equals("smoke");
		String[] rest = smoke ? Arrays.copyOfRange(args, 1, args.length) : args;
		int targets = rest.length > 0 ? Integer.parseInt(rest[0]) : smoke ? 2_000 : 100_000;
		int accounts = rest.length > 1 ? Integer.parseInt(rest[1]) : smoke ? 200 : 1_000;
		List<String> dbs = Arrays.stream((rest.length > 2 ? rest[2] : "h2,postgres").split(",")).map(String::trim).toList();
		boolean profile = rest.length > 3 && rest[3].equals("profile");
		List<String> scenarios = Arrays.stream(env("BENCH_SCENARIOS", String.join(",", SCENARIOS)).split(","))
			.map(String::trim).toList();
		for (String scenario : scenarios) {
			if (!SCENARIOS.contains(scenario)) {
				throw new IllegalArgumentException("BENCH_SCENARIOS: unknown scenario " + scenario + " (one of " + SCENARIOS + ")");
			}
		}
		Map<String, String> engine = new LinkedHashMap<>();
		engine.put("VITRINE_ENGINE_CONCURRENCY", env("VITRINE_ENGINE_CONCURRENCY", "64"));
		engine.put("VITRINE_ENGINE_BATCH_SIZE", env("VITRINE_ENGINE_BATCH_SIZE", "200"));
		engine.put("VITRINE_DB_POOL_SIZE", env("VITRINE_DB_POOL_SIZE", "16"));
		engine.put("VITRINE_ENGINE_POLL_INTERVAL", env("VITRINE_ENGINE_POLL_INTERVAL", "100ms"));
		long seed = Long.parseLong(env("BENCH_SEED", Long.toString(new Random().nextInt(1_000_000))));
		Settings settings = new Settings(targets, accounts, dbs, profile, smoke, scenarios,
				Double.parseDouble(env("BENCH_BLUESKY_SHARE", "0.25")),
				Double.parseDouble(env("BENCH_STEADY_RATE", smoke ? "100" : "200")),
				Integer.parseInt(env("BENCH_STEADY_SECONDS", smoke ? "20" : "120")), seed, engine);
		log("scenarios " + scenarios + ", " + targets + " targets over " + accounts + " accounts ("
				+ Math.round(settings.blueskyShare() * 100) + " % Bluesky), BENCH_SEED=" + seed);
		Files.createDirectories(WORK);
		List<Row> rows = new ArrayList<>();
		Instant began = Instant.now();
		try (LoadTarget load = new LoadTarget()) {
			Bench bench = new Bench(settings, load);
			Double baselineSeconds = null;
			if (scenarios.contains("burst") && !smoke) {
				// Two simple clients; the faster one is the load target's raw capacity, the denominator of every ratio.
				Row keepAlive = bench.baseline(false);
				load.forget();
				Row fresh = bench.baseline(true);
				double best = Math.min(keepAlive.seconds(), fresh.seconds());
				rows.add(keepAlive.with(keepAlive.scenario(), best / keepAlive.seconds(), "-", ""));
				rows.add(fresh.with(fresh.scenario(), best / fresh.seconds(), "-", ""));
				baselineSeconds = best;
			}
			for (String scenario : scenarios) {
				for (String db : settings.dbsOf(scenario)) {
					try {
						rows.add(bench.run(scenario, db, baselineSeconds));
					}
					catch (Exception e) {
						log(scenario + " on " + db + " could not run: " + e);
						e.printStackTrace();
						rows.add(new Row(scenario + ", DID NOT RUN", db, 0, 0, null, null, null, null, 0, 0, 0, 1, 0, 0, 0, 0, "-",
								e.getClass().getSimpleName() + ": " + e.getMessage()));
					}
				}
			}
			print(rows, settings, bench.prometheusLines, Duration.between(began, Instant.now()));
		}
		finally {
			Database.closeAll();
		}
		if (smoke) {
			List<Row> unsafe = rows.stream().filter(r -> !r.safe()).toList();
			if (!unsafe.isEmpty()) {
				System.out.println("SMOKE FAILED: lost, doubled or early requests (or a timed-out run) in "
						+ unsafe.stream().map(r -> r.scenario() + "/" + r.db()).collect(Collectors.joining(", ")));
				System.exit(1);
			}
			System.out.println("SMOKE PASSED: lost 0, doubled 0, early 0 in every scenario");
		}
	}

	private Row baseline(boolean fresh) throws Exception {
		int targets = settings.targets();
		int concurrency = settings.concurrency();
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
		return new Row(fresh ? "baseline, new conn. each" : "baseline, keep-alive", "-", targets, seconds, 1.0, null, null, null,
				ok, targets - ok, 0, targets - ok, doubled, 0, 0, 0, "-", "");
	}

	/** One scenario on one database, from an empty database to the measured row. */
	private Row run(String scenario, String dbKind, Double baselineSeconds) throws Exception {
		int targets = scenario.equals("steady") ? (int) Math.round(settings.steadyRate() * settings.steadySeconds()) : settings.targets();
		int accounts = Math.min(settings.accounts(), targets);
		Path dir = WORK.resolve(scenario + "-" + dbKind);
		deleteTree(dir);
		Path data = dir.resolve("data");
		Files.createDirectories(data);
		Database db = Database.create(dbKind, dir, scenario);
		// The fixture's vault writes the keyset into the data folder first; every node then reads the same one.
		Fixture fixture = new Fixture(data);
		Map<String, String> env = vitrineEnv(scenario, db, data);
		log(scenario + "/" + dbKind + ": Vitrine settings " + env.entrySet().stream()
			.filter(e -> !e.getKey().startsWith("VITRINE_DB_") && !e.getKey().equals("VITRINE_DATA_DIR"))
			.map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(" ")));
		load.forget();
		boolean profile = settings.profile() && scenario.equals("burst");
		List<VitrineNode> nodes = new ArrayList<>();
		int count = scenario.equals("nodes") ? 3 : 1;
		for (int i = 1; i <= count; i++) {
			nodes.add(new VitrineNode(count == 1 ? "bench-" + scenario : "bench-n" + i, dir, env,
					profile ? dir.resolve("vitrine.jfr") : null));
		}
		Instant[] window = new Instant[2];
		try {
			log(scenario + "/" + dbKind + ": starting " + count + " Vitrine process" + (count > 1 ? "es" : ""));
			for (VitrineNode node : nodes) {
				node.start();
			}
			for (VitrineNode node : nodes) {
				node.awaitHealthy();
			}
			try (Connection c = db.connect()) {
				log(scenario + "/" + dbKind + ": inserting " + targets + " targets over " + accounts + " accounts");
				long t0 = System.nanoTime();
				fixture.insert(c, load, scenario, targets, accounts, settings.blueskyShare());
				log(scenario + "/" + dbKind + String.format(Locale.ROOT, ": fixture written in %.1f s", (System.nanoTime() - t0) / 1e9));
				if (dbKind.equals("postgres")) {
					try (Statement s = c.createStatement()) {
						s.execute("analyze");
					}
				}
				if (scenario.equals("burst") && !settings.smoke()) {
					Reports.explainClaim(c, dbKind, settings.concurrency());
				}
			}
			if (scenario.equals("faults")) {
				load.faults(faults());
			}
			Duration vitrineCpu = cpu(nodes);
			long benchCpu = benchCpuNanos();
			long wall = System.nanoTime();
			Instant start;
			try (Connection c = db.connect()) {
				if (scenario.equals("steady")) {
					start = Instant.now().plusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
					Fixture.spreadDue(c, start, settings.steadyRate());
					log(scenario + "/" + dbKind + ": " + targets + " targets due from " + start + ", " + settings.steadyRate() + " per second");
				}
				else {
					start = Fixture.makeDue(c);
					log(scenario + "/" + dbKind + ": released " + targets + " targets due at " + start);
				}
			}
			window[0] = Instant.now();
			Duration timeout = timeout(scenario, targets);
			String notes = "";
			boolean drained;
			switch (scenario) {
				case "crash" -> {
					notes = crash(nodes.getFirst(), db, targets, timeout);
					drained = awaitDrained(db, targets, timeout, scenario);
				}
				case "nodes" -> {
					notes = nodes(nodes, db, targets, timeout);
					drained = awaitDrained(db, targets, timeout, scenario);
				}
				default -> drained = awaitDrained(db, targets, timeout, scenario);
			}
			window[1] = Instant.now();
			Row row;
			try (Connection c = db.connect()) {
				Measured measured = measure(c, fixture, scenario, dbKind, targets, start);
				row = measured.row();
				if (scenario.equals("nodes")) {
					notes = notes + "; " + Reports.nodeShares(c, killedAt);
				}
				if (scenario.equals("faults")) {
					notes = Reports.faultNotes(load);
					Reports.failureReasons(c, scenario + "/" + dbKind);
				}
				log(scenario + "/" + dbKind + ": requests received: " + load.endpoints());
				Reports.byNetwork(c, scenario + "/" + dbKind);
				EarlyRequests.Sorted early = EarlyRequests.sort(c, fixture, load.early(), scenario + "/" + dbKind);
				if (early.inFlight() > 0) {
					notes = notes + "; " + early.inFlight() + " in flight at a 429";
				}
				if (measured.waiting() > 0) {
					notes = notes + "; " + measured.waiting() + " unknown wait for their revoked account to be reconnected";
				}
				Prometheus.Verdict verdict = prometheus(nodes, c, measured);
				prometheusLines.add(String.format(Locale.ROOT, "%-8s %-9s %s", scenario, dbKind, verdict.details()));
				Double ratio = scenario.equals("burst") && baselineSeconds != null
						? (row.published() + row.failed()) / row.seconds() / (targets / baselineSeconds) : null;
				row = row.with(drained ? scenario : scenario + ", TIMED OUT", ratio, verdict.word(), notes.replaceFirst("^; ", ""));
				row = new Row(row.scenario(), row.db(), row.targets(), row.seconds(), row.ratio(), row.p50(), row.p99(), row.max(),
						row.published(), row.failed(), row.unknown(), row.lost(), row.doubled(), row.resent(), early.early(),
						row.reconciled(), row.prometheus(), row.notes());
			}
			double wallSeconds = (System.nanoTime() - wall) / 1e9;
			int cores = Runtime.getRuntime().availableProcessors();
			double vitrineSeconds = cpu(nodes).minus(vitrineCpu).toMillis() / 1e3;
			double benchSeconds = (benchCpuNanos() - benchCpu) / 1e9;
			log(String.format(Locale.ROOT, "%s/%s: CPU during the run (%.1f s wall, %d cores = %.1f core-seconds): Vitrine %.1f s"
					+ " (surviving processes), bench JVM incl. load target %.1f s, rest (database server, OS, others) %.1f s",
					scenario, dbKind, wallSeconds, cores, wallSeconds * cores, vitrineSeconds, benchSeconds,
					wallSeconds * cores - vitrineSeconds - benchSeconds));
			return row;
		}
		finally {
			load.faults(Faults.NONE);
			for (VitrineNode node : nodes) {
				node.stop();
			}
			if (profile && Files.exists(dir.resolve("vitrine.jfr"))) {
				log(dbKind + ": profile of the Vitrine process (" + dir.resolve("vitrine.jfr") + ")");
				Profile.main(window[1] == null ? new String[] { dir.resolve("vitrine.jfr").toString() }
						: new String[] { dir.resolve("vitrine.jfr").toString(), window[0].toString(), window[1].toString() });
			}
		}
	}

	private Map<String, String> vitrineEnv(String scenario, Database db, Path data) {
		Map<String, String> env = new LinkedHashMap<>(settings.engine());
		env.put("VITRINE_DB_URL", db.url);
		env.put("VITRINE_DB_USER", db.user);
		env.put("VITRINE_DB_PASSWORD", db.password);
		env.put("VITRINE_DATA_DIR", data.toAbsolutePath().toString());
		env.put("VITRINE_OUTBOUND_ALLOW_PRIVATE", "true");
		if (scenario.equals("crash") || scenario.equals("nodes") || scenario.equals("faults")) {
			// A killed process's claims come back after its lease; unknown outcomes are checked soon, not in 20 s.
			env.put("VITRINE_ENGINE_LEASE", env("BENCH_LEASE", "10s"));
			env.put("VITRINE_ENGINE_FIRST_RECONCILE_DELAY", env("BENCH_FIRST_RECONCILE_DELAY", "2s"));
		}
		if (scenario.equals("faults")) {
			// Short, so that the load target's slow answers outlast it without stretching the run.
			env.put("VITRINE_OUTBOUND_RESPONSE_TIMEOUT", env("BENCH_FAULT_RESPONSE_TIMEOUT", "2s"));
		}
		return env;
	}

	private Faults faults() {
		double rate = Double.parseDouble(env("BENCH_FAULT_RATE", "0.2"));
		Duration timeout = Duration.parse("PT" + env("BENCH_FAULT_RESPONSE_TIMEOUT", "2s").toUpperCase(Locale.ROOT));
		return new Faults(rate, timeout.plusSeconds(1), Duration.ofSeconds(Long.parseLong(env("BENCH_FAULT_RESET_SECONDS", "3"))),
				settings.seed());
	}

	private Duration timeout(String scenario, int targets) {
		long base = Long.parseLong(env("BENCH_TIMEOUT_SECONDS", Long.toString(Math.max(120, targets / 100))));
		return Duration.ofSeconds(switch (scenario) {
			case "steady" -> settings.steadySeconds() + base;
			case "crash" -> base + 5 * 60;
			case "nodes" -> base + 60;
			case "faults" -> base + 600; // a transient failure after several 429s waits up to 15 s × 2^attempts
			default -> base;
		});
	}

	/**
	 * SIGKILL at five random moments of the drain (random shares of the targets done), restarting
	 * the process each time under the same node name.
	 */
	private String crash(VitrineNode node, Database db, int targets, Duration timeout) throws Exception {
		double[] at = new double[5];
		for (int i = 0; i < at.length; i++) {
			at[i] = 0.05 + 0.85 * random.nextDouble();
		}
		Arrays.sort(at);
		Instant deadline = Instant.now().plus(timeout);
		List<String> kills = new ArrayList<>();
		for (double share : at) {
			long wanted = Math.round(share * targets);
			long done = waitUntilDone(db, wanted, deadline);
			Thread.sleep(random.nextInt(300));
			node.kill();
			long after = done(db.kind.equals("h2") ? null : db);
			log(String.format(Locale.ROOT, "crash: SIGKILL at %d of %d done (aimed at %.0f %%); restarting", after < 0 ? done : after,
					targets, share * 100));
			kills.add(Long.toString(after < 0 ? done : after));
			node.start().awaitHealthy();
		}
		return "SIGKILL at " + String.join(", ", kills) + " done";
	}

	/** Three nodes drain the burst; the first is killed when a random 30–60 % is done. */
	private String nodes(List<VitrineNode> nodes, Database db, int targets, Duration timeout) throws Exception {
		double share = 0.3 + 0.3 * random.nextDouble();
		long done = waitUntilDone(db, Math.round(share * targets), Instant.now().plus(timeout));
		nodes.getFirst().kill();
		killedAt = Instant.now();
		log("nodes: SIGKILL of " + nodes.getFirst().name + " at " + done + " of " + targets + " done");
		return nodes.getFirst().name + " killed at " + done + " done";
	}

	private Instant killedAt;

	private long waitUntilDone(Database db, long wanted, Instant deadline) throws Exception {
		long done = 0;
		while (Instant.now().isBefore(deadline)) {
			done = done(db);
			if (done >= wanted) {
				return done;
			}
			Thread.sleep(50);
		}
		return done;
	}

	/** Targets published or failed; -1 when the database cannot be read (an H2 file whose owner was just killed). */
	private static long done(Database db) {
		if (db == null) {
			return -1;
		}
		try (Connection c = db.connect()) {
			return count(c, SETTLED);
		}
		catch (SQLException e) {
			return -1;
		}
	}

	private static boolean awaitDrained(Database db, int targets, Duration timeout, String scenario) throws Exception {
		Instant deadline = Instant.now().plus(timeout);
		long last = -1;
		Instant lastLog = Instant.now();
		while (Instant.now().isBefore(deadline)) {
			long done = done(db);
			if (done >= targets) {
				return true;
			}
			if (Duration.between(lastLog, Instant.now()).toSeconds() >= 10 && done != last) {
				log(scenario + ": " + done + " of " + targets + " done");
				lastLog = Instant.now();
				last = done;
			}
			// Counting every target costs the database real work (and a connection): once a second is
			// enough, since the drain time comes from the targets' own published_at, not from this poll.
			Thread.sleep(1000);
		}
		log(scenario + ": timed out after " + timeout + "; reporting what is there (unfinished targets count as lost)");
		return false;
	}

	record Measured(Row row, long unknown, long waiting, List<Double> lateness) {
	}

	/**
	 * The database first, then the load target: a target the database calls published was sent
	 * before it was marked, so it is already in the load target's counts even if the engine is
	 * still running (a timed-out run).
	 */
	private Measured measure(Connection c, Fixture fixture, String scenario, String db, int targets, Instant start)
			throws SQLException, ReflectiveOperationException {
		Map<String, Long> states = new HashMap<>();
		List<Double> lateness = new ArrayList<>();
		Instant end = start;
		List<String> publishedKeys = new ArrayList<>();
		try (Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select t.id, t.state, t.due_at, t.published_at, t.updated_at, c.network,"
						+ " c.remote_account_id from post_target t join connection c on c.id = t.connection_id")) {
			while (rs.next()) {
				String state = rs.getString(2);
				states.merge(state, 1L, Long::sum);
				Instant finished;
				if (state.equals("published")) {
					finished = rs.getObject(4, OffsetDateTime.class).toInstant();
					lateness.add(Duration.between(rs.getObject(3, OffsetDateTime.class).toInstant(), finished).toNanos() / 1e9);
					publishedKeys.add(fixture.keyOf(rs.getObject(1, UUID.class), rs.getString(6), rs.getString(7)));
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
		long waiting = count(c, "select count(*) from post_target t where " + WAITING_FOR_RECONNECT);
		long reconciled = count(c, "select count(*) from post_target t where t.state in ('published', 'failed') and exists"
				+ " (select 1 from target_transition tr where tr.target_id = t.id and tr.to_state = 'unknown')");
		Map<String, LoadTarget.KeyCount> keys = load.keys("");
		long phantom = publishedKeys.stream().filter(k -> keys.get(k) == null || keys.get(k).statuses.get() == 0).count();
		if (phantom > 0) {
			log(scenario + "/" + db + ": " + phantom + " targets marked published that the load target never stored");
		}
		lateness.sort(null);
		long published = states.getOrDefault("published", 0L);
		long failed = states.getOrDefault("failed", 0L);
		long unknown = states.getOrDefault("unknown", 0L);
		long doubled = Math.max(load.doubledTexts(), keys.values().stream().filter(k -> k.statuses.get() > 1).count());
		long resent = keys.values().stream().filter(k -> k.requests.get() > 1).count();
		double seconds = Duration.between(start, end).toNanos() / 1e9;
		Row row = new Row(scenario, db, targets, seconds, null, pct(lateness, 0.50), pct(lateness, 0.99),
				lateness.isEmpty() ? null : lateness.getLast(), published, failed, unknown,
				targets - published - failed - waiting + phantom, doubled, resent, 0, reconciled, "-", "");
		return new Measured(row, unknown, waiting, lateness);
	}

	private Prometheus.Verdict prometheus(List<VitrineNode> nodes, Connection c, Measured measured) {
		try {
			List<String> scrapes = new ArrayList<>();
			boolean complete = true;
			for (VitrineNode node : nodes) {
				if (node.alive()) {
					scrapes.add(node.prometheus());
				}
				complete &= node.alive() && node.starts() == 1;
			}
			long due = count(c, "select count(*) from post_target where state = 'scheduled' and due_at <= current_timestamp");
			return Prometheus.compare(scrapes, complete, new Prometheus.Expected(measured.row().published(),
					measured.row().failed(), measured.unknown(), due, measured.lateness()));
		}
		catch (Exception e) {
			return new Prometheus.Verdict("DIFFERS", "could not read /actuator/prometheus: " + e);
		}
	}

	private static Duration cpu(List<VitrineNode> nodes) {
		return nodes.stream().filter(VitrineNode::alive).map(VitrineNode::cpu).reduce(Duration.ZERO, Duration::plus);
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

	static long count(Connection c, String sql) throws SQLException {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static void print(List<Row> rows, Settings settings, List<String> prometheus, Duration took) {
		System.out.println();
		String load;
		try {
			load = Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException e) {
			load = "unknown";
		}
		System.out.println("Engine: " + settings.engine() + "; " + Runtime.getRuntime().availableProcessors()
				+ " cores; load average at the end: " + load + "; BENCH_SEED=" + settings.seed() + "; took "
				+ took.toSeconds() + " s");
		String format = "%-27s %-9s %7s %8s %9s %6s %7s %7s %7s %9s %6s %7s %5s %7s %6s %5s %6s %-10s %s%n";
		System.out.printf(Locale.ROOT, format, "scenario", "db", "targets", "seconds", "targets/s", "ratio", "p50 s", "p99 s",
				"max s", "published", "failed", "unknown", "lost", "doubled", "resent", "early", "reconc", "prometheus", "notes");
		for (Row r : rows) {
			System.out.printf(Locale.ROOT, format, r.scenario(), r.db(), r.targets(), fmt(r.seconds()),
					r.seconds() > 0 ? String.format(Locale.ROOT, "%.0f", (r.published() + r.failed()) / r.seconds()) : "-",
					r.ratio() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.ratio()), fmt(r.p50()), fmt(r.p99()), fmt(r.max()),
					r.published(), r.failed(), r.unknown(), r.lost(), r.doubled(), r.resent(), r.early(), r.reconciled(),
					r.prometheus(), r.notes());
		}
		if (!prometheus.isEmpty()) {
			System.out.println("Prometheus (/actuator/prometheus at the end of each scenario) against the bench's figures:");
			prometheus.forEach(line -> System.out.println("  " + line));
		}
	}

	private static String fmt(Double value) {
		return value == null ? "-" : String.format(Locale.ROOT, "%.2f", value);
	}

	static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	static void log(String message) {
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
