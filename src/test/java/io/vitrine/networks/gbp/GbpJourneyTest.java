package io.vitrine.networks.gbp;

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
 * Google Business Profile as a new user meets it, in a real browser against a separate Vitrine process configured
 * with a Google OAuth client: the OAuth dance (PKCE, offline access) completes on (a local) Google, the person
 * chooses the location, writes an update over Google's 1,500 characters and reads why, fixes it and sees it
 * published with its link; then the same in French on the other location.
 */
class GbpJourneyTest {

	private static final String EMAIL = "owner@example.com";

	private static final String PASSWORD = "correct horse battery";

	private static final String FIXED = "Galette des rois tous les jours de janvier, à commander la veille.";

	@Test
	void connects_a_location_in_a_browser_explains_the_limit_and_publishes_an_update_in_english_and_french() throws Exception {
		Path data = Files.createTempDirectory("vitrine-gbp");
		try (GoogleContractServer google = new GoogleContractServer(Clock.systemUTC())) {
			Map<String, String> env = Map.ofEntries(Map.entry("VITRINE_DATA_DIR", data.toString()),
					Map.entry("VITRINE_OUTBOUND_ALLOW_PRIVATE", "true"), Map.entry("VITRINE_ENGINE_POLL_INTERVAL", "500ms"),
					Map.entry("VITRINE_OWNER_EMAIL", EMAIL), Map.entry("VITRINE_OWNER_PASSWORD", PASSWORD),
					Map.entry("VITRINE_OWNER_WORKSPACE", "Boulangerie Martin"),
					Map.entry("VITRINE_GBP_CLIENT_ID", GoogleContractServer.CLIENT_ID),
					Map.entry("VITRINE_GBP_CLIENT_SECRET", GoogleContractServer.CLIENT_SECRET),
					Map.entry("VITRINE_GBP_AUTHORIZATION_URI", google.authorizationUri()),
					Map.entry("VITRINE_GBP_TOKEN_URI", google.tokenUri()), Map.entry("VITRINE_GBP_ACCOUNTS_URL", google.url()),
					Map.entry("VITRINE_GBP_LOCATIONS_URL", google.url()), Map.entry("VITRINE_GBP_POSTS_URL", google.url()));
			try (VitrineProcess app = VitrineProcess.start("gbp-journey", env)) {
				String base = "http://localhost:" + app.port();
				try (Browser browser = Browser.open("en-GB")) {
					Page page = browser.page();
					String workspace = signIn(page, base);
					connect(page, base, workspace, google, browser, "Connect with Google Business Profile", "gbp-en");
					assertThat(page.locator("h1")).hasText("Choose the Google Business Profile accounts to connect");
					page.locator("input[value='" + GoogleContractServer.LOCATION + "']").check();
					browser.screenshot("gbp-en-2-choose-the-location");
					page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect the chosen accounts")).click();
					page.waitForURL(Pattern.compile(".*/w/" + workspace + "/connections"));
					assertThat(page.locator("#notice")).containsText(GoogleContractServer.LOCATION_TITLE + " is connected.");

					publish(page, base, workspace, browser, "gbp-en", GoogleContractServer.LOCATION_TITLE);
					assertThat(google.posts()).singleElement().satisfies(post -> {
						assertThat(post.location()).isEqualTo(GoogleContractServer.LOCATION);
						assertThat(post.body().path("summary").asString()).isEqualTo(FIXED);
					});
				}
				try (Browser browser = Browser.open("fr-FR")) {
					Page page = browser.page();
					String workspace = signIn(page, base);
					connect(page, base, workspace, google, browser, "Se connecter avec Google Business Profile", "gbp-fr");
					assertThat(page.locator("h1")).hasText("Choisir les comptes Google Business Profile à connecter");
					page.getByLabel(GoogleContractServer.OTHER_LOCATION_TITLE).check();
					page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connecter les comptes choisis")).click();
					page.waitForURL(Pattern.compile(".*/w/" + workspace + "/connections"));
					assertThat(page.locator("#notice")).containsText(GoogleContractServer.OTHER_LOCATION_TITLE + " est connecté.");

					publish(page, base, workspace, browser, "gbp-fr", GoogleContractServer.OTHER_LOCATION_TITLE);
					assertThat(google.posts()).hasSize(2);
					assertThat(google.posts().getLast().location()).isEqualTo(GoogleContractServer.OTHER_LOCATION);
				}
			}
			assertThat(google.violations()).as("requests outside Google's reference").isEmpty();
		}
	}

	private static void connect(Page page, String base, String workspace, GoogleContractServer google, Browser browser,
			String connect, String shot) {
		page.navigate(base + "/w/" + workspace + "/connections");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(connect)).click();
		page.waitForURL(Pattern.compile(Pattern.quote(google.authorizationUri()) + ".*"));
		browser.screenshot(shot + "-1-continue-on-google");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
		try {
			page.waitForURL(Pattern.compile(".*/w/" + workspace + "/connections/gbp/choose/.*"));
		}
		catch (RuntimeException e) {
			browser.screenshot(shot + "-1-failed");
			throw new AssertionError("stuck at " + page.url() + ", Google saw " + google.violations(), e);
		}
	}

	private static void publish(Page page, String base, String workspace, Browser browser, String shot, String location) {
		page.navigate(base + "/w/" + workspace + "/compose");
		page.locator("label").filter(new Locator.FilterOptions().setHasText(location))
			.locator("input[name=accounts]").check();
		page.fill("#text", "x".repeat(1501));
		assertThat(page.locator("#checks .counter")).hasText("1501 / 1500");
		assertThat(page.locator("#checks .violation")).hasText("Google Business Profile counts 1501 characters; the limit is 1500.");
		browser.screenshot(shot + "-3-over-the-limit");
		page.fill("#text", FIXED);
		assertThat(page.locator("#checks .counter")).hasText(FIXED.length() + " / 1500");
		assertThat(page.locator("#checks .violation")).hasCount(0);
		page.check("input[name=publish][value=now]");
		page.locator("#composer button[type=submit]").click();
		page.waitForURL(Pattern.compile(".*/w/" + workspace + "/posts"));
		assertThat(page.locator("[data-state]").first()).hasAttribute("data-state", "published",
				new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
		page.reload();
		assertThat(page.locator("main a[href*='https://local.google.com/place']").first()).isVisible();
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
