package io.vitrine.networks.instagram;

import io.vitrine.media.MediaItem;
import io.vitrine.media.MediaLibrary;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.medialinks.PublicMediaLinks;
import io.vitrine.testsupport.OAuthConnectContract;
import io.vitrine.testsupport.RequestBodies;
import io.vitrine.testsupport.SettableClock;
import io.vitrine.testsupport.WebContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Connecting Instagram professional accounts: Facebook Login, then the shared choice among the Instagram accounts
 * of the person's Pages, on a local Graph API; and the public media link Instagram fetches a post's image from.
 */
@WebContract
abstract class InstagramConnectContract extends OAuthConnectContract {

	static final InstagramGraphServer GRAPH = new InstagramGraphServer(Clock.systemUTC());

	@DynamicPropertySource
	static void instagram(DynamicPropertyRegistry registry) {
		registry.add("vitrine.networks.instagram.client-id", () -> InstagramGraphServer.APP_ID);
		registry.add("vitrine.networks.instagram.client-secret", () -> InstagramGraphServer.APP_SECRET);
		registry.add("vitrine.networks.instagram.authorization-uri", GRAPH::authorizationUri);
		registry.add("vitrine.networks.instagram.graph-url", GRAPH::url);
	}

	@Autowired
	MediaLibrary library;

	@Autowired
	PublicMediaLinks links;

	@Autowired
	SettableClock clock;

	@AfterEach
	void noViolations() {
		assertThat(GRAPH.violations()).as("requests outside Meta's documentation").isEmpty();
	}

	@Test
	void connects_the_instagram_accounts_chosen_after_facebook_login_each_with_its_page_token() throws Exception {
		MockHttpSession browser = people.signIn(owner);
		String authorizeUrl = authorize(browser, "instagram");
		Map<String, String> query = RequestBodies.query(URI.create(authorizeUrl).getRawQuery());
		assertThat(query).containsEntry("redirect_uri", baseUrl + "/connections/instagram/callback")
			.containsEntry("client_id", InstagramGraphServer.APP_ID);

		String choice = comeBack(browser, GRAPH.approve(authorizeUrl));
		String form = browse(browser, get(choice)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(form).contains("Choose the Instagram accounts to connect").contains(InstagramGraphServer.USERNAME)
			.contains(InstagramGraphServer.OTHER_USERNAME).doesNotContain("Page without Instagram").doesNotContainPattern("EAA[PUL][0-9]");

		browse(browser, post(choice).param("accounts", InstagramGraphServer.IG_USER_ID))
			.andExpect(redirectedUrl(page()))
			.andExpect(flash().attribute("notice", "boulangerie.martin is connected."));

		List<ConnectionView> saved = connections.list(workspace.id());
		assertThat(saved).singleElement().satisfies(c -> {
			assertThat(c.network().value()).isEqualTo("instagram");
			assertThat(c.limits().maxCharacters()).isEqualTo(2_200);
		});
		assertThat(connections.openChannel(saved.getFirst().id()).credentials().require("accessToken")).startsWith("EAAP");
	}

	@Test
	void a_public_media_link_serves_the_file_to_anyone_for_a_day_and_nothing_else() throws Exception {
		MediaItem stored = library.store(workspace.id(), "pain.jpg", jpeg());
		PostVariant.Media media = PostVariant.Media.image(stored.id(), stored.contentType(), stored.sizeBytes(), stored.width(),
				stored.height(), null);
		String link = links.link(media);
		assertThat(link).startsWith(baseUrl + "/public/media/").doesNotContain(stored.id().toString());
		String path = URI.create(link).getPath();

		mvc.perform(get(path)).andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/jpeg"))
			.andExpect(content().bytes(library.content(stored.id())));
		String tampered = path.substring(0, path.length() - 2) + (path.endsWith("A") ? "BB" : "AA");
		mvc.perform(get(tampered)).andExpect(status().isNotFound());
		mvc.perform(get("/public/media/" + stored.id())).andExpect(status().isNotFound());

		clock.advance(PublicMediaLinks.LIFETIME.plus(Duration.ofSeconds(1)));
		try {
			mvc.perform(get(path)).andExpect(status().isNotFound());
		}
		finally {
			clock.advance(PublicMediaLinks.LIFETIME.plus(Duration.ofSeconds(1)).negated());
		}
	}

	private static byte[] jpeg() throws Exception {
		BufferedImage image = new BufferedImage(40, 50, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}
}
