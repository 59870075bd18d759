package io.vitrine.testsupport;

import io.vitrine.networks.Connections;
import io.vitrine.workspaces.Role;
import io.vitrine.workspaces.WorkspaceSummary;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.net.URI;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What every network's connect contract starts from (an owner signed up, with a workspace) and the walk it repeats:
 * sign-in, the connect button that sends the browser to the network's consent page on a local API server, and the
 * network's redirect back to Vitrine's callback. Each network's contract keeps its own assertions on the way.
 */
public abstract class OAuthConnectContract {

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected ApplicationContext context;

	@Autowired
	protected Connections connections;

	@Value("${vitrine.base-url}")
	protected String baseUrl;

	protected People people;

	protected WorkspaceSummary workspace;

	protected People.Person owner;

	@BeforeEach
	void anOwnerWithAWorkspace() {
		people = new People(context, mvc);
		owner = people.person("Olga Owner");
		workspace = people.workspace(owner, "Brand");
	}

	/** Another person who joins the workspace with a role. */
	protected People.Person joins(String name, Role role) {
		People.Person person = people.person(name);
		people.join(workspace, person, role);
		return person;
	}

	/** The workspace's connections page. */
	protected String page() {
		return "/w/" + workspace.id() + "/connections";
	}

	/** A request from a signed-in browser, with its CSRF token. */
	protected ResultActions browse(MockHttpSession session, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.session(session).with(csrf()));
	}

	/** A REST call with the person's API token. */
	protected ResultActions call(People.Person person, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + people.token(person)));
	}

	/** The connections page, in a signed-in browser, offers the network's connect button. */
	protected void offersToConnect(MockHttpSession browser, String network) throws Exception {
		String html = browse(browser, get(page())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("action=\"/w/" + workspace.id() + "/connections/" + network + "/authorize\"");
	}

	/** Presses "Connect with …": the address of the network's authorization page Vitrine sends the browser to. */
	protected String authorize(MockHttpSession browser, String network) throws Exception {
		return browse(browser, post(page() + "/" + network + "/authorize")).andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
	}

	/** The network sends the browser back to Vitrine's callback, given as the URL it redirects to. */
	protected ResultActions back(MockHttpSession browser, String callbackUrl) throws Exception {
		URI uri = URI.create(callbackUrl);
		return mvc.perform(get(uri.getPath() + "?" + uri.getRawQuery()).session(browser));
	}

	/**
	 * The whole walk: connect, consent on the network ({@code approve} turns its authorization URL into the callback
	 * URL), back to Vitrine; returns where Vitrine then sends the browser.
	 */
	protected String signInOn(MockHttpSession browser, String network, UnaryOperator<String> approve) throws Exception {
		return comeBack(browser, approve.apply(authorize(browser, network)));
	}

	/** {@link #back}, which redirects: returns where to. */
	protected String comeBack(MockHttpSession browser, String callbackUrl) throws Exception {
		return back(browser, callbackUrl).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
	}

	/** {@link #signInOn} for a network whose accounts are chosen next: returns the address of that choice. */
	protected String signInToChoose(MockHttpSession browser, String network, UnaryOperator<String> approve) throws Exception {
		String choice = signInOn(browser, network, approve);
		assertThat(choice).matches("/w/" + workspace.id() + "/connections/" + network + "/choose/[A-Za-z0-9_-]{43}");
		return choice;
	}
}
