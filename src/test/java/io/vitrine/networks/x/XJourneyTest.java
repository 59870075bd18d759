package io.vitrine.networks.x;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vitrine.networks.PostVariant;
import io.vitrine.testsupport.Browser;
import io.vitrine.testsupport.VitrineProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * X as a new user meets it, in a real browser against a separate Vitrine process configured with an
 * X app: the OAuth dance completes on (a local) X's authorization page, the account appears on the
 * connections page, the composer counts as X does (in English and French), a post goes out with
 * its link, and when the person revokes Vitrine on X the account asks to be reconnected.
 */
class XJourneyTest {

	private static final String EMAIL = "owner@example.com";

	private static final String PASSWORD = "correct horse battery";

	@Test
	void connects_x_in_a_browser_counts_as_x_does_publishes_and_asks_to_reconnect_after_a_revocation() throws Exception {
		Path data = Files.createTempDirectory("vitrine-x");
		try (XContractServer x = new XContractServer(Clock.systemUTC())) {
			Map<String, String> env = Map.ofEntries(Map.entry("VITRINE_DATA_DIR", data.toString()),
					Map.entry("VITRINE_OUTBOUND_ALLOW_PRIVATE", "true"), Map.entry("VITRINE_ENGINE_POLL_INTERVAL", "500ms"),
					Map.entry("VITRINE_OWNER_EMAIL", EMAIL), Map.entry("VITRINE_OWNER_PASSWORD", PASSWORD),
					Map.entry("VITRINE_OWNER_WORKSPACE", "Boulangerie Martin"),
					Map.entry("VITRINE_X_CLIENT_ID", XContractServer.CLIENT_ID),
					Map.entry("VITRINE_X_CLIENT_SECRET", XContractServer.CLIENT_SECRET),
					Map.entry("VITRINE_X_AUTHORIZATION_URI", x.authorizationUri()), Map.entry("VITRINE_X_TOKEN_URI", x.tokenUri()),
					Map.entry("VITRINE_X_API_URL", x.url()));
			try (VitrineProcess app = VitrineProcess.start("x-journey", env)) {
				String base = "http://localhost:" + app.port();
				String workspace;
				String counted = "Croissants 🥐 https://example.com/a/very/long/path/to/the/menu";
				int weighted = XRules.check(new PostVariant(counted, null, List.of())).length();
				try (Browser browser = Browser.open("en-GB")) {
					Page page = browser.page();
					workspace = signIn(page, base);

					page.navigate(base + "/w/" + workspace + "/connections");
					page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect with X")).click();
					page.waitForURL(Pattern.compile(Pattern.quote(x.authorizationUri()) + ".*"));
					browser.screenshot("x-1-authorize-on-x");
					page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Authorize app")).click();
					try {
						page.waitForURL(Pattern.compile(".*/w/" + workspace + "/connections"));
					}
					catch (RuntimeException e) {
						browser.screenshot("x-1-failed");
						throw new AssertionError("stuck at " + page.url() + ", X saw " + x.violations(), e);
					}
					assertThat(page.locator("#notice")).containsText("@boulangerie is connected.");
					assertThat(page.locator("main table")).containsText("@boulangerie");
					browser.screenshot("x-2-connected");

					page.navigate(base + "/w/" + workspace + "/compose");
					page.locator("input[name=accounts]").first().check();
					page.fill("#text", "x".repeat(281));
					assertThat(page.locator("#checks .counter")).hasText("281 / 280");
					assertThat(page.locator("#checks .violation")).containsText("the limit is 280");
					page.fill("#text", counted);
					assertThat(page.locator("#checks .counter")).hasText(weighted + " / 280");
					assertThat(page.locator("#checks .violation")).hasCount(0);
					browser.screenshot("x-3-composer-counter");
					page.check("input[name=publish][value=now]");
					page.locator("#composer button[type=submit]").click();
					page.waitForURL(Pattern.compile(".*/w/" + workspace + "/posts"));
					assertThat(page.locator("[data-state]").first()).hasAttribute("data-state", "published",
							new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
					page.reload();
					assertThat(page.locator("main a[href*='https://x.com/boulangerie/status/']")).hasCount(1);
					assertThat(x.posts()).isEqualTo(1);

					x.revokeAll();
					page.navigate(base + "/w/" + workspace + "/compose");
					page.locator("input[name=accounts]").first().check();
					page.fill("#text", "After the revocation");
					page.check("input[name=publish][value=now]");
					page.locator("#composer button[type=submit]").click();
					page.waitForURL(Pattern.compile(".*/w/" + workspace + "/posts"));
					assertThat(page.locator("[data-state]").first()).hasAttribute("data-state", "failed",
							new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
					page.navigate(base + "/w/" + workspace + "/connections");
					assertThat(page.locator("main table")).containsText("Needs reconnect");
					assertThat(page.locator("main table")).containsText("reconnect the account");
					assertThat(page.locator("main table").getByRole(AriaRole.BUTTON,
							new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Reconnect"))).hasCount(1);
					browser.screenshot("x-4-needs-reconnect");
					assertThat(x.posts()).as("nothing was posted with a revoked token").isEqualTo(1);
				}
				try (Browser browser = Browser.open("fr-FR")) {
					Page page = browser.page();
					signIn(page, base);
					page.navigate(base + "/w/" + workspace + "/compose");
					assertThat(page.locator("legend").first()).hasText("Publier sur");
					page.locator("input[name=accounts]").first().check();
					page.fill("#text", counted);
					assertThat(page.locator("#checks .counter")).hasText(weighted + " / 280");
					page.fill("#text", "x".repeat(281));
					assertThat(page.locator("#checks .counter")).hasText("281 / 280");
					browser.screenshot("x-5-composer-counter-fr");
					page.navigate(base + "/w/" + workspace + "/connections");
					assertThat(page.locator("main table")).containsText("À reconnecter");
				}
			}
			assertThat(x.violations()).as("requests outside the X API description").isEmpty();
		}
	}

	/** Signs in as the owner; returns the id of the workspace the home page leads to. */
	private static String signIn(Page page, String base) {
		page.navigate(base + "/login");
		page.fill("#email", EMAIL);
		page.fill("#password", PASSWORD);
		page.locator("main button[type=submit]").click();
		page.waitForURL(Pattern.compile(".*/w/[0-9a-f-]+/.*"));
		return page.url().replaceAll(".*/w/([0-9a-f-]+)/.*", "$1");
	}
}
