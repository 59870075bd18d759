package io.vitrine.calendar;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.publishing.PostDraft;
import io.vitrine.publishing.internal.ComposePost;
import io.vitrine.testsupport.Browser;
import io.vitrine.testsupport.TestAccounts;
import io.vitrine.testsupport.OnH2;
import io.vitrine.testsupport.People;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Role;
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

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar in a real browser (Debian's chromium): a month with posts, a post dragged to another
 * day, a published post that refuses to move, the keyboard way to move one, a notable date's
 * "create a post", and the page in French with weeks starting on Monday. Screenshots land in
 * target/test-artifacts/screenshots/calendar-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vitrine.engine.enabled=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CalendarBrowserTest implements OnH2 {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	Connections connections;

	@Autowired
	ComposePost compose;

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_month_of_posts_where_one_is_dragged_one_refuses_to_move_one_moves_by_keyboard_and_the_page_speaks_french()
			throws Exception {
		People people = new People(context, mvc);
		People.Person owner = people.person("Olga Owner");
		WorkspaceSummary workspace = people.workspace(owner, "Bakery");
		ConnectionView mastodon = TestAccounts.mastodon(connections, workspace.id(), "@olga@bakery.example");
		Member member = new Member(owner.id(), workspace.id(), workspace.name(), Role.OWNER, PARIS);
		// December 2030: far enough ahead to stay in the future, and it has Christmas.
		UUID dragged = schedule(member, mastodon, "Croissants for the tenth", "2030-12-10T09:00");
		UUID published = schedule(member, mastodon, "Already out: galette recipe", "2030-12-12T11:00");
		jdbc.sql("update post_target set state = 'published', published_at = due_at where id = ?").param(published).update();
		UUID keyboard = schedule(member, mastodon, "Moved with the keyboard", "2030-12-13T15:00");
		String base = "http://localhost:" + port;
		String calendar = base + "/w/" + workspace.id() + "/calendar";

		try (Browser browser = Browser.open("en-US")) {
			Page page = browser.page();
			page.onPageError(e -> System.out.println("browser error: " + e));
			page.setViewportSize(1280, 1800); // the whole month in view: the mouse drags within the viewport
			signIn(page, base, owner);
			page.navigate(calendar + "?date=2030-12-01");
			Locator event = page.locator("[data-target-id='" + dragged + "']");
			assertThat(event).isVisible();
			assertThat(page.locator(".fc-toolbar-title")).hasText("December 2030");
			assertThat(page.locator(".fc-col-header-cell").first()).containsText("Sun");
			assertThat(event).hasAttribute("aria-label", Pattern.compile("09:00 Europe/Paris · Mastodon @olga@bakery.example · "
					+ "Scheduled · Croissants for the tenth.*"));
			assertThat(page.locator("td[data-date='2030-12-12'] [data-target-id='" + published + "']")).isVisible();
			browser.screenshot("calendar-1-month");

			drag(page, event, page.locator("td[data-date='2030-12-17']"));
			assertThat(page.locator("#notice")).containsText("Moved to 2030-12-17 09:00 Europe/Paris");
			assertThat(page.locator("td[data-date='2030-12-17'] [data-target-id='" + dragged + "']")).isVisible();
			assertThat(dueAt(dragged)).isEqualTo(LocalDateTime.parse("2030-12-17T09:00").atZone(PARIS).toInstant());
			browser.screenshot("calendar-2-dragged");

			drag(page, page.locator("[data-target-id='" + published + "']"), page.locator("td[data-date='2030-12-19']"));
			assertThat(page.locator("#notice")).containsText("A published post cannot move");
			assertThat(page.locator("td[data-date='2030-12-12'] [data-target-id='" + published + "']")).isVisible();
			assertThat(dueAt(published)).isEqualTo(LocalDateTime.parse("2030-12-12T11:00").atZone(PARIS).toInstant());
			browser.screenshot("calendar-3-refused");

			// The keyboard way: the event is a link; Enter opens its form, Enter in the form submits it.
			page.locator("[data-target-id='" + keyboard + "']").focus();
			page.keyboard().press("Enter");
			page.waitForURL(Pattern.compile(".*/calendar/targets/" + keyboard));
			assertThat(page.locator("#scheduledAt")).hasValue("2030-12-13T15:00");
			page.locator("#scheduledAt").fill("2030-12-20T16:30");
			browser.screenshot("calendar-4-keyboard-form");
			page.locator("#scheduledAt").press("Enter");
			page.waitForURL(Pattern.compile(".*/calendar\\?date=2030-12-20"));
			assertThat(page.locator("#notice")).containsText("moved to 2030-12-20 16:30 Europe/Paris");
			assertThat(page.locator("td[data-date='2030-12-20'] [data-target-id='" + keyboard + "']")).isVisible();
			assertThat(dueAt(keyboard)).isEqualTo(LocalDateTime.parse("2030-12-20T16:30").atZone(PARIS).toInstant());
			browser.screenshot("calendar-5-keyboard-moved");

			Locator christmas = page.locator("td[data-date='2030-12-25'] a.notable").first();
			assertThat(christmas).hasAttribute("aria-label", Pattern.compile("Create a post for Christmas Day \\(FR, 2030-12-25\\)"));
			christmas.click();
			page.waitForURL(Pattern.compile(".*/compose\\?date=2030-12-25"));
			assertThat(page.locator("input[name=scheduledAt]")).hasValue("2030-12-25T09:00");
			browser.screenshot("calendar-6-compose-on-christmas");

			page.navigate(calendar + "?date=2030-12-01&lang=fr");
			assertThat(page.locator(".fc-toolbar-title")).hasText(Pattern.compile("décembre 2030", Pattern.CASE_INSENSITIVE));
			assertThat(page.locator(".fc-col-header-cell").first()).containsText("lun.");
			assertThat(page.locator("td[data-date='2030-12-25'] a.notable").first()).containsText("Noël");
			page.locator(".fc-listMonth-button").click();
			assertThat(page.locator(".fc-list-day-text").first()).containsText("décembre");
			browser.screenshot("calendar-7-french-list");
		}
	}

	private UUID schedule(Member member, ConnectionView account, String text, String wallClock) {
		return compose.create(member, new PostDraft(List.of(new PostDraft.TargetDraft(account.id(), text, null, List.of())),
				new PostDraft.At(LocalDateTime.parse(wallClock).atZone(PARIS).toInstant(), PARIS))).targets().getFirst().id();
	}

	private Instant dueAt(UUID targetId) {
		return jdbc.sql("select due_at from post_target where id = ?").param(targetId).query(OffsetDateTime.class).single().toInstant();
	}

	private static void signIn(Page page, String base, People.Person person) {
		page.navigate(base + "/login");
		page.fill("#email", person.email());
		page.fill("#password", People.PASSWORD);
		page.locator("main button[type=submit]").click();
		page.waitForURL(Pattern.compile(".*/w/.*"));
	}

	/** FullCalendar follows pointer moves, so the drag moves the mouse in steps as a hand would. */
	private static void drag(Page page, Locator from, Locator to) {
		BoundingBox a = from.boundingBox();
		BoundingBox b = to.boundingBox();
		page.mouse().move(a.x + a.width / 2, a.y + a.height / 2);
		page.mouse().down();
		page.mouse().move(a.x + a.width / 2 + 5, a.y + a.height / 2 + 5, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(3));
		page.mouse().move(b.x + b.width / 2, b.y + b.height / 2, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(15));
		page.mouse().up();
	}
}
