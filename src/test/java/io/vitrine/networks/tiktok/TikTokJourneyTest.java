package io.vitrine.networks.tiktok;

import com.microsoft.playwright.Locator;
import io.vitrine.testsupport.Browser;
import io.vitrine.testsupport.NetworkJourney;
import io.vitrine.testsupport.VitrineProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TikTok as a new user meets it, in a real browser against a separate Vitrine process: Login Kit on (a local)
 * tiktok.com, then a post TikTok cannot take (text alone, then a caption over 2,200 characters) and its message;
 * in English, then in French.
 */
class TikTokJourneyTest {

	@Test
	void connects_a_tiktok_account_in_a_browser_and_explains_its_rules_in_english_and_french() throws Exception {
		Path data = Files.createTempDirectory("vitrine-tiktok");
		try (TikTokApiServer tiktok = new TikTokApiServer(Clock.systemUTC())) {
			Map<String, String> env = NetworkJourney.environment(data, "Boulangerie Lumière",
					Map.entry("VITRINE_TIKTOK_CLIENT_KEY", TikTokApiServer.CLIENT_KEY),
					Map.entry("VITRINE_TIKTOK_CLIENT_SECRET", TikTokApiServer.CLIENT_SECRET),
					Map.entry("VITRINE_TIKTOK_AUTHORIZATION_URI", tiktok.authorizationUri()),
					Map.entry("VITRINE_TIKTOK_API_URL", tiktok.url()));
			try (VitrineProcess app = VitrineProcess.start("tiktok-journey", env)) {
				try (Browser browser = Browser.open("en-GB")) {
					NetworkJourney journey = NetworkJourney.signedIn(browser, app);
					connect(journey, tiktok, "Connect with TikTok", "tiktok-en");
					assertThat(journey.page().locator("#notice")).containsText(TikTokApiServer.USERNAME + " is connected.");
					breakRules(journey, "tiktok-en", "A TikTok post needs a video or 1 to 35 photos; text alone cannot be posted.",
							"TikTok counts 2201 characters in the caption; the limit is 2200.");
				}
				try (Browser browser = Browser.open("fr-FR")) {
					NetworkJourney journey = NetworkJourney.signedIn(browser, app);
					connect(journey, tiktok, "Se connecter avec TikTok", "tiktok-fr");
					assertThat(journey.page().locator("#notice")).containsText(TikTokApiServer.USERNAME + " est connecté.");
					breakRules(journey, "tiktok-fr",
							"Une publication TikTok demande une vidéo ou de 1 à 35 photos ; un texte seul ne peut pas être publié.",
							"TikTok compte 2201 caractères dans la légende ; la limite est de 2200.");
				}
			}
			assertThat(tiktok.violations()).as("requests outside TikTok's documentation").isEmpty();
		}
	}

	private static void connect(NetworkJourney journey, TikTokApiServer tiktok, String connect, String shot) {
		journey.consent(connect, tiktok.authorizationUri(), shot + "-1-tiktok-authorization", "Continue");
		journey.backAt("/connections", shot + "-1-failed", "TikTok", tiktok::violations);
		journey.browser().screenshot(shot + "-2-connected");
	}

	/** Text alone, then a caption too long: each rule's message, in the page's language, among the composer's checks. */
	private static void breakRules(NetworkJourney journey, String shot, String textAlone, String captionTooLong) {
		Locator violations = journey.page().locator("#checks .violation");
		journey.compose(TikTokApiServer.USERNAME);
		journey.page().fill("#text", "Fournée du matin : pain au levain.");
		assertThat(violations.filter(new Locator.FilterOptions().setHasText(textAlone))).hasText(textAlone);
		journey.browser().screenshot(shot + "-3-text-alone");
		journey.page().fill("#text", "🥖".repeat(1100) + "!");
		assertThat(journey.page().locator("#checks .counter")).hasText("2201 / 2200");
		assertThat(violations.filter(new Locator.FilterOptions().setHasText(captionTooLong))).hasText(captionTooLong);
		journey.browser().screenshot(shot + "-4-caption-too-long");
	}
}
