package io.vitrine.identity.security;

import io.vitrine.testsupport.People;
import io.vitrine.testsupport.SettableClock;
import io.vitrine.testsupport.WebContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebContract
abstract class SignInContract {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	SettableClock clock;

	People people;

	@BeforeEach
	void setUp() {
		people = new People(context, mvc);
	}

	@Test
	void signs_in_with_the_right_password_and_reaches_the_api_with_the_session() throws Exception {
		People.Person alice = people.person("Alice");
		MvcResult result = mvc.perform(attempt(alice.email().toUpperCase(), People.PASSWORD, "10.1.0.1"))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
		mvc.perform(get("/api/v1/me").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(alice.email())));
	}

	@Test
	void refuses_a_wrong_password_and_an_unknown_email_alike() throws Exception {
		People.Person bob = people.person("Bob");
		mvc.perform(attempt(bob.email(), "not the password at all", "10.1.0.2")).andExpect(redirectedUrl("/login?error"));
		mvc.perform(attempt("nobody-" + UUID.randomUUID() + "@example.com", People.PASSWORD, "10.1.0.2"))
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(get("/login").param("error", ""))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Wrong e-mail or password.")));
	}

	@Test
	void throttles_an_email_after_five_failures_even_with_the_right_password_then_lets_it_in_after_the_delay()
			throws Exception {
		People.Person carol = people.person("Carol");
		for (int i = 0; i < 5; i++) {
			mvc.perform(attempt(carol.email(), "wrong password " + i, "10.2.0." + i)).andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(attempt(carol.email(), People.PASSWORD, "10.2.0.9")).andExpect(redirectedUrl("/login?throttled=30"));
		clock.advance(Duration.ofSeconds(29));
		mvc.perform(attempt(carol.email(), People.PASSWORD, "10.2.0.9")).andExpect(redirectedUrl("/login?throttled=1"));
		clock.advance(Duration.ofSeconds(2));
		mvc.perform(attempt(carol.email(), People.PASSWORD, "10.2.0.9")).andExpect(redirectedUrl("/"));
	}

	@Test
	void doubles_the_delay_with_each_further_failure() throws Exception {
		People.Person dan = people.person("Dan");
		for (int i = 0; i < 5; i++) {
			mvc.perform(attempt(dan.email(), "wrong password " + i, "10.3.0.1")).andExpect(redirectedUrl("/login?error"));
		}
		clock.advance(Duration.ofSeconds(31));
		mvc.perform(attempt(dan.email(), "still wrong", "10.3.0.1")).andExpect(redirectedUrl("/login?error"));
		mvc.perform(attempt(dan.email(), People.PASSWORD, "10.3.0.1")).andExpect(redirectedUrl("/login?throttled=60"));
		clock.advance(Duration.ofSeconds(61));
		mvc.perform(attempt(dan.email(), People.PASSWORD, "10.3.0.1")).andExpect(redirectedUrl("/"));
	}

	@Test
	void throttles_an_address_that_guesses_many_accounts() throws Exception {
		String address = "10.4.0.1";
		for (int i = 0; i < 20; i++) {
			mvc.perform(attempt("guess-" + i + "-" + UUID.randomUUID() + "@example.com", "wrong password", address))
				.andExpect(redirectedUrl("/login?error"));
		}
		People.Person erin = people.person("Erin");
		mvc.perform(attempt(erin.email(), People.PASSWORD, address)).andExpect(redirectedUrl("/login?throttled=30"));
		mvc.perform(attempt(erin.email(), People.PASSWORD, "10.4.0.2")).andExpect(redirectedUrl("/"));
	}

	@Test
	void a_successful_sign_in_clears_the_failures_of_that_email() throws Exception {
		People.Person fay = people.person("Fay");
		for (int i = 0; i < 4; i++) {
			mvc.perform(attempt(fay.email(), "wrong password " + i, "10.5.0.1")).andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(attempt(fay.email(), People.PASSWORD, "10.5.0.1")).andExpect(redirectedUrl("/"));
		mvc.perform(attempt(fay.email(), "one more typo", "10.5.0.1")).andExpect(redirectedUrl("/login?error"));
		mvc.perform(attempt(fay.email(), People.PASSWORD, "10.5.0.1")).andExpect(redirectedUrl("/"));
	}

	@Test
	void the_sign_in_page_says_how_long_to_wait_in_the_chosen_language() throws Exception {
		mvc.perform(get("/login").param("throttled", "30").param("lang", "fr"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Attendez 30 secondes")));
	}

	@Test
	void refuses_a_sign_in_form_posted_without_the_csrf_token() throws Exception {
		People.Person gus = people.person("Gus");
		mvc.perform(post("/login").param("email", gus.email()).param("password", People.PASSWORD))
			.andExpect(status().isForbidden());
	}

	@Test
	void refuses_any_page_form_posted_without_the_csrf_token() throws Exception {
		People.Person hana = people.person("Hana");
		MockHttpSession session = people.signIn(hana);
		var workspace = people.workspace(hana, "Hana's brand");
		mvc.perform(post("/w/" + workspace.id() + "/settings").session(session).param("name", "Renamed").param("timeZone", "UTC"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/workspaces/new").session(session).param("name", "New").param("timeZone", "UTC"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/w/" + workspace.id() + "/settings").session(session).with(csrf())
			.param("name", "Renamed")
			.param("timeZone", "UTC")).andExpect(status().is3xxRedirection());
	}

	@Test
	void signing_out_ends_the_session() throws Exception {
		MockHttpSession session = people.signIn(people.person("Ivy"));
		mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?signedOut"));
		mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isUnauthorized());
	}

	@Test
	void sends_a_signed_out_visitor_of_a_page_to_the_sign_in_page() throws Exception {
		mvc.perform(get("/account/tokens").accept("text/html")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void tells_htmx_to_load_the_sign_in_page_when_the_session_is_gone() throws Exception {
		mvc.perform(get("/account/tokens").header("HX-Request", "true"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/login"));
	}

	@Test
	void pages_carry_security_headers() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")));
	}

	private static MockHttpServletRequestBuilder attempt(String email, String password, String address) {
		return post("/login").param("email", email).param("password", password).with(csrf()).with(request -> {
			request.setRemoteAddr(address);
			return request;
		});
	}
}
