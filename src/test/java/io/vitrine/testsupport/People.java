package io.vitrine.testsupport;

import io.vitrine.identity.Accounts;
import io.vitrine.identity.CurrentUser;
import io.vitrine.identity.tokens.ApiTokens;
import io.vitrine.workspaces.Role;
import io.vitrine.workspaces.WorkspaceSummary;
import io.vitrine.workspaces.store.WorkspaceStore;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Test people and workspaces, made through the real application beans, with a unique e-mail each
 * so that tests sharing a context (and its database) never collide.
 */
public final class People {

	public static final String PASSWORD = "a long enough password";

	/** Someone who can sign in (with {@link #PASSWORD}). */
	public record Person(CurrentUser user, String email) {

		public UUID id() {
			return user.id();
		}
	}

	private final Accounts accounts;

	private final WorkspaceStore workspaces;

	private final ApiTokens tokens;

	private final MockMvc mvc;

	public People(ApplicationContext context, MockMvc mvc) {
		this.accounts = context.getBean(Accounts.class);
		this.tokens = context.getBean(ApiTokens.class);
		this.workspaces = context.getBean(WorkspaceStore.class);
		this.mvc = mvc;
	}

	public Person person(String name) {
		String email = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + "-"
				+ UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		return new Person(accounts.create(email, name, PASSWORD, Locale.ENGLISH), email);
	}

	/** A workspace owned by {@code owner}, named with a unique suffix. */
	public WorkspaceSummary workspace(Person owner, String name) {
		return workspaces.create(owner.id(), name + " " + UUID.randomUUID().toString().substring(0, 8),
				ZoneId.of("Europe/Paris"));
	}

	public void join(WorkspaceSummary workspace, Person person, Role role) {
		workspaces.addMember(workspace.id(), person.id(), role);
	}

	/** A new personal API token of the person, for {@code Authorization: Bearer}. */
	public String token(Person person) {
		return tokens.create(person.user(), "test").secret();
	}

	/** Signs in through the real sign-in form and returns the browser session. */
	public MockHttpSession signIn(Person person) throws Exception {
		MvcResult result = mvc.perform(post("/login").param("email", person.email()).param("password", PASSWORD).with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).as("sign-in of " + person.email()).isEqualTo("/");
		return (MockHttpSession) result.getRequest().getSession(false);
	}
}
