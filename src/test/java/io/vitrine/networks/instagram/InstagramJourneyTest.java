package io.vitrine.networks.instagram;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vitrine.testsupport.Browser;
import io.vitrine.testsupport.VitrineProcess;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instagram as a new user meets it, in a real browser against a separate Vitrine process: Facebook Login on (a local)
 * Facebook, the choice of the Instagram account, a post without an image and Instagram's message, the post fixed
 * with a JPEG and scheduled for tomorrow; in French, the other account. (Publishing goes through Pending, which the
 * engine follows once the engine branch is merged; the connector's side is proven in the contract test.)
 */
class InstagramJourneyTest {

	private static final String EMAIL = "owner@example.com";

	private static final String PASSWORD = "correct horse battery";

	@Test
	void connects_an_instagram_account_in_a_browser_explains_the_rule_and_schedules_in_english_and_french() throws Exception {
		Path data = Files.createTempDirectory("vitrine-instagram");
		Path photo = data.resolve("pain.jpg");
		ImageIO.write(new BufferedImage(400, 500, BufferedImage.TYPE_INT_RGB), "jpg", photo.toFile());
		try (InstagramGraphServer graph = new InstagramGraphServer(Clock.systemUTC())) {
			Map<String, String> env = Map.ofEntries(Map.entry("VITRINE_DATA_DIR", data.toString()),
					Map.entry("VITRINE_OUTBOUND_ALLOW_PRIVATE", "true"), Map.entry("VITRINE_OWNER_EMAIL", EMAIL),
					Map.entry("VITRINE_OWNER_PASSWORD", PASSWORD), Map.entry("VITRINE_OWNER_WORKSPACE", "Boulangerie Martin"),
					Map.entry("VITRINE_INSTAGRAM_APP_ID", InstagramGraphServer.APP_ID),
					Map.entry("VITRINE_INSTAGRAM_APP_SECRET", InstagramGraphServer.APP_SECRET),
					Map.entry("VITRINE_INSTAGRAM_AUTHORIZATION_URI", graph.authorizationUri()),
					Map.entry("VITRINE_INSTAGRAM_GRAPH_URL", graph.url()));
			try (VitrineProcess app = VitrineProcess.start("instagram-journey", env)) {
				String base = "http://localhost:" + app.port();
				try (Browser browser = Browser.open("en-GB")) {
					Page page = browser.page();
					String workspace = signIn(page, base);
					connect(page, base, workspace, graph, browser, "Connect with Instagram", "instagram-en");
					assertThat(page.locator("h1")).hasText("Choose the Instagram accounts to connect");
					page.getByLabel(InstagramGraphServer.USERNAME).check();
					page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect the chosen accounts")).click();
					page.waitForURL(Pattern.compile(".*/w/" + workspace + "/connections"));
					assertThat(page.locator("#notice")).containsText("boulangerie.martin is connected.");
					schedule(page, base, workspace, browser, InstagramGraphServer.USERNAME, photo, "instagram-en");
				}
				try (Browser browser = Browser.open("fr-FR")) {
					Page page = browser.page();
					String workspace = signIn(page, base);
					connect(page, base, workspace, graph, browser, "Se connecter avec Instagram", "instagram-fr");
					assertThat(page.locator("h1")).hasText("Choisir les comptes Instagram à connecter");
					page.getByLabel(InstagramGraphServer.OTHER_USERNAME).check();
					page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connecter les comptes choisis")).click();
					page.waitForURL(Pattern.compile(".*/w/" + workspace + "/connections"));
					assertThat(page.locator("#notice")).containsText("martin.traiteur est connecté.");
					schedule(page, base, workspace, browser, InstagramGraphServer.OTHER_USERNAME, photo, "instagram-fr");
				}
			}
			assertThat(graph.violations()).as("requests outside Meta's documentation").isEmpty();
			assertThat(graph.media()).as("scheduled for tomorrow: nothing published yet").isEmpty();
		}
	}

	private static void connect(Page page, String base, String workspace, InstagramGraphServer graph, Browser browser,
			String connect, String shot) {
		page.navigate(base + "/w/" + workspace + "/connections");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(connect)).click();
		page.waitForURL(Pattern.compile(Pattern.quote(graph.authorizationUri()) + ".*"));
		browser.screenshot(shot + "-1-facebook-login");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
		try {
			page.waitForURL(Pattern.compile(".*/w/" + workspace + "/connections/instagram/choose/.*"));
		}
		catch (RuntimeException e) {
			browser.screenshot(shot + "-1-failed");
			throw new AssertionError("stuck at " + page.url() + ", Facebook saw " + graph.violations(), e);
		}
		browser.screenshot(shot + "-2-choose-the-account");
	}

	private static void schedule(Page page, String base, String workspace, Browser browser, String account, Path photo,
			String shot) {
		LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1);
		page.navigate(base + "/w/" + workspace + "/compose?date=" + tomorrow);
		page.locator("label").filter(new Locator.FilterOptions().setHasText(account)).locator("input[name=accounts]").check();
		page.fill("#text", "Pain au levain du jour #boulangerie");
		assertThat(page.locator("#checks .counter")).hasText("35 / 2200");
		assertThat(page.locator("#checks .violation")).hasText("An Instagram post needs at least one image or video.");
		browser.screenshot(shot + "-3-no-image");
		page.locator("input[name=images]").first().setInputFiles(photo);
		page.check("input[name=publish][value=schedule]");
		page.locator("#composer button[type=submit]").click();
		page.waitForURL(Pattern.compile(".*/w/" + workspace + "/posts"));
		assertThat(page.locator("[data-state]").first()).hasAttribute("data-state", "scheduled");
		browser.screenshot(shot + "-4-scheduled");
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
