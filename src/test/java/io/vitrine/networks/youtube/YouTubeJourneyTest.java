package io.vitrine.networks.youtube;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
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
 * YouTube as a new user meets it, in a real browser against a separate Vitrine process: Google sign-in on (a local)
 * accounts.google.com, the choice of the channel, then a post YouTube cannot take (no title, a description with
 * angle brackets) and its messages; in English, then in French.
 */
class YouTubeJourneyTest {

	private static final String EMAIL = "owner@example.com";

	private static final String PASSWORD = "correct horse battery";

	@Test
	void connects_a_youtube_channel_in_a_browser_and_explains_its_rules_in_english_and_french() throws Exception {
		Path data = Files.createTempDirectory("vitrine-youtube");
		try (YouTubeApiServer google = new YouTubeApiServer(Clock.systemUTC())) {
			Map<String, String> env = Map.ofEntries(Map.entry("VITRINE_DATA_DIR", data.toString()),
					Map.entry("VITRINE_OUTBOUND_ALLOW_PRIVATE", "true"), Map.entry("VITRINE_OWNER_EMAIL", EMAIL),
					Map.entry("VITRINE_OWNER_PASSWORD", PASSWORD), Map.entry("VITRINE_OWNER_WORKSPACE", "Boulangerie Lumière"),
					Map.entry("VITRINE_YOUTUBE_CLIENT_ID", YouTubeApiServer.CLIENT_ID),
					Map.entry("VITRINE_YOUTUBE_CLIENT_SECRET", YouTubeApiServer.CLIENT_SECRET),
					Map.entry("VITRINE_YOUTUBE_AUTHORIZATION_URI", google.url() + "/o/oauth2/v2/auth"),
					Map.entry("VITRINE_YOUTUBE_TOKEN_URI", google.url() + "/token"),
					Map.entry("VITRINE_YOUTUBE_API_URL", google.url()));
			try (VitrineProcess app = VitrineProcess.start("youtube-journey", env)) {
				String base = "http://localhost:" + app.port();
				try (Browser browser = Browser.open("en-GB")) {
					Page page = browser.page();
					String workspace = signIn(page, base);
					connect(page, base, workspace, google, browser, "Connect with YouTube", "Connect the chosen accounts", "youtube-en");
					assertThat(page.locator("#notice")).containsText("@boulangerielumiere is connected.");
					breakRules(page, base, workspace, browser, "youtube-en");
				}
				try (Browser browser = Browser.open("fr-FR")) {
					Page page = browser.page();
					String workspace = signIn(page, base);
					connect(page, base, workspace, google, browser, "Se connecter avec YouTube", "Connecter les comptes choisis",
							"youtube-fr");
					assertThat(page.locator("#notice")).containsText("@boulangerielumiere est connecté.");
					breakRules(page, base, workspace, browser, "youtube-fr");
				}
			}
			assertThat(google.violations()).as("requests outside Google's documentation").isEmpty();
		}
	}

	private static void connect(Page page, String base, String workspace, YouTubeApiServer google, Browser browser,
			String connect, String choose, String shot) {
		page.navigate(base + "/w/" + workspace + "/connections");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(connect)).click();
		page.waitForURL(Pattern.compile(Pattern.quote(google.url() + "/o/oauth2/v2/auth") + ".*"));
		browser.screenshot(shot + "-1-google-sign-in");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
		try {
			page.getByLabel(Pattern.compile("Boulangerie Lumière")).check();
		}
		catch (RuntimeException e) {
			browser.screenshot(shot + "-1-failed");
			throw new AssertionError("stuck at " + page.url() + ", Google saw " + google.violations(), e);
		}
		browser.screenshot(shot + "-2-choose-the-channel");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(choose)).click();
		page.waitForURL(Pattern.compile(".*/w/" + workspace + "/connections"));
		browser.screenshot(shot + "-3-connected");
	}

	private static void breakRules(Page page, String base, String workspace, Browser browser, String shot) {
		page.navigate(base + "/w/" + workspace + "/compose");
		page.locator("label").filter(new Locator.FilterOptions().setHasText("@boulangerielumiere"))
			.locator("input[name=accounts]").check();
		page.fill("#text", "Notre pain <b>au levain</b>");
		Locator violations = page.locator("#checks .violation");
		assertThat(violations.filter(new Locator.FilterOptions().setHasText("description")))
			.hasText("A YouTube description cannot contain < or >.");
		assertThat(violations.filter(new Locator.FilterOptions().setHasText("title"))).hasText("YouTube needs a title.");
		assertThat(page.locator("#checks .counter")).hasText("27 / 5000");
		browser.screenshot(shot + "-4-rules");
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
