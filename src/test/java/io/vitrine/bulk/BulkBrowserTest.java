package io.vitrine.bulk;

import biweekly.Biweekly;
import biweekly.ICalendar;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.testsupport.Browser;
import io.vitrine.testsupport.TestAccounts;
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

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk import and export in a real browser (Debian's chromium), as a new user would: a CSV file with one
 * bad row, its row error read on the preview, the valid rows imported with the progress bar, the posts on
 * the calendar, the CSV export downloaded, the .ics feed made and read by a calendar parser; then the same
 * in French. Screenshots land in target/test-artifacts/screenshots/bulk-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vitrine.engine.enabled=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class BulkBrowserTest implements OnH2 {

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
	void a_csv_with_one_bad_row_is_previewed_its_valid_rows_imported_shown_on_the_calendar_and_exported_in_english_and_french()
			throws Exception {
		People people = new People(context, mvc);
		People.Person owner = people.person("Olga Owner");
		WorkspaceSummary workspace = people.workspace(owner, "Bakery");
		ConnectionView mastodon = TestAccounts.mastodon(connections, workspace.id(), "@olga@bakery.example");
		String base = "http://localhost:" + port;
		// Six weeks ahead: in the future, and within the year ahead that the calendar feed shows.
		java.time.LocalDate first = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).plusWeeks(6);
		java.time.LocalDate second = first.plusDays(2);
		String importPage = base + "/w/" + workspace.id() + "/import";

		try (Browser browser = Browser.open("en-US")) {
			Page page = browser.page();
			page.onPageError(e -> System.out.println("browser error: " + e));
			signIn(page, base, owner);
			page.navigate(importPage);
			assertThat(page.locator("h1")).hasText("Import and export");
			page.setInputFiles("#file", new FilePayload("december.csv", "text/csv", ("text,accounts,scheduled_at,time_zone\n"
					+ "Croissants for the tenth,@olga@bakery.example," + first + " 09:00,Europe/Paris\n"
					+ "Too late for this one,@olga@bakery.example,2020-01-01 09:00,Europe/Paris\n"
					+ "\"Galette des rois, soon\",@olga@bakery.example," + second + " 11:00,Europe/Paris\n").getBytes(StandardCharsets.UTF_8)));
			browser.screenshot("bulk-1-upload");
			page.locator("main form[enctype] button[type=submit]").click();
			page.waitForURL(Pattern.compile(".*/import/[0-9a-f-]{36}$"));
			assertThat(page.locator("main > p").first()).containsText("december.csv: 3 rows, 2 valid, 1 with errors.");
			assertThat(page.locator("#row-errors li[data-row='3']"))
				.hasText("Row 3, column scheduled_at: must be in the future (rule future)");
			assertThat(page.locator("#import-all")).hasCount(0);
			assertThat(postsOf(workspace.id())).as("nothing imported before the choice").isZero();
			browser.screenshot("bulk-2-preview-with-row-error");

			page.locator("#import-valid").click();
			assertThat(page.locator("#import-done")).containsText("2 posts imported.");
			assertThat(page.locator("#import-bar")).hasAttribute("value", "2");
			assertThat(postsOf(workspace.id())).isEqualTo(2);
			browser.screenshot("bulk-3-imported");

			page.locator("#import-done a").click();
			page.waitForURL(Pattern.compile(".*/calendar$"));
			page.navigate(base + "/w/" + workspace.id() + "/calendar?date=" + first);
			for (UUID target : targetsOf(workspace.id())) {
				assertThat(page.locator("[data-target-id='" + target + "']")).isVisible();
			}
			assertThat(page.locator("td[data-date='" + second + "']")).containsText("Galette des rois, soon");
			browser.screenshot("bulk-4-on-the-calendar");

			page.navigate(importPage);
			Download download = page.waitForDownload(() -> page.locator("main form[method=get] button[type=submit]").click());
			String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
			assertThat(csv).startsWith("text,link,accounts,scheduled_at,time_zone")
				.contains("Croissants for the tenth,,mastodon:@olga@bakery.example," + first + "T09:00")
				.contains("\"Galette des rois, soon\"");
			browser.screenshot("bulk-5-export-form");

			page.navigate(base + "/w/" + workspace.id() + "/calendar/settings");
			page.locator("#feed-issue").click();
			String feedUrl = page.locator("#feed-url").inputValue();
			browser.screenshot("bulk-6-calendar-feed");
			// The feed is opened as a calendar application would: no session cookie, only the address.
			String ics = page.context().browser().newContext().request()
				.get(base + URI.create(feedUrl).getPath()).text();
			ICalendar calendar = Biweekly.parse(ics).first();
			assertThat(calendar.getEvents()).extracting(e -> e.getSummary().getValue())
				.containsExactlyInAnyOrder("Mastodon · Croissants for the tenth", "Mastodon · Galette des rois, soon");

			// The same journey in French.
			page.navigate(importPage + "?lang=fr");
			assertThat(page.locator("h1")).hasText("Import et export");
			page.setInputFiles("#file", new FilePayload("janvier.csv", "text/csv", ("text;accounts;scheduled_at\r\n"
					+ "Bonne année;@olga@bakery.example;" + first.plusDays(1) + " 10:00\r\n"
					+ "Trop tard;@olga@bakery.example;2020-01-01 10:00\r\n").getBytes(StandardCharsets.UTF_8)));
			page.locator("main form[enctype] button[type=submit]").click();
			page.waitForURL(Pattern.compile(".*/import/[0-9a-f-]{36}$"));
			assertThat(page.locator("#row-errors li[data-row='3']"))
				.hasText("Ligne 3, colonne scheduled_at\u00a0: doit être dans le futur (règle future)");
			browser.screenshot("bulk-7-apercu-avec-erreur");
			page.locator("#import-valid").click();
			assertThat(page.locator("#import-done")).containsText("1 publication importée.");
			assertThat(postsOf(workspace.id())).isEqualTo(3);
			browser.screenshot("bulk-8-importe");
		}
	}

	private int postsOf(UUID workspace) {
		return jdbc.sql("select count(*) from post where workspace_id = ?").param(workspace).query(Integer.class).single();
	}

	private List<UUID> targetsOf(UUID workspace) {
		return jdbc.sql("select id from post_target where workspace_id = ?").param(workspace).query(UUID.class).list();
	}

	private static void signIn(Page page, String base, People.Person person) {
		page.navigate(base + "/login");
		page.fill("#email", person.email());
		page.fill("#password", People.PASSWORD);
		page.locator("main button[type=submit]").click();
		page.waitForURL(Pattern.compile(".*/w/.*"));
	}
}
