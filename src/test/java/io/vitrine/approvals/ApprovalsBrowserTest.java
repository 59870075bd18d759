package io.vitrine.approvals;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.testsupport.Browser;
import io.vitrine.testsupport.TestAccounts;
import io.vitrine.testsupport.OnH2;
import io.vitrine.testsupport.People;
import io.vitrine.workspaces.Role;
import io.vitrine.workspaces.WorkspaceSummary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approval workflow in a real browser (Debian's chromium), in English and in French: the owner
 * sets up "editor, then client" (the second step added through htmx), a contributor drafts a post,
 * an editor sees it waiting, approves it and shares a review link, a client without an account
 * approves through that link, and the editor schedules the post. Screenshots land in
 * target/test-artifacts/screenshots/approvals-{lang}-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vitrine.engine.enabled=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ApprovalsBrowserTest implements OnH2 {

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

	@ParameterizedTest(name = "in {0}")
	@CsvSource({ "en, en-US, Waiting for approval, Approved, Thank you: your decision is recorded.",
			"fr, fr-FR, En attente de validation, Validée, Merci : votre décision est enregistrée." })
	void a_contributors_draft_is_approved_by_an_editor_then_by_a_client_through_a_review_link_and_scheduled(String lang,
			String locale, String pending, String approved, String thanks) {
		People people = new People(context, mvc);
		People.Person owner = people.person("Olga Owner");
		WorkspaceSummary workspace = people.workspace(owner, "Agency");
		People.Person eve = people.person("Eve Editor");
		people.join(workspace, eve, Role.EDITOR);
		People.Person cora = people.person("Cora Contributor");
		people.join(workspace, cora, Role.CONTRIBUTOR);
		ConnectionView account = TestAccounts.mastodon(connections, workspace.id(), "@brand@agency.example");
		String base = "http://localhost:" + port;
		String ws = base + "/w/" + workspace.id();
		String text = "Grand opening on Saturday (" + lang + ")";

		try (Browser browser = Browser.open(locale)) {
			Page page = browser.page();
			page.onPageError(e -> System.out.println("browser error: " + e));

			// The owner: step 1 "Editor" (Eve), then a second step added with htmx for the client.
			signIn(page, base, owner, lang);
			page.navigate(ws + "/approvals/settings");
			page.fill("#step-0-name", "Editor");
			page.locator("input[name='steps[0].people'][value='" + eve.id() + "']").check();
			page.locator("#add-step").click();
			assertThat(page.locator("#step-1-name")).isVisible();
			assertThat(page.locator("#step-0-name")).hasValue("Editor");
			page.fill("#step-1-name", "Client");
			page.locator("input[name='steps[1].externalReviewer']").check();
			browser.screenshot("approvals-" + lang + "-1-workflow");
			page.locator("#workflow-form button[type=submit]").click();
			assertThat(page.locator("#notice")).not().isEmpty();
			assertThat(page.locator("#step-1-name")).hasValue("Client");

			// The contributor drafts a post: it goes to the editor.
			signIn(page, base, cora, lang);
			page.navigate(ws + "/compose");
			page.locator("input[name=accounts][value='" + account.id() + "']").check();
			page.fill("#text", text);
			page.locator("input[name=publish][value=draft]").check();
			page.locator("#composer button[type=submit]").click();
			page.waitForURL(Pattern.compile(".*/posts$"));
			UUID postId = jdbc.sql("select post_id from post_target where body = ?").param(text).query(UUID.class).single();
			page.navigate(ws + "/approvals/posts/" + postId);
			assertThat(page.locator("#approval-status")).hasText(pending);
			assertThat(page.locator("#waiting-for")).containsText("Eve Editor");
			assertThat(page.locator("#decide")).hasCount(0);
			browser.screenshot("approvals-" + lang + "-2-submitted");

			// The editor: a badge says one post waits; she approves it and shares a review link.
			signIn(page, base, eve, lang);
			page.navigate(ws + "/posts");
			assertThat(page.locator(".workspace-nav .badge")).hasText("1");
			page.locator(".workspace-nav a[href$='/approvals']").click();
			page.locator("#waiting a[href$='" + postId + "']").click();
			page.fill("#decision-comment", "Nice, go ahead");
			browser.screenshot("approvals-" + lang + "-3-editor");
			page.locator("button[name=decision][value=approve]").click();
			assertThat(page.locator("#history li")).hasCount(1);
			assertThat(page.locator("#history")).containsText("Eve Editor");
			assertThat(page.locator("#approval-status")).hasText(pending);
			page.locator("#create-link").click();
			String shown = page.locator("#review-link").inputValue();
			assertThat(shown).contains("/review/vr_");
			// The link is built on VITRINE_BASE_URL, which a random test port cannot know in advance.
			String reviewUrl = base + shown.substring(shown.indexOf("/review/"));

			// The client, signed out: sees the post, types a name, approves.
			page.context().clearCookies();
			page.navigate(reviewUrl + "?lang=" + lang);
			assertThat(page.locator(".variant-text")).hasText(text);
			assertThat(page.locator(".variant")).containsText("@brand@agency.example");
			page.fill("#name", "Clara Client");
			page.fill("#comment", "Perfect");
			browser.screenshot("approvals-" + lang + "-4-client");
			// A full-suite run once found the notice empty after this click; the answer's status and the page
			// then shown say whether the decision was refused, lost or merely slow.
			Response decided = page.waitForResponse(r -> r.request().method().equals("POST") && r.url().contains("/review/"),
					() -> page.locator("button[name=decision][value=approve]").click());
			page.waitForLoadState();
			assertThat(decided.status()).as("the client's decision, answered with the page: %s", page.content()).isEqualTo(302);
			assertThat(page.locator("#notice")).hasText(thanks);
			assertThat(page.locator("#approval-status")).hasText(approved);
			browser.screenshot("approvals-" + lang + "-5-client-approved");

			// The editor schedules it: it is now a scheduled post.
			signIn(page, base, eve, lang);
			page.navigate(ws + "/approvals/posts/" + postId);
			assertThat(page.locator("#approval-status")).hasText(approved);
			assertThat(page.locator("#history li")).hasCount(2);
			assertThat(page.locator("#history")).containsText("Clara Client");
			browser.screenshot("approvals-" + lang + "-6-approved");
			page.navigate(ws + "/posts");
			page.locator("#post-" + postId + " form[action$='/publish-now'] button").click();
			assertThat(page.locator("#post-" + postId + " tr[data-state]")).hasAttribute("data-state", "scheduled");
			browser.screenshot("approvals-" + lang + "-7-scheduled");
		}
	}

	private static void signIn(Page page, String base, People.Person person, String lang) {
		page.context().clearCookies();
		page.navigate(base + "/login?lang=" + lang);
		page.fill("#email", person.email());
		page.fill("#password", People.PASSWORD);
		page.locator("main button[type=submit]").click();
		page.waitForURL(Pattern.compile(".*/w/.*"));
	}
}
