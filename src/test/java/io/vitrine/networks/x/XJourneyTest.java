package io.vitrine.networks.x;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vitrine.networks.PostVariant;
import io.vitrine.testsupport.Browser;
import io.vitrine.testsupport.NetworkJourney;
import io.vitrine.testsupport.VitrineProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * X as a new user meets it, in a real browser against a separate Vitrine process configured with an
 * X app: the OAuth dance completes on (a local) X's authorization page, the account appears on the
 * connections page, the composer counts as X does (in English and French), a post goes out with
 * its link, and when the person revokes Vitrine on X the account asks to be reconnected.
 */
class XJourneyTest {

	@Test
	void connects_x_in_a_browser_counts_as_x_does_publishes_and_asks_to_reconnect_after_a_revocation() throws Exception {
		Path data = Files.createTempDirectory("vitrine-x");
		try (XContractServer x = new XContractServer(Clock.systemUTC())) {
			Map<String, String> env = NetworkJourney.environment(data, "Boulangerie Martin", NetworkJourney.QUICK_ENGINE,
					Map.entry("VITRINE_X_CLIENT_ID", XContractServer.CLIENT_ID),
					Map.entry("VITRINE_X_CLIENT_SECRET", XContractServer.CLIENT_SECRET),
					Map.entry("VITRINE_X_AUTHORIZATION_URI", x.authorizationUri()), Map.entry("VITRINE_X_TOKEN_URI", x.tokenUri()),
					Map.entry("VITRINE_X_API_URL", x.url()));
			try (VitrineProcess app = VitrineProcess.start("x-journey", env)) {
				String workspace;
				String counted = "Croissants 🥐 https://example.com/a/very/long/path/to/the/menu";
				int weighted = XRules.check(new PostVariant(counted, null, List.of())).length();
				try (Browser browser = Browser.open("en-GB")) {
					NetworkJourney journey = NetworkJourney.signedIn(browser, app);
					Page page = journey.page();
					workspace = journey.workspace();
					journey.consent("Connect with X", x.authorizationUri(), "x-1-authorize-on-x", "Authorize app");
					journey.backAt("/connections", "x-1-failed", "X", x::violations);
					assertThat(page.locator("#notice")).containsText("@boulangerie is connected.");
					assertThat(page.locator("main table")).containsText("@boulangerie");
					browser.screenshot("x-2-connected");
					journey.open("/compose");
					page.locator("input[name=accounts]").first().check();
					page.fill("#text", "x".repeat(281));
					assertThat(page.locator("#checks .counter")).hasText("281 / 280");
					assertThat(page.locator("#checks .violation")).containsText("the limit is 280");
					page.fill("#text", counted);
					assertThat(page.locator("#checks .counter")).hasText(weighted + " / 280");
					assertThat(page.locator("#checks .violation")).hasCount(0);
					browser.screenshot("x-3-composer-counter");
					journey.sendNow();
					journey.expectNewestPost("published");
					page.reload();
					assertThat(page.locator("main a[href*='https://x.com/boulangerie/status/']")).hasCount(1);
					assertThat(x.posts()).isEqualTo(1);
					x.revokeAll();
					journey.open("/compose");
					page.locator("input[name=accounts]").first().check();
					page.fill("#text", "After the revocation");
					journey.sendNow();
					journey.expectNewestPost("failed");
					journey.open("/connections");
					assertThat(page.locator("main table")).containsText("Needs reconnect");
					assertThat(page.locator("main table")).containsText("reconnect the account");
					assertThat(page.locator("main table").getByRole(AriaRole.BUTTON,
							new Locator.GetByRoleOptions().setName("Reconnect"))).hasCount(1);
					browser.screenshot("x-4-needs-reconnect");
					assertThat(x.posts()).as("nothing was posted with a revoked token").isEqualTo(1);
				}
				try (Browser browser = Browser.open("fr-FR")) {
					NetworkJourney journey = NetworkJourney.signedIn(browser, app);
					Page page = journey.page();
					assertThat(journey.workspace()).isEqualTo(workspace);
					journey.open("/compose");
					assertThat(page.locator("legend").first()).hasText("Publier sur");
					page.locator("input[name=accounts]").first().check();
					page.fill("#text", counted);
					assertThat(page.locator("#checks .counter")).hasText(weighted + " / 280");
					page.fill("#text", "x".repeat(281));
					assertThat(page.locator("#checks .counter")).hasText("281 / 280");
					browser.screenshot("x-5-composer-counter-fr");
					journey.open("/connections");
					assertThat(page.locator("main table")).containsText("À reconnecter");
				}
			}
			assertThat(x.violations()).as("requests outside the X API description").isEmpty();
		}
	}
}
