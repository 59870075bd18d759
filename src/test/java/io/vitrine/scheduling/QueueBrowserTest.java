package io.vitrine.scheduling;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NewConnection;
import io.vitrine.testsupport.TestAccounts;
import io.vitrine.testsupport.Browser;
import io.vitrine.testsupport.OnH2;
import io.vitrine.testsupport.People;
import io.vitrine.workspaces.WorkspaceSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue in a real browser (Debian's chromium): slots set on the queue page for three accounts
 * in three zones, four posts added to the queue from the composer (two weeks of Tuesdays and
 * Thursdays), one moved earlier, all of them seen on the calendar, in English and in French.
 * Screenshots land in target/test-artifacts/screenshots/queue-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vitrine.engine.enabled=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class QueueBrowserTest implements OnH2 {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	Connections connections;

	@Autowired
	JdbcClient jdbc;

	@Test
	void slots_for_three_accounts_then_two_weeks_of_queued_posts_seen_on_the_calendar_in_english_and_french() throws Exception {
		People people = new People(context, mvc);
		People.Person owner = people.person("Quinn Queue");
		WorkspaceSummary workspace = people.workspace(owner, "Bakery");
		ConnectionView paris = connect(workspace, "mastodon", "@paris@bakery.example", null);
		ConnectionView toronto = connect(workspace, "bluesky", "toronto.bsky.social", ZoneId.of("America/Toronto"));
		ConnectionView london = connect(workspace, "mastodon", "@london@bakery.example", ZoneId.of("Europe/London"));
		List<ConnectionView> accounts = List.of(paris, toronto, london);
		String base = "http://localhost:" + port;
		String queue = base + "/w/" + workspace.id() + "/queue";

		try (Browser browser = Browser.open("en-US")) {
			Page page = browser.page();
			page.onPageError(e -> System.out.println("browser error: " + e));
			page.setViewportSize(1280, 1800);
			signIn(page, base, owner);
			page.navigate(queue);
			assertThat(page.locator("h1")).hasText("Queue");
			browser.screenshot("queue-1-empty");
			for (ConnectionView account : accounts) {
				Locator section = page.locator("#account-" + account.id());
				section.locator("input[name=times-TUESDAY]").fill("10:00");
				section.locator("input[name=times-THURSDAY]").fill("10:00, 16:30");
				section.locator("input[name=dailyCap]").fill("1");
				section.locator("button", new Locator.LocatorOptions().setHasText("Save the slots")).click();
				assertThat(page.locator("#account-" + account.id() + " summary")).hasText("Posting slots (3)");
				assertThat(page.locator("#account-" + account.id() + " [role=status]")).hasText("Posting slots saved.");
			}
			browser.screenshot("queue-2-slots-saved");

			for (String text : List.of("Sourdough week one", "Croissant day", "Sourdough week two", "Baguette masterclass")) {
				page.navigate(base + "/w/" + workspace.id() + "/compose");
				for (ConnectionView account : accounts) {
					page.locator("input[name=accounts][value='" + account.id() + "']").check();
				}
				page.locator("#text").fill(text);
				if (text.equals("Baguette masterclass")) {
					page.locator("input[name=evergreen]").check();
					browser.screenshot("queue-3-composer-add-to-queue");
				}
				page.locator("button", new Page.LocatorOptions().setHasText("Add to queue")).click();
				page.waitForURL(Pattern.compile(".*/queue$"));
				assertThat(page.locator("#notice")).containsText("Added to the queue on 3 accounts.");
			}
			for (ConnectionView account : accounts) {
				Locator items = page.locator("#account-" + account.id() + " ol.queued li");
				assertThat(items).hasCount(4);
				assertThat(items.first()).containsText("Sourdough week one");
			}
			Locator torontoItems = page.locator("#account-" + toronto.id() + " ol.queued li");
			assertThat(torontoItems.nth(3)).containsText("evergreen");
			browser.screenshot("queue-4-queued");

			// Croissant day moves one slot earlier on Toronto's queue: it swaps with the first post.
			torontoItems.nth(1).locator("button", new Locator.LocatorOptions().setHasText("Earlier")).click();
			assertThat(page.locator("#account-" + toronto.id() + " [role=status]")).containsText("swapped");
			assertThat(page.locator("#account-" + toronto.id() + " ol.queued li").first()).containsText("Croissant day");
			browser.screenshot("queue-5-moved-earlier");

			Map<LocalDate, List<UUID>> byDay = queuedByLocalDay(accounts, workspace);
			assertThat(byDay.values().stream().mapToInt(List::size).sum()).isEqualTo(12);
			LocalDate first = byDay.keySet().iterator().next();
			LocalDate last = ((TreeMap<LocalDate, List<UUID>>) byDay).lastKey();
			assertThat(first.getDayOfWeek()).isIn(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);
			assertThat(last).isBefore(first.plusDays(15)); // two weeks of Tuesdays and Thursdays, one post a day (the cap)
			for (Map.Entry<LocalDate, List<UUID>> day : byDay.entrySet()) {
				page.navigate(base + "/w/" + workspace.id() + "/calendar?date=" + day.getKey());
				for (UUID target : day.getValue()) {
					assertThat(page.locator("td[data-date='" + day.getKey() + "'] [data-target-id='" + target + "']")).isVisible();
				}
			}
			page.navigate(base + "/w/" + workspace.id() + "/calendar?date=" + first);
			assertThat(page.locator("[data-target-id]").first()).isVisible();
			browser.screenshot("queue-6-calendar-en");

			page.navigate(queue + "?lang=fr");
			assertThat(page.locator("h1")).hasText("File d’attente");
			assertThat(page.locator("#account-" + paris.id() + " h3")).hasText("Publications en file (4)");
			assertThat(page.locator("#account-" + paris.id() + " ol.queued li").first()).containsText(Pattern.compile("\\d{1,2} [a-zéû]+\\.? 20\\d\\d 10:00"));
			browser.screenshot("queue-7-french");
			page.navigate(base + "/w/" + workspace.id() + "/calendar?date=" + first + "&lang=fr");
			assertThat(page.locator(".fc-col-header-cell").first()).containsText("lun.");
			for (UUID target : byDay.get(first)) {
				assertThat(page.locator("td[data-date='" + first + "'] [data-target-id='" + target + "']")).isVisible();
			}
			browser.screenshot("queue-8-calendar-fr");
		}
	}

	private ConnectionView connect(WorkspaceSummary workspace, String network, String handle, ZoneId zone) {
		ConnectionView account = connections.connect(workspace.id(), new NewConnection(new NetworkId(network), "https://" + network + ".example",
				handle, handle, handle, network.equals("bluesky") ? TestAccounts.BLUESKY : TestAccounts.MASTODON, new Credentials(Map.of("accessToken", "token"))));
		return zone == null ? account : connections.setTimeZone(workspace.id(), account.id(), zone);
	}

	/** The queued targets by the day they fall on in their own account's zone, as the calendar shows them. */
	private Map<LocalDate, List<UUID>> queuedByLocalDay(List<ConnectionView> accounts, WorkspaceSummary workspace) {
		Map<LocalDate, List<UUID>> byDay = new TreeMap<>();
		for (ConnectionView account : accounts) {
			ZoneId zone = account.zoneOr(ZoneId.of("Europe/Paris"));
			jdbc.sql("select id, due_at from post_target where connection_id = ? and state = 'scheduled'").param(account.id())
				.query((rs, row) -> Map.entry(rs.getObject("id", UUID.class), rs.getObject("due_at", OffsetDateTime.class)))
				.list()
				.forEach(e -> byDay.computeIfAbsent(LocalDateTime.ofInstant(e.getValue().toInstant(), zone).toLocalDate(),
						d -> new java.util.ArrayList<>()).add(e.getKey()));
		}
		return byDay;
	}

	private static void signIn(Page page, String base, People.Person person) {
		page.navigate(base + "/login");
		page.fill("#email", person.email());
		page.fill("#password", People.PASSWORD);
		page.locator("main button[type=submit]").click();
		page.waitForURL(Pattern.compile(".*/w/.*"));
	}
}
