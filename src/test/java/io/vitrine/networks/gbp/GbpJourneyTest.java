package io.vitrine.networks.gbp;

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
 * Google Business Profile as a new user meets it, in a real browser against a separate Vitrine process configured
 * with a Google OAuth client: the OAuth dance (PKCE, offline access) completes on (a local) Google, the person
 * chooses the location, writes an update over Google's 1,500 characters and reads why, fixes it and sees it
 * published with its link; then the same in French on the other location.
 */
class GbpJourneyTest {

	private static final String FIXED = "Galette des rois tous les jours de janvier, à commander la veille.";

	@Test
	void connects_a_location_in_a_browser_explains_the_limit_and_publishes_an_update_in_english_and_french() throws Exception {
		Path data = Files.createTempDirectory("vitrine-gbp");
		try (GoogleContractServer google = new GoogleContractServer(Clock.systemUTC())) {
			Map<String, String> env = NetworkJourney.environment(data, "Boulangerie Martin", NetworkJourney.QUICK_ENGINE,
					Map.entry("VITRINE_GBP_CLIENT_ID", GoogleContractServer.CLIENT_ID),
					Map.entry("VITRINE_GBP_CLIENT_SECRET", GoogleContractServer.CLIENT_SECRET),
					Map.entry("VITRINE_GBP_AUTHORIZATION_URI", google.authorizationUri()),
					Map.entry("VITRINE_GBP_TOKEN_URI", google.tokenUri()), Map.entry("VITRINE_GBP_ACCOUNTS_URL", google.url()),
					Map.entry("VITRINE_GBP_LOCATIONS_URL", google.url()), Map.entry("VITRINE_GBP_POSTS_URL", google.url()));
			try (VitrineProcess app = VitrineProcess.start("gbp-journey", env)) {
				try (Browser browser = Browser.open("en-GB")) {
					NetworkJourney journey = NetworkJourney.signedIn(browser, app);
					connect(journey, google, "Connect with Google Business Profile", "gbp-en");
					assertThat(journey.page().locator("h1")).hasText("Choose the Google Business Profile accounts to connect");
					journey.page().locator("input[value='" + GoogleContractServer.LOCATION + "']").check();
					browser.screenshot("gbp-en-2-choose-the-location");
					journey.connectChosen("Connect the chosen accounts", GoogleContractServer.LOCATION_TITLE + " is connected.");
					publish(journey, "gbp-en", GoogleContractServer.LOCATION_TITLE,
							"Google Business Profile counts 1501 characters; the limit is 1500.");
					assertThat(google.posts()).singleElement().satisfies(post -> {
						assertThat(post.location()).isEqualTo(GoogleContractServer.LOCATION);
						assertThat(post.body().path("summary").asString()).isEqualTo(FIXED);
					});
				}
				try (Browser browser = Browser.open("fr-FR")) {
					NetworkJourney journey = NetworkJourney.signedIn(browser, app);
					connect(journey, google, "Se connecter avec Google Business Profile", "gbp-fr");
					journey.choose("Choisir les comptes Google Business Profile à connecter", GoogleContractServer.OTHER_LOCATION_TITLE);
					journey.connectChosen("Connecter les comptes choisis", GoogleContractServer.OTHER_LOCATION_TITLE + " est connecté.");
					publish(journey, "gbp-fr", GoogleContractServer.OTHER_LOCATION_TITLE,
							"Google Business Profile compte 1501 caractères ; la limite est de 1500.");
					assertThat(google.posts()).hasSize(2);
					assertThat(google.posts().getLast().location()).isEqualTo(GoogleContractServer.OTHER_LOCATION);
				}
			}
			assertThat(google.violations()).as("requests outside Google's reference").isEmpty();
		}
	}

	private static void connect(NetworkJourney journey, GoogleContractServer google, String connect, String shot) {
		journey.consent(connect, google.authorizationUri(), shot + "-1-continue-on-google", "Continue");
		journey.backAt("/connections/gbp/choose/.*", shot + "-1-failed", "Google", google::violations);
	}

	/** Breaks the length rule and reads {@code why} in the page's language, fixes the text, posts now, sees the link. */
	private static void publish(NetworkJourney journey, String shot, String location, String why) {
		journey.compose(location);
		journey.breakRule("x".repeat(1501), "1501 / 1500", why, shot + "-3-over-the-limit");
		journey.fixed(FIXED, FIXED.length() + " / 1500");
		journey.publishNow("https://local.google.com/place", shot + "-4-published");
	}
}
