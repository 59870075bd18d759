package io.vitrine.networks.tiktok;

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
 * TikTok as a new user meets it, in a real browser against a separate Vitrine process: Login Kit on (a local)
 * tiktok.com, then a post TikTok cannot take (text alone, then a caption over 2,200 characters) and its message;
 * in English, then in French.
 */
class TikTokJourneyTest {

	private static final String EMAIL = "owner@example.com";

	private static final String PASSWORD = "correct horse battery";

	@Test
	void connects_a_tiktok_account_in_a_browser_and_explains_its_rules_in_english_and_french() throws Exception {
		Path data = Files.createTempDirectory("vitrine-tiktok");
		try (TikTokApiServer tiktok = new TikTokApiServer(Clock.systemUTC())) {
			Map<String, String> env = Map.ofEntries(Map.entry("VITRINE_DATA_DIR", data.toString()),
					Map.entry("VITRINE_OUTBOUND_ALLOW_PRIVATE", "true"), Map.entry("VITRINE_OWNER_EMAIL", EMAIL),
					Map.entry("VITRINE_OWNER_PASSWORD", PASSWORD), Map.entry("VITRINE_OWNER_WORKSPACE", "Boulangerie Lumière"),
					Map.entry("VITRINE_TIKTOK_CLIENT_KEY", TikTokApiServer.CLIENT_KEY),
					Map.entry("VITRINE_TIKTOK_CLIENT_SECRET", TikTokApiServer.CLIENT_SECRET),
					Map.entry("VITRINE_TIKTOK_AUTHORIZATION_URI", tiktok.authorizationUri()),
					Map.entry("VITRINE_TIKTOK_API_URL", tiktok.url()));
			try (VitrineProcess app = VitrineProcess.start("tiktok-journey", env)) {
				String base = "http://localhost:" + app.port();
				try (Browser browser = Browser.open("en-GB")) {
					Page page = browser.page();
					String workspace = signIn(page, base);
					connect(page, base, workspace, tiktok, browser, "Connect with TikTok", "tiktok-en");
					assertThat(page.locator("#notice")).containsText(TikTokApiServer.USERNAME + " is connected.");
					breakRules(page, base, workspace, browser, "tiktok-en");
				}
				try (Browser browser = Browser.open("fr-FR")) {
					Page page = browser.page();
					String workspace = signIn(page, base);
					connect(page, base, workspace, tiktok, browser, "Se connecter avec TikTok", "tiktok-fr");
					assertThat(page.locator("#notice")).containsText(TikTokApiServer.USERNAME + " est connecté.");
					breakRules(page, base, workspace, browser, "tiktok-fr");
				}
			}
			assertThat(tiktok.violations()).as("requests outside TikTok's documentation").isEmpty();
		}
	}

	private static void connect(Page page, String base, String workspace, TikTokApiServer tiktok, Browser browser,
			String connect, String shot) {
		page.navigate(base + "/w/" + workspace + "/connections");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(connect)).click();
		page.waitForURL(Pattern.compile(Pattern.quote(tiktok.authorizationUri()) + ".*"));
		browser.screenshot(shot + "-1-tiktok-authorization");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
		try {
			page.waitForURL(Pattern.compile(".*/w/" + workspace + "/connections"));
		}
		catch (RuntimeException e) {
			browser.screenshot(shot + "-1-failed");
			throw new AssertionError("stuck at " + page.url() + ", TikTok saw " + tiktok.violations(), e);
		}
		browser.screenshot(shot + "-2-connected");
	}

	private static void breakRules(Page page, String base, String workspace, Browser browser, String shot) {
		page.navigate(base + "/w/" + workspace + "/compose");
		page.locator("label").filter(new Locator.FilterOptions().setHasText(TikTokApiServer.USERNAME))
			.locator("input[name=accounts]").check();
		page.fill("#text", "Fournée du matin : pain au levain.");
		assertThat(page.locator("#checks .violation").filter(new Locator.FilterOptions().setHasText("TikTok post needs")))
			.hasText("A TikTok post needs a video or 1 to 35 photos; text alone cannot be posted.");
		browser.screenshot(shot + "-3-text-alone");
		page.fill("#text", "🥖".repeat(1100) + "!");
		assertThat(page.locator("#checks .counter")).hasText("2201 / 2200");
		assertThat(page.locator("#checks .violation").filter(new Locator.FilterOptions().setHasText("caption")))
			.hasText("TikTok counts 2201 characters in the caption; the limit is 2200.");
		browser.screenshot(shot + "-4-caption-too-long");
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
