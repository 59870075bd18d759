package io.vitrine.networks.facebook;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.vitrine.testsupport.Browser;
import io.vitrine.testsupport.VitrineProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Facebook Pages as a new user meets them, in a real browser against a separate Vitrine process: the
 * Facebook Login dance on (a local) Facebook, the choice of the Page, a post over Facebook's limit and
 * its message, the fixed post published with its link; in French, the other Page.
 */
class FacebookJourneyTest {

	private static final String EMAIL = "owner@example.com";

	private static final String PASSWORD = "correct horse battery";

	@Test
	void connects_a_facebook_page_in_a_browser_explains_the_limit_and_publishes_in_english_and_french() throws Exception {
		Path data = Files.createTempDirectory("vitrine-facebook");
		try (GraphContractServer graph = new GraphContractServer(Clock.systemUTC())) {
			Map<String, String> env = Map.ofEntries(Map.entry("VITRINE_DATA_DIR", data.toString()),
					Map.entry("VITRINE_OUTBOUND_ALLOW_PRIVATE", "true"), Map.entry("VITRINE_ENGINE_POLL_INTERVAL", "500ms"),
					Map.entry("VITRINE_OWNER_EMAIL", EMAIL), Map.entry("VITRINE_OWNER_PASSWORD", PASSWORD),
					Map.entry("VITRINE_OWNER_WORKSPACE", "Boulangerie Martin"),
					Map.entry("VITRINE_FACEBOOK_APP_ID", GraphContractServer.APP_ID),
					Map.entry("VITRINE_FACEBOOK_APP_SECRET", GraphContractServer.APP_SECRET),
					Map.entry("VITRINE_FACEBOOK_AUTHORIZATION_URI", graph.authorizationUri()),
					Map.entry("VITRINE_FACEBOOK_GRAPH_URL", graph.url()));
			try (VitrineProcess app = VitrineProcess.start("facebook-journey", env)) {
				String base = "http://localhost:" + app.port();
				try (Browser browser = Browser.open("en-GB")) {
					Page page = browser.page();
					String workspace = signIn(page, base);
					connect(page, base, workspace, graph, browser, "Connect with Facebook", "facebook-en");
					assertThat(page.locator("h1")).hasText("Choose the Facebook accounts to connect");
					page.getByLabel(GraphContractServer.PAGE_NAME).check();
					page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect the chosen accounts")).click();
					page.waitForURL(Pattern.compile(".*/w/" + workspace + "/connections"));
					assertThat(page.locator("#notice")).containsText("Boulangerie Martin is connected.");
					publish(page, base, workspace, browser, GraphContractServer.PAGE_NAME, "facebook-en");
					assertThat(graph.posts()).singleElement()
						.satisfies(p -> assertThat(p.pageId()).isEqualTo(GraphContractServer.PAGE_ID));
				}
				try (Browser browser = Browser.open("fr-FR")) {
					Page page = browser.page();
					String workspace = signIn(page, base);
					connect(page, base, workspace, graph, browser, "Se connecter avec Facebook", "facebook-fr");
					assertThat(page.locator("h1")).hasText("Choisir les comptes Facebook à connecter");
					page.getByLabel(GraphContractServer.OTHER_PAGE_NAME).check();
					page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connecter les comptes choisis")).click();
					page.waitForURL(Pattern.compile(".*/w/" + workspace + "/connections"));
					assertThat(page.locator("#notice")).containsText("Martin Traiteur est connecté.");
					publish(page, base, workspace, browser, GraphContractServer.OTHER_PAGE_NAME, "facebook-fr");
					assertThat(graph.posts().getLast().pageId()).isEqualTo(GraphContractServer.OTHER_PAGE_ID);
				}
			}
			assertThat(graph.violations()).as("requests outside Meta's documentation").isEmpty();
		}
	}

	private static void connect(Page page, String base, String workspace, GraphContractServer graph, Browser browser,
			String connect, String shot) {
		page.navigate(base + "/w/" + workspace + "/connections");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(connect)).click();
		page.waitForURL(Pattern.compile(Pattern.quote(graph.authorizationUri()) + ".*"));
		browser.screenshot(shot + "-1-facebook-login");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
		try {
			page.waitForURL(Pattern.compile(".*/w/" + workspace + "/connections/facebook/choose/.*"));
		}
		catch (RuntimeException e) {
			browser.screenshot(shot + "-1-failed");
			throw new AssertionError("stuck at " + page.url() + ", Facebook saw " + graph.violations(), e);
		}
		browser.screenshot(shot + "-2-choose-the-page");
	}

	private static void publish(Page page, String base, String workspace, Browser browser, String account, String shot) {
		page.navigate(base + "/w/" + workspace + "/compose");
		page.locator("label").filter(new Locator.FilterOptions().setHasText(account)).locator("input[name=accounts]").check();
		page.fill("#text", "a".repeat(63_207));
		assertThat(page.locator("#checks .counter")).hasText("63207 / 63206");
		assertThat(page.locator("#checks .violation")).hasText("Facebook counts 63207 characters; the limit is 63206.");
		browser.screenshot(shot + "-3-over-the-limit");
		page.fill("#text", "Fournée du matin : pain au levain, baguettes, croissants.");
		assertThat(page.locator("#checks .violation")).hasCount(0);
		page.check("input[name=publish][value=now]");
		page.locator("#composer button[type=submit]").click();
		page.waitForURL(Pattern.compile(".*/w/" + workspace + "/posts"));
		assertThat(page.locator("[data-state]").first()).hasAttribute("data-state", "published",
				new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
		page.reload();
		assertThat(page.locator("main a[href*='https://www.facebook.com/']").first()).isVisible();
		browser.screenshot(shot + "-4-published");
	}

	private static String signIn(Page page, String base) {
		page.navigate(base + "/login");
		page.fill("#email", EMAIL);
		page.fill("#password", PASSWORD);
		page.locator("main button[type=submit]").click();
		page.waitForURL(Pattern.compile(".*/w/[0-9a-f-]+/.*"));
		return page.url().replaceAll(".*/w/([0-9a-f-]+)/.*", "$1");
	}
}
