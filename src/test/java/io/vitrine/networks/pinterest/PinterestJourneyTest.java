package io.vitrine.networks.pinterest;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.vitrine.testsupport.Browser;
import io.vitrine.testsupport.VitrineProcess;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pinterest as a new user meets it, in a real browser against a separate Vitrine process configured with a
 * Pinterest app: the OAuth dance completes on (a local) Pinterest, the person chooses the board, writes a
 * description over Pinterest's 500 characters and reads why, fixes it, adds the image a Pin needs and sees the Pin
 * published with its link; then the same in French on the other board.
 */
class PinterestJourneyTest {

	private static final String EMAIL = "owner@example.com";

	private static final String PASSWORD = "correct horse battery";

	@Test
	void connects_a_pinterest_board_in_a_browser_explains_the_limit_and_publishes_a_pin_in_english_and_french()
			throws Exception {
		Path data = Files.createTempDirectory("vitrine-pinterest");
		Path photo = data.resolve("baguette.png");
		BufferedImage image = new BufferedImage(600, 900, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0xC8, 0x8A, 0x3A));
		g.fillRect(100, 100, 400, 700);
		g.dispose();
		ImageIO.write(image, "png", photo.toFile());
		try (PinterestContractServer pinterest = new PinterestContractServer(Clock.systemUTC())) {
			Map<String, String> env = Map.ofEntries(Map.entry("VITRINE_DATA_DIR", data.resolve("app").toString()),
					Map.entry("VITRINE_OUTBOUND_ALLOW_PRIVATE", "true"), Map.entry("VITRINE_ENGINE_POLL_INTERVAL", "500ms"),
					Map.entry("VITRINE_OWNER_EMAIL", EMAIL), Map.entry("VITRINE_OWNER_PASSWORD", PASSWORD),
					Map.entry("VITRINE_OWNER_WORKSPACE", "Boulangerie Martin"),
					Map.entry("VITRINE_PINTEREST_APP_ID", PinterestContractServer.CLIENT_ID),
					Map.entry("VITRINE_PINTEREST_APP_SECRET", PinterestContractServer.CLIENT_SECRET),
					Map.entry("VITRINE_PINTEREST_AUTHORIZATION_URI", pinterest.authorizationUri()),
					Map.entry("VITRINE_PINTEREST_TOKEN_URI", pinterest.tokenUri()),
					Map.entry("VITRINE_PINTEREST_API_URL", pinterest.apiUrl()));
			try (VitrineProcess app = VitrineProcess.start("pinterest-journey", env)) {
				String base = "http://localhost:" + app.port();
				try (Browser browser = Browser.open("en-GB")) {
					Page page = browser.page();
					String workspace = signIn(page, base);
					connect(page, workspace, pinterest, browser, "Connect with Pinterest", "pinterest-en");
					assertThat(page.locator("h1")).hasText("Choose the Pinterest accounts to connect");
					page.getByLabel(PinterestContractServer.BOARD_NAME).check();
					browser.screenshot("pinterest-en-2-choose-the-board");
					page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect the chosen accounts")).click();
					page.waitForURL(Pattern.compile(".*/w/" + workspace + "/connections"));
					assertThat(page.locator("#notice")).containsText(PinterestContractServer.BOARD_NAME + " is connected.");

					publish(page, base, workspace, browser, "pinterest-en", PinterestContractServer.BOARD_NAME, photo);
					assertThat(pinterest.pins()).singleElement().satisfies(pin -> {
						assertThat(pin.boardId()).isEqualTo(PinterestContractServer.BOARD_ID);
						assertThat(pin.description()).isEqualTo("La baguette de tradition, cuite deux fois par jour.");
					});
				}
				try (Browser browser = Browser.open("fr-FR")) {
					Page page = browser.page();
					String workspace = signIn(page, base);
					connect(page, workspace, pinterest, browser, "Se connecter avec Pinterest", "pinterest-fr");
					assertThat(page.locator("h1")).hasText("Choisir les comptes Pinterest à connecter");
					page.getByLabel(PinterestContractServer.OTHER_BOARD_NAME).check();
					browser.screenshot("pinterest-fr-2-choisir-le-tableau");
					page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connecter les comptes choisis")).click();
					page.waitForURL(Pattern.compile(".*/w/" + workspace + "/connections"));
					assertThat(page.locator("#notice")).containsText(PinterestContractServer.OTHER_BOARD_NAME + " est connecté.");

					publish(page, base, workspace, browser, "pinterest-fr", PinterestContractServer.OTHER_BOARD_NAME, photo);
					assertThat(pinterest.pins()).hasSize(2);
					assertThat(pinterest.pins().getLast().boardId()).isEqualTo(PinterestContractServer.OTHER_BOARD_ID);
				}
			}
			assertThat(pinterest.violations()).as("requests outside Pinterest's API description").isEmpty();
		}
	}

	private static void connect(Page page, String workspace, PinterestContractServer pinterest, Browser browser, String connect,
			String shot) {
		page.navigate(page.url().replaceAll("(https?://[^/]+).*", "$1") + "/w/" + workspace + "/connections");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(connect)).click();
		page.waitForURL(Pattern.compile(Pattern.quote(pinterest.authorizationUri()) + ".*"));
		browser.screenshot(shot + "-1-give-access-on-pinterest");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Give access")).click();
		try {
			page.waitForURL(Pattern.compile(".*/w/" + workspace + "/connections/pinterest/choose/.*"));
		}
		catch (RuntimeException e) {
			browser.screenshot(shot + "-1-failed");
			throw new AssertionError("stuck at " + page.url() + ", Pinterest saw " + pinterest.violations(), e);
		}
	}

	/** Breaks the description's length, reads why, fixes it, adds the image, posts now, and sees the Pin's link. */
	private static void publish(Page page, String base, String workspace, Browser browser, String shot, String board,
			Path photo) {
		String fixed = "La baguette de tradition, cuite deux fois par jour.";
		page.navigate(base + "/w/" + workspace + "/compose");
		page.locator("label").filter(new Locator.FilterOptions().setHasText(board)).locator("input[name=accounts]").check();
		page.fill("#text", "x".repeat(501));
		assertThat(page.locator("#checks .counter")).hasText("501 / 500");
		assertThat(page.locator("#checks .violation").filter(new Locator.FilterOptions().setHasText("description")))
			.hasText("Pinterest counts 501 characters in the description; the limit is 500.");
		browser.screenshot(shot + "-3-over-the-limit");
		page.fill("#text", fixed);
		assertThat(page.locator("#checks .counter")).hasText(fixed.length() + " / 500");
		assertThat(page.locator("#checks .violation").filter(new Locator.FilterOptions().setHasText("description"))).hasCount(0);
		page.locator("input[type=file][name=images]").first().setInputFiles(photo);
		page.check("input[name=publish][value=now]");
		page.locator("#composer button[type=submit]").click();
		page.waitForURL(Pattern.compile(".*/w/" + workspace + "/posts"));
		assertThat(page.locator("[data-state]").first()).hasAttribute("data-state", "published",
				new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
		page.reload();
		assertThat(page.locator("main a[href*='https://www.pinterest.com/pin/']").first()).isVisible();
		browser.screenshot(shot + "-4-published");
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
