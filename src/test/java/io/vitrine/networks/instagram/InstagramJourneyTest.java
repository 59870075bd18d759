package io.vitrine.networks.instagram;

import io.vitrine.testsupport.Browser;
import io.vitrine.testsupport.NetworkJourney;
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

	@Test
	void connects_an_instagram_account_in_a_browser_explains_the_rule_and_schedules_in_english_and_french() throws Exception {
		Path data = Files.createTempDirectory("vitrine-instagram");
		Path photo = data.resolve("pain.jpg");
		ImageIO.write(new BufferedImage(400, 500, BufferedImage.TYPE_INT_RGB), "jpg", photo.toFile());
		try (InstagramGraphServer graph = new InstagramGraphServer(Clock.systemUTC())) {
			Map<String, String> env = NetworkJourney.environment(data, "Boulangerie Martin",
					Map.entry("VITRINE_INSTAGRAM_APP_ID", InstagramGraphServer.APP_ID),
					Map.entry("VITRINE_INSTAGRAM_APP_SECRET", InstagramGraphServer.APP_SECRET),
					Map.entry("VITRINE_INSTAGRAM_AUTHORIZATION_URI", graph.authorizationUri()),
					Map.entry("VITRINE_INSTAGRAM_GRAPH_URL", graph.url()));
			try (VitrineProcess app = VitrineProcess.start("instagram-journey", env)) {
				try (Browser browser = Browser.open("en-GB")) {
					NetworkJourney journey = NetworkJourney.signedIn(browser, app);
					connect(journey, graph, "Connect with Instagram", "instagram-en");
					journey.choose("Choose the Instagram accounts to connect", InstagramGraphServer.USERNAME);
					journey.connectChosen("Connect the chosen accounts", "boulangerie.martin is connected.");
					schedule(journey, InstagramGraphServer.USERNAME, photo, "instagram-en",
							"An Instagram post needs at least one image or video.");
				}
				try (Browser browser = Browser.open("fr-FR")) {
					NetworkJourney journey = NetworkJourney.signedIn(browser, app);
					connect(journey, graph, "Se connecter avec Instagram", "instagram-fr");
					journey.choose("Choisir les comptes Instagram à connecter", InstagramGraphServer.OTHER_USERNAME);
					journey.connectChosen("Connecter les comptes choisis", "martin.traiteur est connecté.");
					schedule(journey, InstagramGraphServer.OTHER_USERNAME, photo, "instagram-fr",
							"Une publication Instagram demande au moins une image ou une vidéo.");
				}
			}
			assertThat(graph.violations()).as("requests outside Meta's documentation").isEmpty();
			assertThat(graph.media()).as("scheduled for tomorrow: nothing published yet").isEmpty();
		}
	}

	private static void connect(NetworkJourney journey, InstagramGraphServer graph, String connect, String shot) {
		journey.consent(connect, graph.authorizationUri(), shot + "-1-facebook-login", "Continue");
		journey.backAt("/connections/instagram/choose/.*", shot + "-1-failed", "Facebook", graph::violations);
		journey.browser().screenshot(shot + "-2-choose-the-account");
	}

	/** Reads why a post without an image cannot go (in the page's language), adds the photo, schedules it for tomorrow. */
	private static void schedule(NetworkJourney journey, String account, Path photo, String shot, String why) {
		LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1);
		journey.open("/compose?date=" + tomorrow);
		journey.tick(account);
		journey.breakRule("Pain au levain du jour #boulangerie", "35 / 2200", why, shot + "-3-no-image");
		journey.page().locator("input[name=images]").first().setInputFiles(photo);
		journey.page().check("input[name=publish][value=schedule]");
		journey.page().locator("#composer button[type=submit]").click();
		journey.page().waitForURL(Pattern.compile(".*/w/" + journey.workspace() + "/posts"));
		assertThat(journey.page().locator("[data-state]").first()).hasAttribute("data-state", "scheduled");
		journey.browser().screenshot(shot + "-4-scheduled");
	}
}
