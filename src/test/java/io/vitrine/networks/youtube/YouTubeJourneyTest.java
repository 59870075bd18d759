package io.vitrine.networks.youtube;

import com.microsoft.playwright.Locator;
import io.vitrine.testsupport.Browser;
import io.vitrine.testsupport.NetworkJourney;
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

	@Test
	void connects_a_youtube_channel_in_a_browser_and_explains_its_rules_in_english_and_french() throws Exception {
		Path data = Files.createTempDirectory("vitrine-youtube");
		try (YouTubeApiServer google = new YouTubeApiServer(Clock.systemUTC())) {
			Map<String, String> env = NetworkJourney.environment(data, "Boulangerie Lumière",
					Map.entry("VITRINE_YOUTUBE_CLIENT_ID", YouTubeApiServer.CLIENT_ID),
					Map.entry("VITRINE_YOUTUBE_CLIENT_SECRET", YouTubeApiServer.CLIENT_SECRET),
					Map.entry("VITRINE_YOUTUBE_AUTHORIZATION_URI", google.url() + "/o/oauth2/v2/auth"),
					Map.entry("VITRINE_YOUTUBE_TOKEN_URI", google.url() + "/token"),
					Map.entry("VITRINE_YOUTUBE_API_URL", google.url()));
			try (VitrineProcess app = VitrineProcess.start("youtube-journey", env)) {
				try (Browser browser = Browser.open("en-GB")) {
					NetworkJourney journey = NetworkJourney.signedIn(browser, app);
					connect(journey, google, "Connect with YouTube", "Connect the chosen accounts", "youtube-en");
					assertThat(journey.page().locator("#notice")).containsText("@boulangerielumiere is connected.");
					breakRules(journey, "youtube-en", "A YouTube description cannot contain < or >.", "YouTube needs a title.");
				}
				try (Browser browser = Browser.open("fr-FR")) {
					NetworkJourney journey = NetworkJourney.signedIn(browser, app);
					connect(journey, google, "Se connecter avec YouTube", "Connecter les comptes choisis", "youtube-fr");
					assertThat(journey.page().locator("#notice")).containsText("@boulangerielumiere est connecté.");
					breakRules(journey, "youtube-fr", "Une description YouTube ne peut pas contenir < ni >.",
							"YouTube demande un champ « title ».");
				}
			}
			assertThat(google.violations()).as("requests outside Google's documentation").isEmpty();
		}
	}

	private static void connect(NetworkJourney journey, YouTubeApiServer google, String connect, String choose, String shot) {
		journey.consent(connect, google.url() + "/o/oauth2/v2/auth", shot + "-1-google-sign-in", "Continue");
		try {
			journey.page().getByLabel(Pattern.compile("Boulangerie Lumière")).check();
		}
		catch (RuntimeException e) {
			journey.browser().screenshot(shot + "-1-failed");
			throw new AssertionError("stuck at " + journey.page().url() + ", Google saw " + google.violations(), e);
		}
		journey.browser().screenshot(shot + "-2-choose-the-channel");
		journey.connectChosen(choose);
		journey.browser().screenshot(shot + "-3-connected");
	}

	/** Angle brackets and no title: each rule's message, in the page's language, among the composer's checks. */
	private static void breakRules(NetworkJourney journey, String shot, String brackets, String noTitle) {
		journey.compose("@boulangerielumiere");
		journey.page().fill("#text", "Notre pain <b>au levain</b>");
		Locator violations = journey.page().locator("#checks .violation");
		assertThat(violations.filter(new Locator.FilterOptions().setHasText("description")))
			.hasText(brackets);
		assertThat(violations.filter(new Locator.FilterOptions().setHasText("title"))).hasText(noTitle);
		assertThat(journey.page().locator("#checks .counter")).hasText("27 / 5000");
		journey.browser().screenshot(shot + "-4-rules");
	}
}
