package io.vitrine.web;

import io.vitrine.testsupport.OnH2;
import io.vitrine.testsupport.People;
import io.vitrine.testsupport.WebContract;
import io.vitrine.workspaces.WorkspaceSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Walks every operation of the published OpenAPI description (so routes added later are covered
 * without touching this test) and sends it bad input: malformed JSON, each body property with a
 * value of the wrong type, each typed query or path parameter with garbage. Every answer must be
 * 400 or 422 naming the field — never a 500, never a success.
 */
@WebContract
class ApiBadInputTest implements OnH2 {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	private final ObjectMapper json = new ObjectMapper();

	private String token;

	private UUID workspace;

	@BeforeEach
	void signIn() {
		People people = new People(context, mvc);
		People.Person owner = people.person("Owner");
		WorkspaceSummary summary = people.workspace(owner, "Bad input");
		workspace = summary.id();
		token = people.token(owner);
	}

	@Test
	void every_api_operation_answers_bad_input_with_400_or_422_naming_the_field_never_500() throws Exception {
		JsonNode spec = json.readTree(mvc.perform(get("/api/v1/openapi.json")).andReturn().getResponse().getContentAsString());
		List<String> failures = new ArrayList<>();
		int probes = 0;
		for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
				String method = op.getKey().toUpperCase();
				JsonNode operation = op.getValue();
				JsonNode bodySchema = resolve(spec, operation.path("requestBody").path("content").path("application/json").path("schema"));
				if (!bodySchema.isMissingNode()) {
					probes++;
					check(failures, method, path.getKey(), "body", sendJson(method, path.getKey(), "{\"unterminated", Map.of()));
					for (Map.Entry<String, JsonNode> property : bodySchema.path("properties").properties()) {
						String wrong = wrongValue(resolve(spec, property.getValue()));
						probes++;
						check(failures, method, path.getKey(), property.getKey(),
								sendJson(method, path.getKey(), "{\"" + property.getKey() + "\":" + wrong + "}", Map.of()));
					}
				}
				for (JsonNode parameter : operation.path("parameters")) {
					String in = parameter.path("in").asString();
					JsonNode schema = resolve(spec, parameter.path("schema"));
					boolean typed = schema.path("type").asString().equals("integer") || "uuid".equals(schema.path("format").asString());
					if (!typed || !(in.equals("query") || in.equals("path")) || parameter.path("name").asString().equals("workspaceId")) {
						continue;
					}
					probes++;
					String name = parameter.path("name").asString();
					MockHttpServletResponse response = in.equals("query")
							? sendJson(method, path.getKey(), "{}", Map.of(name, "not-a-" + schema.path("type").asString()))
							: send(request(org.springframework.http.HttpMethod.valueOf(method), url(path.getKey(), name, "not-a-uuid"))
								.contentType(MediaType.APPLICATION_JSON).content("{}"));
					check(failures, method, path.getKey(), name, response);
				}
			}
		}
		assertThat(probes).as("operations probed").isGreaterThan(20);
		assertThat(failures).isEmpty();
	}

	private void check(List<String> failures, String method, String path, String field, MockHttpServletResponse response)
			throws Exception {
		int status = response.getStatus();
		String body = response.getContentAsString();
		if (status != 400 && status != 422) {
			failures.add(method + " " + path + " with bad " + field + " answered " + status + ": " + body);
			return;
		}
		JsonNode errors = json.readTree(body).path("errors");
		boolean named = false;
		for (JsonNode error : errors) {
			named |= error.path("field").asString().startsWith(field) && !error.path("rule").asString().isBlank();
		}
		if (!named) {
			failures.add(method + " " + path + " with bad " + field + " did not name it: " + body);
		}
	}

	private MockHttpServletResponse sendJson(String method, String path, String body, Map<String, String> query)
			throws Exception {
		MockHttpServletRequestBuilder builder = request(org.springframework.http.HttpMethod.valueOf(method), url(path, null, null))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		query.forEach(builder::queryParam);
		return send(builder);
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder builder) throws Exception {
		return mvc.perform(builder.header("Authorization", "Bearer " + token).accept(MediaType.APPLICATION_JSON))
			.andReturn()
			.getResponse();
	}

	/** Path variables get real-looking values (random ids; this workspace), except the one under test. */
	private String url(String template, String broken, String brokenValue) {
		String url = template.replace("{workspaceId}", workspace.toString());
		if (broken != null) {
			url = url.replace("{" + broken + "}", brokenValue);
		}
		return url.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
	}

	private static String wrongValue(JsonNode schema) {
		return switch (schema.path("type").asString()) {
			case "array" -> "\"not-an-array\"";
			case "integer", "number" -> "\"not-a-number\"";
			case "boolean" -> "\"not-a-boolean\"";
			case "object" -> "\"not-an-object\"";
			default -> "{\"not\":\"a string\"}";
		};
	}

	private static JsonNode resolve(JsonNode spec, JsonNode schema) {
		String ref = schema.path("$ref").asString();
		if (ref.isEmpty()) {
			return schema;
		}
		JsonNode node = spec;
		for (String part : ref.replaceFirst("^#/", "").split("/")) {
			node = node.path(part);
		}
		return node;
	}
}
