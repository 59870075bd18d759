package io.vitrine.acceptance;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.testsupport.Browser;
import io.vitrine.testsupport.OnH2;
import io.vitrine.testsupport.People;
import io.vitrine.testsupport.TestAccounts;
import io.vitrine.workspaces.WorkspaceSummary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's acceptance, walked in a real browser as a new agency would, once in English and once in French:
 * every post of the workspace needs the client's approval; three accounts get posting slots; two weeks of posts
 * go through "Add to queue" and wait on their slots; the client approves each through a review link, without an
 * account; 500 posts come in from a CSV file; the calendar is exported as an iCalendar feed and read back with
 * a second, independent parser. Every text checked on the pages is the bundle's own for the language.
 * Screenshots land in target/test-artifacts/screenshots/desk-{lang}-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vitrine.engine.enabled=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DeskAcceptanceTest implements OnH2 {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final List<DayOfWeek> SLOT_DAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);

	private static final LocalTime SLOT_TIME = LocalTime.of(9, 30);

	private static final int QUEUED_POSTS = 6;

	private static final int IMPORTED_POSTS = 500;

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

	@Autowired
	MessageSource messages;

	@ParameterizedTest(name = "in {0}")
	@CsvSource({ "en, en-US", "fr, fr-FR" })
	void an_agency_plans_two_weeks_through_the_queue_gets_them_approved_by_its_client_imports_500_posts_and_exports_the_calendar(
			String lang, String browserLocale) throws Exception {
		Locale locale = Locale.forLanguageTag(lang);
		People people = new People(context, mvc);
		People.Person owner = people.person("Agnes Agency " + lang);
		WorkspaceSummary workspace = people.workspace(owner, "Bakery " + lang);
		List<ConnectionView> accounts = List.of(
				TestAccounts.mastodon(connections, workspace.id(), "@paris" + lang + "@bakery.example"),
				TestAccounts.mastodon(connections, workspace.id(), "@lyon" + lang + "@bakery.example"),
				TestAccounts.bluesky(connections, workspace.id(), "bakery" + lang + ".bsky.social"));
		String base = "http://localhost:" + port;
		String ws = base + "/w/" + workspace.id();

		try (Browser browser = Browser.open(browserLocale)) {
			Page page = browser.page();
			page.onPageError(e -> System.out.println("browser error: " + e));
			page.setViewportSize(1280, 1600);
			signIn(page, base, owner, lang);

			// 1. Every post of the workspace waits for the client, who decides through a review link.
			page.navigate(ws + "/approvals/settings");
			page.locator("input[name=appliesTo][value=everyone]").check();
			page.fill("#step-0-name", "Client");
			page.locator("input[name='steps[0].externalReviewer']").check();
			page.locator("#workflow-form button[type=submit]").click();
			assertThat(page.locator("#notice")).hasText(text("approvals.settings.saved", locale));
			browser.screenshot("desk-" + lang + "-1-workflow");

			// 1b. A content category for the bread of the week.
			String category = lang.equals("fr") ? "Pain de la semaine" : "Bread of the week";
			page.navigate(ws + "/settings");
			page.locator("#categories-link").click();
			page.fill("#name", category);
			page.locator("#category-form button[type=submit]").click();
			assertThat(page.locator("#notice")).hasText(text("categories.created", locale, category));
			assertThat(page.locator("#categories .category-name")).hasText(category);
			browser.screenshot("desk-" + lang + "-1b-category");
			page.navigate(ws + "/settings");
			page.locator("#snippets-link").click();
			page.fill("#hashtags-name", "Bakery");
			page.fill("#hashtags-body", "#bread #sourdough");
			page.locator("#hashtags-form button[type=submit]").click();
			assertThat(page.locator("#hashtags-section .snippet-body")).hasText("#bread #sourdough");

			// 2. Posting slots: Monday, Wednesday and Friday at 09:30 on each account.
			page.navigate(ws + "/queue");
			for (ConnectionView account : accounts) {
				Locator section = page.locator("#account-" + account.id());
				for (DayOfWeek day : SLOT_DAYS) {
					section.locator("input[name=times-" + day + "]").fill("09:30");
				}
				section.locator("form.slots-form button[type=submit]").click();
				assertThat(page.locator("#account-" + account.id() + " [role=status]")).hasText(text("queue.slots.saved", locale));
			}
			browser.screenshot("desk-" + lang + "-2-slots");

			// 2b. The composer's live check names the broken rule in the page's language.
			page.navigate(ws + "/compose");
			page.locator("input[name=accounts][value='" + accounts.getFirst().id() + "']").check();
			page.locator("#text").fill("p".repeat(501));
			assertThat(page.locator("#checks .violation")).containsText(lang.equals("fr")
					? "Mastodon compte 501 caractères (chaque lien pour 23) ; cette instance en accepte 500."
					: "Mastodon counts 501 characters (each link as 23); this instance allows 500.");
			// A link shows the card networks will show (here Vitrine's own sign-in page, whose title is all it says).
			page.fill("#link", base + "/login?lang=" + lang);
			assertThat(page.locator("#link-preview .link-preview-title")).hasText(text("login.title", locale) + " · Vitrine");
			// A hashtag group in one click: after the text, the rest of the form kept.
			page.fill("#text", "Fresh bread");
			page.locator("#hashtag-groups button", new Page.LocatorOptions().setHasText("Bakery")).click();
			assertThat(page.locator("#text")).hasValue("Fresh bread\n\n#bread #sourdough");
			assertThat(page.locator("#link")).hasValue(base + "/login?lang=" + lang);
			browser.screenshot("desk-" + lang + "-2b-rule-message");

			// 3. Two weeks of posts through "Add to queue", each on the three accounts.
			for (int n = 1; n <= QUEUED_POSTS; n++) {
				page.navigate(ws + "/compose");
				for (ConnectionView account : accounts) {
					page.locator("input[name=accounts][value='" + account.id() + "']").check();
				}
				page.locator("#text").fill(planned(lang, n));
				page.locator("#categoryId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(category));
				page.fill("#campaign", "Advent 2026");
				page.locator("button[formaction$='/queue/add']").click();
				page.waitForURL(Pattern.compile(".*/queue$"));
				assertThat(page.locator("#notice")).containsText(text("queue.added", locale, 3));
			}
			for (ConnectionView account : accounts) {
				assertThat(page.locator("#account-" + account.id() + " ol.queued li .awaiting-approval"))
					.hasText(java.util.Collections.nCopies(QUEUED_POSTS, text("queue.awaitingApproval", locale)).toArray(String[]::new));
			}
			browser.screenshot("desk-" + lang + "-3-queued");
			assertThat(jdbc.sql("select count(*) from post p join content_category c on c.id = p.category_id"
					+ " where p.workspace_id = ? and c.name = ? and p.campaign = 'Advent 2026'").params(workspace.id(), category)
				.query(Integer.class).single()).as("each queued post keeps its category and campaign").isEqualTo(QUEUED_POSTS);
			List<Queued> queued = queued(workspace.id());
			assertThat(queued).hasSize(QUEUED_POSTS * accounts.size()).allMatch(Queued::held);
			for (ConnectionView account : accounts) {
				List<ZonedDateTime> slots = queued.stream().filter(q -> q.account().equals(account.id()))
					.map(q -> q.due().atZoneSameInstant(PARIS)).sorted().toList();
				assertThat(slots).hasSize(QUEUED_POSTS).allMatch(t -> SLOT_DAYS.contains(t.getDayOfWeek())
						&& t.toLocalTime().equals(SLOT_TIME));
				assertThat(slots.stream().map(ZonedDateTime::toLocalDate).distinct()).hasSize(QUEUED_POSTS);
				assertThat(Duration.between(slots.getFirst(), slots.getLast())).as("two weeks of slots").isLessThan(Duration.ofDays(14));
			}

			// 4. The client approves each post through its review link, signed out, in a browser of its own.
			List<UUID> posts = queued.stream().map(Queued::post).distinct().toList();
			try (BrowserContext clientBrowser = page.context().browser().newContext(
					new com.microsoft.playwright.Browser.NewContextOptions().setLocale(browserLocale))) {
				Page client = clientBrowser.newPage();
				for (UUID post : posts) {
					page.navigate(ws + "/approvals/posts/" + post);
					page.locator("#create-link").click();
					String shown = page.locator("#review-link").inputValue();
					// The link is built on VITRINE_BASE_URL, which a random test port cannot know in advance.
					client.navigate(base + shown.substring(shown.indexOf("/review/")) + "?lang=" + lang);
					assertThat(client.locator(".variant")).hasCount(accounts.size());
					client.fill("#name", "Clara Client");
					client.locator("button[name=decision][value=approve]").click();
					assertThat(client.locator("#notice")).hasText(text("review.thanks", locale));
					assertThat(client.locator("#approval-status")).hasText(text("approvals.status.approved", locale));
				}
				browser.screenshot("desk-" + lang + "-4-client-approved");
			}
			assertThat(queued(workspace.id())).hasSize(QUEUED_POSTS * accounts.size())
				.as("approved: each waits on its slot, no longer held").noneMatch(Queued::held);
			page.navigate(ws + "/queue");
			for (ConnectionView account : accounts) {
				assertThat(page.locator("#account-" + account.id() + " ol.queued li")).hasCount(QUEUED_POSTS);
				assertThat(page.locator("#account-" + account.id() + " ol.queued li .awaiting-approval")).hasCount(0);
			}
			browser.screenshot("desk-" + lang + "-5-queue-approved");

			// 4b. The calendar shows the category's colour and filters by it.
			page.navigate(ws + "/calendar?date=" + queued.getFirst().due().atZoneSameInstant(PARIS).toLocalDate());
			page.locator("select[name=category]").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(category));
			assertThat(page.locator("[data-target-id][data-category]").first()).isVisible();
			assertThat(page.locator("[data-target-id]:not([data-category])")).hasCount(0);
			browser.screenshot("desk-" + lang + "-5b-calendar-category");

			// 5. 500 posts from a CSV file, previewed, then imported with a progress bar.
			page.navigate(ws + "/import");
			page.setInputFiles("#file", new FilePayload("plan-" + lang + ".csv", "text/csv", csv(lang, accounts)));
			page.locator("main form[enctype] button[type=submit]").click();
			page.waitForURL(Pattern.compile(".*/import/[0-9a-f-]{36}$"));
			assertThat(page.locator("main > p").first()).containsText(
					text("bulk.preview.summary", locale, "plan-" + lang + ".csv", IMPORTED_POSTS, IMPORTED_POSTS, 0));
			browser.screenshot("desk-" + lang + "-6-import-preview");
			page.locator("#import-all").click();
			assertThat(page.locator("#import-done")).containsText(text("bulk.preview.done", locale, IMPORTED_POSTS),
					new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(120_000));
			assertThat(page.locator("#import-bar")).hasAttribute("value", Integer.toString(IMPORTED_POSTS));
			browser.screenshot("desk-" + lang + "-7-imported");
			assertThat(jdbc.sql("select count(*) from post where workspace_id = ?").param(workspace.id()).query(Integer.class).single())
				.isEqualTo(QUEUED_POSTS + IMPORTED_POSTS);

			// 6. The calendar as an iCalendar feed, opened as a calendar application would: the address alone.
			page.navigate(ws + "/calendar/settings");
			page.locator("#feed-issue").click();
			String feedUrl = page.locator("#feed-url").inputValue();
			browser.screenshot("desk-" + lang + "-8-feed");
			String ics;
			try (BrowserContext calendarApp = page.context().browser().newContext()) {
				ics = calendarApp.request().get(base + URI.create(feedUrl).getPath()).text();
			}
			ICalendar calendar = Biweekly.parse(ics).first();
			List<VEvent> events = calendar.getEvents();
			assertThat(events).hasSize(QUEUED_POSTS * accounts.size() + IMPORTED_POSTS);
			assertThat(events).extracting(e -> e.getSummary().getValue())
				.contains("Mastodon · " + planned(lang, 1), "Bluesky · " + planned(lang, QUEUED_POSTS), "Mastodon · " + imported(lang, 0),
						"Bluesky · " + imported(lang, 2), "Mastodon · " + imported(lang, IMPORTED_POSTS - 1));
			assertThat(events).extracting(e -> e.getDateStart().getValue().toInstant())
				.contains(queued.getFirst().due().toInstant());
		}
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	private static String planned(String lang, int n) {
		return (lang.equals("fr") ? "Le pain de la semaine n°" : "Bread of the week #") + n;
	}

	private static String imported(String lang, int row) {
		return (lang.equals("fr") ? "Astuce du boulanger n°" : "Baker's tip #") + row;
	}

	/** Ten posts a day from three weeks ahead (after the queued fortnight), 08:00 to 17:00, the accounts in turn. */
	private static byte[] csv(String lang, List<ConnectionView> accounts) {
		StringBuilder csv = new StringBuilder("text,accounts,scheduled_at,time_zone\n");
		LocalDate first = LocalDate.now(PARIS).plusWeeks(3);
		for (int row = 0; row < IMPORTED_POSTS; row++) {
			csv.append(imported(lang, row)).append(',').append(accounts.get(row % accounts.size()).handle()).append(',')
				.append(first.plusDays(row / 10)).append(' ').append(LocalTime.of(8 + row % 10, 0)).append(",Europe/Paris\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private record Queued(UUID post, UUID account, OffsetDateTime due, boolean held) {
	}

	private List<Queued> queued(UUID workspace) {
		return jdbc.sql("select post_id, connection_id, due_at, awaiting_approval from post_target"
				+ " where workspace_id = ? and state = 'scheduled' order by due_at, id")
			.param(workspace)
			.query((rs, row) -> new Queued(rs.getObject("post_id", UUID.class), rs.getObject("connection_id", UUID.class),
					rs.getObject("due_at", OffsetDateTime.class), rs.getBoolean("awaiting_approval")))
			.list();
	}

	private static void signIn(Page page, String base, People.Person person, String lang) {
		page.navigate(base + "/login?lang=" + lang);
		page.fill("#email", person.email());
		page.fill("#password", People.PASSWORD);
		page.locator("main button[type=submit]").click();
		page.waitForURL(Pattern.compile(".*/w/.*"));
	}
}
