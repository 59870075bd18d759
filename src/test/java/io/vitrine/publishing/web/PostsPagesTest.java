package io.vitrine.publishing.web;

import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.NewConnection;
import io.vitrine.publishing.PostView;
import io.vitrine.publishing.TargetState;
import io.vitrine.publishing.internal.Targets;
import io.vitrine.testsupport.OnH2;
import io.vitrine.testsupport.People;
import io.vitrine.testsupport.WebContract;
import io.vitrine.workspaces.WorkspaceSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Map;

import static io.vitrine.testsupport.LayoutAssertions.assertInLayout;
import static io.vitrine.testsupport.LayoutAssertions.assertWorkspaceNav;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The composer and the posts list, in a signed-in browser session, through the real security chain. */
@WebContract
class PostsPagesTest implements OnH2 {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Connections connections;

	@Autowired
	Targets targets;

	private People.Person owner;

	private WorkspaceSummary workspace;

	private ConnectionView account;

	private MockHttpSession browser;

	@BeforeEach
	void setUp() throws Exception {
		People people = new People(context, mvc);
		owner = people.person("Olga Owner");
		workspace = people.workspace(owner, "Bakery");
		account = connections.connect(workspace.id(), new NewConnection(new NetworkId("mastodon"), "https://bakery.example",
				"7", "@olga@bakery.example", "Olga", new NetworkLimits(50, 0, 23, 4, 8_000_000, 1500),
				new Credentials(Map.of("accessToken", "token"))));
		browser = people.signIn(owner);
	}

	@Test
	void a_draft_saved_in_the_composer_is_listed_and_published_now_from_the_list() throws Exception {
		String composer = mvc.perform(get("/w/" + workspace.id() + "/compose").session(browser))
			.andReturn().getResponse().getContentAsString();
		assertInLayout(composer, owner);
		assertWorkspaceNav(composer, workspace.id(), "compose");
		assertThat(composer).contains("@olga@bakery.example");

		String location = mvc.perform(multipart("/w/" + workspace.id() + "/compose").session(browser).with(csrf())
				.param("accounts", account.id().toString())
				.param("text", "Croissants at seven")
				.param("publish", "draft"))
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(location).isEqualTo("/w/" + workspace.id() + "/posts");

		String list = mvc.perform(get(location).session(browser)).andReturn().getResponse().getContentAsString();
		assertInLayout(list, owner);
		assertThat(list).contains("Croissants at seven").contains("data-state=\"draft\"");
		PostView post = targets.posts(workspace.id(), null, 1).get(0);

		mvc.perform(post("/w/" + workspace.id() + "/posts/" + post.id() + "/publish-now").session(browser).with(csrf()));

		assertThat(targets.post(workspace.id(), post.id()).orElseThrow().targets().get(0).state())
			.isEqualTo(TargetState.SCHEDULED);
	}

	@Test
	void a_text_over_the_instance_limit_is_refused_on_the_page_naming_the_network_and_the_account() throws Exception {
		String page = mvc.perform(multipart("/w/" + workspace.id() + "/compose").session(browser).with(csrf())
				.param("accounts", account.id().toString())
				.param("text", "x".repeat(51))
				.param("publish", "now"))
			.andReturn().getResponse().getContentAsString();

		assertInLayout(page, owner);
		assertThat(page).contains("data-field=\"targets[0].text\"").contains("Mastodon (@olga@bakery.example)");
		assertThat(targets.posts(workspace.id(), null, 10)).isEmpty();
	}

	@Test
	void the_live_check_counts_as_the_network_does() throws Exception {
		String fragment = mvc.perform(post("/w/" + workspace.id() + "/compose/check").session(browser).with(csrf())
				.param("accounts", account.id().toString())
				.param("text", "See https://example.com/a/very/long/path/that/mastodon/counts/as/23"))
			.andReturn().getResponse().getContentAsString();

		assertThat(fragment).contains("27 / 50");
	}
}
