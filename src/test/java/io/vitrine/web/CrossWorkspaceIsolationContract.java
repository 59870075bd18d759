package io.vitrine.web;

import io.vitrine.testsupport.IsolationFixtures;
import io.vitrine.testsupport.People;
import io.vitrine.testsupport.WebContract;
import io.vitrine.workspaces.Role;
import io.vitrine.workspaces.WorkspaceSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.NameValueExpression;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A member of workspace A can neither read nor change anything of workspace B, on any route —
 * including routes added later: they are enumerated from Spring MVC's RequestMappingHandlerMapping,
 * never listed by hand. Path variables get B's ids: {workspaceId} is B's workspace, other variables
 * come from {@link IsolationFixtures} implementations (see that interface to register yours), else
 * a random UUID. API routes are called with A's API token and with A's browser session, pages with
 * A's session; every write carries a valid CSRF token so that CSRF cannot be what stops it.
 * <p>
 * Expected: 404 for every {workspaceId} route (never 403: a stranger must not learn the workspace
 * exists); 404, 403 or 405 for other routes with a path variable; never a 5xx; no name, e-mail or id
 * of B in any answer; and every row of B (in every table with a workspace_id column, plus B's owner
 * and tokens) unchanged at the end.
 */
@WebContract
abstract class CrossWorkspaceIsolationContract {

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\*?)([A-Za-z0-9_]+)(?::[^}]*)?}");

	private static final Set<Integer> REFUSED = Set.of(403, 404, 405);

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private People people;

	private People.Person alice;

	@Test
	void a_member_of_workspace_a_can_neither_read_nor_change_anything_of_workspace_b_on_any_route() throws Exception {
		people = new People(context, mvc);
		alice = people.person("Alice Ayme");
		WorkspaceSummary a = people.workspace(alice, "Alice's brand");
		String aliceToken = people.token(alice);
		People.Person bob = people.person("Bob Secretowner");
		WorkspaceSummary b = people.workspace(bob, "Bob's confidential brand");
		People.Person bea = people.person("Bea Secretmember");
		people.join(b, bea, Role.EDITOR);

		Map<String, String> ids = new HashMap<>();
		Map<String, String> publicByDesign = new HashMap<>();
		for (IsolationFixtures fixtures : fixtures()) {
			ids.putAll(fixtures.create(new IsolationFixtures.WorkspaceB(b.id(), bob.user())));
			publicByDesign.putAll(fixtures.publicByDesign());
		}
		Set<String> secrets = new TreeSet<>(List.of(b.name(), bob.email(), bob.user().displayName(), bea.email(),
				bea.user().displayName(), "B's secret launch", "b-secret-handle"));
		Set<String> secretIds = new TreeSet<>(ids.values());
		secretIds.addAll(List.of(b.id().toString(), bob.id().toString(), bea.id().toString()));
		String before = snapshot(b.id(), List.of(bob.id(), bea.id()));

		List<String> failures = new ArrayList<>();
		Set<String> walked = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			if (entry.getValue().getBeanType().getSimpleName().endsWith("ErrorController")) {
				continue; // /error renders the error of another request; called directly it has none
			}
			RequestMappingInfo info = entry.getKey();
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					String route = method + " " + pattern;
					walked.add(route);
					String path = fill(pattern, b.id(), ids);
					List<Call> calls = new ArrayList<>();
					if (pattern.startsWith("/api/")) {
						calls.add(new Call("token", request(info, method, path, true).header("Authorization", "Bearer " + aliceToken)));
					}
					calls.add(new Call("session", request(info, method, path, pattern.startsWith("/api/")).session(session())));
					for (Call call : calls) {
						MockHttpServletResponse response = mvc.perform(call.request().with(csrf())).andReturn().getResponse();
						judge(route, path, call.name(), response, publicByDesign.containsKey(route), secrets, secretIds)
							.ifPresent(failures::add);
					}
					if (pattern.contains("{workspaceId}") && VARIABLE.matcher(pattern.replace("{workspaceId}", "")).find()) {
						// The likelier attack: A's own workspace in the path, B's object id beside it.
						String own = fill(pattern, a.id(), ids);
						MockHttpServletResponse response = mvc
							.perform((pattern.startsWith("/api/")
									? request(info, method, own, true).header("Authorization", "Bearer " + aliceToken)
									: request(info, method, own, false).session(session())).with(csrf()))
							.andReturn()
							.getResponse();
						judgeOwnWorkspace(route, own, response, secrets).ifPresent(failures::add);
					}
				}
			}
		}

		assertThat(failures).as("routes that answered a member of A about workspace B").isEmpty();
		assertThat(snapshot(b.id(), List.of(bob.id(), bea.id()))).as("workspace B's rows after the walk").isEqualTo(before);
		assertThat(walked).as("the walk reached the known routes")
			.contains("GET /api/v1/workspaces/{workspaceId}", "PATCH /api/v1/workspaces/{workspaceId}",
					"DELETE /api/v1/workspaces/{workspaceId}/members/{userId}", "DELETE /api/v1/tokens/{tokenId}",
					"GET /w/{workspaceId}/members", "POST /w/{workspaceId}/settings");
		// The same ids do reach B's data for B's own owner, so the 404s above were isolation, not typos.
		MockHttpServletResponse own = mvc.perform(MockMvcRequestBuilders.get("/api/v1/workspaces/" + b.id() + "/members")
			.header("Authorization", "Bearer " + people.token(bob))).andReturn().getResponse();
		assertThat(own.getStatus()).isEqualTo(200);
		assertThat(own.getContentAsString()).contains(bea.email());
	}

	private record Call(String name, AbstractMockHttpServletRequestBuilder<?> request) {
	}

	private static java.util.Optional<String> judge(String route, String path, String caller,
			MockHttpServletResponse response, boolean publicByDesign, Set<String> secrets, Set<String> secretIds)
			throws Exception {
		int status = response.getStatus();
		String where = route + " as " + path + " with A's " + caller;
		if (status >= 500) {
			return java.util.Optional.of(where + " → " + status);
		}
		String answer = response.getContentAsString() + " " + response.getHeaderNames()
			.stream()
			.filter(h -> !h.equalsIgnoreCase("Set-Cookie"))
			.map(response::getHeaders)
			.toList();
		for (String secret : secrets) {
			if (answer.contains(secret)) {
				return java.util.Optional.of(where + " → " + status + " revealed '" + secret + "'");
			}
		}
		if (publicByDesign) {
			return java.util.Optional.empty();
		}
		boolean hasVariables = VARIABLE.matcher(route).find();
		if (route.contains("{workspaceId}") && status != 404) {
			return java.util.Optional.of(where + " → " + status + " (expected 404)");
		}
		if (hasVariables && !REFUSED.contains(status)) {
			return java.util.Optional.of(where + " → " + status + " (expected 404, 403 or 405)");
		}
		if (!hasVariables) {
			for (String id : secretIds) {
				if (answer.contains(id)) {
					return java.util.Optional.of(where + " → " + status + " revealed id " + id);
				}
			}
		}
		return java.util.Optional.empty();
	}

	/** B's object reached through A's own workspace must be refused like a missing one, revealing nothing. */
	private static java.util.Optional<String> judgeOwnWorkspace(String route, String path, MockHttpServletResponse response,
			Set<String> secrets) throws Exception {
		int status = response.getStatus();
		String where = route + " as " + path + " (A's workspace, B's object)";
		for (String secret : secrets) {
			if (response.getContentAsString().contains(secret)) {
				return java.util.Optional.of(where + " → " + status + " revealed '" + secret + "'");
			}
		}
		return Set.of(400, 404, 405, 422).contains(status) ? java.util.Optional.empty()
				: java.util.Optional.of(where + " → " + status + " (expected 404)");
	}

	private static String fill(String pattern, UUID workspaceB, Map<String, String> ids) {
		Matcher matcher = VARIABLE.matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(2);
			String value = "workspaceId".equals(name) ? workspaceB.toString()
					: ids.getOrDefault(name, UUID.randomUUID().toString());
			matcher.appendReplacement(path, Matcher.quoteReplacement(matcher.group(1).isEmpty() ? value : "/" + value));
		}
		matcher.appendTail(path);
		return path.toString().replace("/**", "/x").replace("/*", "/x");
	}

	/** A request the mapping accepts (content type, accept, required params and headers), with an empty body. */
	private static AbstractMockHttpServletRequestBuilder<?> request(RequestMappingInfo info, RequestMethod method, String path,
			boolean api) {
		HttpMethod http = HttpMethod.valueOf(method.name());
		Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
		MediaType body = consumes.isEmpty() ? (api ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_FORM_URLENCODED)
				: consumes.iterator().next();
		AbstractMockHttpServletRequestBuilder<?> request = MediaType.MULTIPART_FORM_DATA.includes(body)
				? MockMvcRequestBuilders.multipart(http, path) : MockMvcRequestBuilders.request(http, path);
		if (Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH).contains(http) && !MediaType.MULTIPART_FORM_DATA.includes(body)) {
			request.contentType(body).content(MediaType.APPLICATION_JSON.includes(body) ? "{}" : "");
		}
		Set<MediaType> produces = info.getProducesCondition().getProducibleMediaTypes();
		request.accept(produces.isEmpty() ? (api ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML) : produces.iterator().next());
		for (NameValueExpression<String> param : info.getParamsCondition().getExpressions()) {
			if (!param.isNegated()) {
				request.param(param.getName(), param.getValue() == null ? "x" : param.getValue());
			}
		}
		for (NameValueExpression<String> header : info.getHeadersCondition().getExpressions()) {
			if (!header.isNegated() && !header.getName().equalsIgnoreCase("Content-Type")
					&& !header.getName().equalsIgnoreCase("Accept")) {
				request.header(header.getName(), header.getValue() == null ? "x" : header.getValue());
			}
		}
		return request;
	}

	/** A fresh session per call: a route that signs A out must not turn the next routes' answers into redirects. */
	private MockHttpSession session() throws Exception {
		return people.signIn(alice);
	}

	private List<IsolationFixtures> fixtures() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(IsolationFixtures.class));
		List<IsolationFixtures> found = new ArrayList<>();
		for (var candidate : scanner.findCandidateComponents("io.vitrine")) {
			Class<?> type = Class.forName(candidate.getBeanClassName());
			found.add((IsolationFixtures) context.getAutowireCapableBeanFactory().createBean(type));
		}
		assertThat(found).as("fixtures found on the test classpath").isNotEmpty();
		return found;
	}

	/** Every row of workspace B, its people and their tokens, as text, to compare before and after. */
	private String snapshot(UUID workspace, List<UUID> people) {
		StringBuilder all = new StringBuilder();
		List<String> tables = jdbc.sql("""
				select distinct table_name from information_schema.columns
				where lower(column_name) = 'workspace_id' and table_schema = current_schema order by table_name""")
			.query(String.class)
			.list();
		for (String table : tables) {
			all.append(rows(table, "select * from " + table + " where workspace_id = ?", workspace));
		}
		all.append(rows("workspace", "select * from workspace where id = ?", workspace));
		for (UUID person : people) {
			all.append(rows("app_user", "select * from app_user where id = ?", person));
			all.append(rows("api_token", "select * from api_token where user_id = ?", person));
		}
		return all.toString();
	}

	private String rows(String table, String sql, UUID id) {
		List<String> rows = jdbc.sql(sql).param(id).query().listOfRows().stream().map(row -> {
			Map<String, String> sorted = new TreeMap<>();
			row.forEach((column, value) -> sorted.put(column.toLowerCase(),
					value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value)));
			return sorted.toString();
		}).sorted().toList();
		return table + "=" + rows + "\n";
	}
}
