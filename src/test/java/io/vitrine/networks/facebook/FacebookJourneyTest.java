package io.vitrine.networks.facebook;

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
 * Facebook Pages as a new user meets them, in a real browser against a separate Vitrine process: the
 * Facebook Login dance on (a local) Facebook, the choice of the Page, a post over Facebook's limit and
 * its message, the fixed post published with its link; in French, the other Page.
 */
class FacebookJourneyTest {

	@Test
	void connects_a_facebook_page_in_a_browser_explains_the_limit_and_publishes_in_english_and_french() throws Exception {
		Path data = Files.createTempDirectory("vitrine-facebook");
		try (GraphContractServer graph = new GraphContractServer(Clock.systemUTC())) {
			Map<String, String> env = NetworkJourney.environment(data, "Boulangerie Martin", NetworkJourney.QUICK_ENGINE,
					Map.entry("VITRINE_FACEBOOK_APP_ID", GraphContractServer.APP_ID),
					Map.entry("VITRINE_FACEBOOK_APP_SECRET", GraphContractServer.APP_SECRET),
					Map.entry("VITRINE_FACEBOOK_AUTHORIZATION_URI", graph.authorizationUri()),
					Map.entry("VITRINE_FACEBOOK_GRAPH_URL", graph.url()));
			try (VitrineProcess app = VitrineProcess.start("facebook-journey", env)) {
				try (Browser browser = Browser.open("en-GB")) {
					NetworkJourney journey = NetworkJourney.signedIn(browser, app);
					connect(journey, graph, "Connect with Facebook", "facebook-en");
					journey.choose("Choose the Facebook accounts to connect", GraphContractServer.PAGE_NAME);
					journey.connectChosen("Connect the chosen accounts", "Boulangerie Martin is connected.");
					publish(journey, GraphContractServer.PAGE_NAME, "facebook-en",
							"Facebook counts 63207 characters; the limit is 63206.");
					assertThat(graph.posts()).singleElement()
						.satisfies(p -> assertThat(p.pageId()).isEqualTo(GraphContractServer.PAGE_ID));
				}
				try (Browser browser = Browser.open("fr-FR")) {
					NetworkJourney journey = NetworkJourney.signedIn(browser, app);
					connect(journey, graph, "Se connecter avec Facebook", "facebook-fr");
					journey.choose("Choisir les comptes Facebook à connecter", GraphContractServer.OTHER_PAGE_NAME);
					journey.connectChosen("Connecter les comptes choisis", "Martin Traiteur est connecté.");
					publish(journey, GraphContractServer.OTHER_PAGE_NAME, "facebook-fr",
							"Facebook compte 63207 caractères ; la limite est de 63206.");
					assertThat(graph.posts().getLast().pageId()).isEqualTo(GraphContractServer.OTHER_PAGE_ID);
				}
			}
			assertThat(graph.violations()).as("requests outside Meta's documentation").isEmpty();
		}
	}

	private static void connect(NetworkJourney journey, GraphContractServer graph, String connect, String shot) {
		journey.consent(connect, graph.authorizationUri(), shot + "-1-facebook-login", "Continue");
		journey.backAt("/connections/facebook/choose/.*", shot + "-1-failed", "Facebook", graph::violations);
		journey.browser().screenshot(shot + "-2-choose-the-page");
	}

	/** Breaks the length rule and reads {@code why} in the page's language, fixes the text, posts now, sees the link. */
	private static void publish(NetworkJourney journey, String account, String shot, String why) {
		journey.compose(account);
		journey.breakRule("a".repeat(63_207), "63207 / 63206", why, shot + "-3-over-the-limit");
		journey.fixed("Fournée du matin : pain au levain, baguettes, croissants.");
		journey.publishNow("https://www.facebook.com/", shot + "-4-published");
	}
}
