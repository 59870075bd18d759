package io.vitrine.networks.pinterest;

import com.microsoft.playwright.Locator;
import io.vitrine.testsupport.Browser;
import io.vitrine.testsupport.NetworkJourney;
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

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pinterest as a new user meets it, in a real browser against a separate Vitrine process configured with a
 * Pinterest app: the OAuth dance completes on (a local) Pinterest, the person chooses the board, writes a
 * description over Pinterest's 500 characters and reads why, fixes it, adds the image a Pin needs and sees the Pin
 * published with its link; then the same in French on the other board.
 */
class PinterestJourneyTest {

	private static final String FIXED = "La baguette de tradition, cuite deux fois par jour.";

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
			Map<String, String> env = NetworkJourney.environment(data.resolve("app"), "Boulangerie Martin",
					NetworkJourney.QUICK_ENGINE, Map.entry("VITRINE_PINTEREST_APP_ID", PinterestContractServer.CLIENT_ID),
					Map.entry("VITRINE_PINTEREST_APP_SECRET", PinterestContractServer.CLIENT_SECRET),
					Map.entry("VITRINE_PINTEREST_AUTHORIZATION_URI", pinterest.authorizationUri()),
					Map.entry("VITRINE_PINTEREST_TOKEN_URI", pinterest.tokenUri()),
					Map.entry("VITRINE_PINTEREST_API_URL", pinterest.apiUrl()));
			try (VitrineProcess app = VitrineProcess.start("pinterest-journey", env)) {
				try (Browser browser = Browser.open("en-GB")) {
					NetworkJourney journey = NetworkJourney.signedIn(browser, app);
					connect(journey, pinterest, "Connect with Pinterest", "pinterest-en");
					journey.choose("Choose the Pinterest accounts to connect", PinterestContractServer.BOARD_NAME);
					browser.screenshot("pinterest-en-2-choose-the-board");
					journey.connectChosen("Connect the chosen accounts", PinterestContractServer.BOARD_NAME + " is connected.");

					publish(journey, "pinterest-en", PinterestContractServer.BOARD_NAME, photo,
							"Pinterest counts 501 characters in the description; the limit is 500.");
					assertThat(pinterest.pins()).singleElement().satisfies(pin -> {
						assertThat(pin.boardId()).isEqualTo(PinterestContractServer.BOARD_ID);
						assertThat(pin.description()).isEqualTo(FIXED);
					});
				}
				try (Browser browser = Browser.open("fr-FR")) {
					NetworkJourney journey = NetworkJourney.signedIn(browser, app);
					connect(journey, pinterest, "Se connecter avec Pinterest", "pinterest-fr");
					journey.choose("Choisir les comptes Pinterest à connecter", PinterestContractServer.OTHER_BOARD_NAME);
					browser.screenshot("pinterest-fr-2-choisir-le-tableau");
					journey.connectChosen("Connecter les comptes choisis", PinterestContractServer.OTHER_BOARD_NAME + " est connecté.");

					publish(journey, "pinterest-fr", PinterestContractServer.OTHER_BOARD_NAME, photo,
							"Pinterest compte 501 caractères dans la description ; la limite est de 500.");
					assertThat(pinterest.pins()).hasSize(2);
					assertThat(pinterest.pins().getLast().boardId()).isEqualTo(PinterestContractServer.OTHER_BOARD_ID);
				}
			}
			assertThat(pinterest.violations()).as("requests outside Pinterest's API description").isEmpty();
		}
	}

	private static void connect(NetworkJourney journey, PinterestContractServer pinterest, String connect, String shot) {
		journey.consent(connect, pinterest.authorizationUri(), shot + "-1-give-access-on-pinterest", "Give access");
		journey.backAt("/connections/pinterest/choose/.*", shot + "-1-failed", "Pinterest", pinterest::violations);
	}

	/**
	 * Breaks the description's length, reads why (in the page's language), fixes it, adds the image, posts now, and
	 * sees the Pin's link.
	 */
	private static void publish(NetworkJourney journey, String shot, String board, Path photo, String why) {
		Locator description = journey.page().locator("#checks .violation")
			.filter(new Locator.FilterOptions().setHasText("description"));
		journey.compose(board);
		journey.page().fill("#text", "x".repeat(501));
		assertThat(journey.page().locator("#checks .counter")).hasText("501 / 500");
		assertThat(description).hasText(why);
		journey.browser().screenshot(shot + "-3-over-the-limit");
		journey.page().fill("#text", FIXED);
		assertThat(journey.page().locator("#checks .counter")).hasText(FIXED.length() + " / 500");
		assertThat(description).hasCount(0);
		journey.page().locator("input[type=file][name=images]").first().setInputFiles(photo);
		journey.publishNow("https://www.pinterest.com/pin/", shot + "-4-published");
	}
}
