package io.vitrine.bench.calendar;

import io.vitrine.VitrineApplication;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.NewConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calendar month with many posts (issue 5): starts Vitrine in this JVM on an empty H2 database
 * (or VITRINE_DB_URL), writes N posts over next month across 10 accounts, signs in like a browser
 * and times what the month view asks for: the page, its events and its notable dates. Loopback
 * request times, so server time plus a local round trip.
 */
public final class CalendarBench {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final String[] STATES = { "scheduled", "scheduled", "scheduled", "published", "failed" };

	public static void main(String[] args) throws Exception {
		int posts = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
		Path data = Files.createTempDirectory("vitrine-calendar-bench");
		String password = "calendar bench password";
		// System properties, since application.properties' own defaults would win over default properties.
		Map.of("vitrine.data-dir", data.toString(), "server.port", "0", "vitrine.engine.enabled", "false",
				"vitrine.owner.email", "bench@example.com", "vitrine.owner.password", password, "logging.level.root", "WARN")
			.forEach(System::setProperty);
		SpringApplication app = new SpringApplication(VitrineApplication.class);
		try (ConfigurableApplicationContext context = app.run()) {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			UUID workspace = jdbc.queryForObject("select id from workspace", UUID.class);
			UUID owner = jdbc.queryForObject("select id from app_user", UUID.class);
			Connections connections = context.getBean(Connections.class);
			List<ConnectionView> accounts = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				accounts.add(connections.connect(workspace, new NewConnection(new NetworkId(i % 2 == 0 ? "mastodon" : "bluesky"),
						"https://bench" + i + ".example", "account-" + i, "@bench" + i + "@bench.example", "Bench " + i,
						new NetworkLimits(500, 3000, 23, 4, 8_000_000, 1500), new Credentials(Map.of("accessToken", "t" + i)))));
			}
			YearMonth month = YearMonth.now(PARIS).plusMonths(1);
			long start = System.nanoTime();
			insert(jdbc, workspace, owner, accounts, month, posts);
			System.err.printf("[bench] %d posts written over %s in %.1f s%n", posts, month, (System.nanoTime() - start) / 1e9);

			HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
			String base = "http://localhost:" + port;
			signIn(http, base, password);
			// The six weeks a month grid shows (weeks from Sunday, as for en-US), as FullCalendar asks for them.
			LocalDate gridStart = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
			String range = "from=" + gridStart + "&to=" + gridStart.plusDays(42);
			String page = base + "/w/" + workspace + "/calendar?date=" + month.atDay(1);
			String events = base + "/api/v1/workspaces/" + workspace + "/calendar/events?" + range;
			String notable = base + "/api/v1/workspaces/" + workspace + "/calendar/notable-dates?" + range;
			String answer = get(http, events);
			int shown = answer.split("\"targetId\"").length - 1;
			int bytes = answer.getBytes(StandardCharsets.UTF_8).length;
			for (int i = 0; i < 20; i++) { // warm-up: JIT, caches, connection pool
				get(http, page);
				get(http, events);
				get(http, notable);
			}
			double[] pageMs = new double[rounds];
			double[] eventsMs = new double[rounds];
			double[] notableMs = new double[rounds];
			double[] totalMs = new double[rounds];
			for (int i = 0; i < rounds; i++) {
				pageMs[i] = timed(http, page);
				eventsMs[i] = timed(http, events);
				notableMs[i] = timed(http, notable);
				totalMs[i] = pageMs[i] + eventsMs[i] + notableMs[i];
			}
			System.out.printf("Calendar month, %d posts in %s (%d events in the 6-week grid, %,d bytes of JSON), %s, %d rounds after 20 warm-up%n",
					posts, month, shown, bytes, context.getEnvironment().getProperty("spring.datasource.url").startsWith("jdbc:h2") ? "H2" : "PostgreSQL",
					rounds);
			System.out.println("load average (1, 5, 15 min) on " + Runtime.getRuntime().availableProcessors() + " cores: "
					+ Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0] + " " + Files.readString(Path.of("/proc/loadavg")).split(" ")[1]
					+ " " + Files.readString(Path.of("/proc/loadavg")).split(" ")[2]);
			System.out.printf("%-34s %8s %8s %8s%n", "request", "p50 ms", "p95 ms", "max ms");
			row("page GET /w/{ws}/calendar", pageMs);
			row("events GET .../calendar/events", eventsMs);
			row("notable GET .../notable-dates", notableMs);
			row("month view (the three together)", totalMs);
		}
	}

	private static void insert(JdbcTemplate jdbc, UUID workspace, UUID owner, List<ConnectionView> accounts, YearMonth month,
			int posts) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		List<Object[]> postRows = new ArrayList<>();
		List<Object[]> targetRows = new ArrayList<>();
		Instant first = month.atDay(1).atStartOfDay(PARIS).toInstant();
		long span = month.atEndOfMonth().plusDays(1).atStartOfDay(PARIS).toInstant().getEpochSecond() - first.getEpochSecond();
		for (int i = 0; i < posts; i++) {
			UUID post = UUID.randomUUID();
			OffsetDateTime due = first.plusSeconds(span * i / posts).atOffset(ZoneOffset.UTC);
			postRows.add(new Object[] { post, workspace, owner, due, "Europe/Paris", now, now });
			targetRows.add(new Object[] { UUID.randomUUID(), post, workspace, accounts.get(i % accounts.size()).id(),
					"Post number " + i + " of the month: fresh bread, new recipes and a word about our bakers #bench", null,
					STATES[i % STATES.length], due, now, now });
		}
		jdbc.batchUpdate("insert into post (id, workspace_id, created_by, scheduled_at, scheduled_zone, created_at, updated_at)"
				+ " values (?, ?, ?, ?, ?, ?, ?)", postRows);
		jdbc.batchUpdate("insert into post_target (id, post_id, workspace_id, connection_id, body, link, state, due_at, attempts,"
				+ " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)", targetRows);
	}

	private static void signIn(HttpClient http, String base, String password) throws Exception {
		String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login);
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the sign-in page");
		}
		String form = "email=" + URLEncoder.encode("bench@example.com", StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("sign-in failed: " + signedIn.statusCode() + " " + signedIn.headers().map());
		}
	}

	private static String get(HttpClient http, String url) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "en-US").build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private static double timed(HttpClient http, String url) throws Exception {
		long start = System.nanoTime();
		get(http, url);
		return (System.nanoTime() - start) / 1e6;
	}

	private static void row(String name, double[] ms) {
		double[] sorted = ms.clone();
		Arrays.sort(sorted);
		System.out.printf("%-34s %8.1f %8.1f %8.1f%n", name, sorted[sorted.length / 2],
				sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.95) - 1)], sorted[sorted.length - 1]);
	}
}
