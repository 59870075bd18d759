package io.vitrine.networks.x;

import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The official X API v2 description (../shared/contracts/x-api-v2-openapi.json), read in place:
 * which operations exist, their parameters, request bodies (field by field) and answers.
 */
final class XSpec {

	private static XSpec loaded;

	private final JsonNode root;

	private XSpec(JsonNode root) {
		this.root = root;
	}

	/** Skips the calling test, with the reason, when the shared contracts folder is not beside the project. */
	static synchronized XSpec load() {
		if (loaded == null) {
			Path file = shared().resolve("contracts/x-api-v2-openapi.json");
			Assumptions.assumeTrue(Files.isRegularFile(file),
					"X contract tests skipped: " + file + " is absent (the shared contracts folder is not beside the project)");
			loaded = new XSpec(JsonMapper.builder().build().readTree(file.toFile()));
		}
		return loaded;
	}

	static Path shared() {
		return Optional.ofNullable(Path.of(System.getProperty("user.dir")).getParent())
			.map(parent -> parent.resolve("shared"))
			.filter(Files::isDirectory)
			.orElse(Path.of("/work/shared"));
	}

	/** The operation for a concrete path such as /2/media/upload/123/append. */
	Optional<JsonNode> operation(String method, String path) {
		JsonNode paths = root.path("paths");
		String m = method.toLowerCase();
		if (paths.path(path).has(m)) {
			return Optional.of(paths.path(path).path(m));
		}
		for (Map.Entry<String, JsonNode> entry : paths.properties()) {
			String regex = Pattern.quote(entry.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
			if (path.matches(regex) && entry.getValue().has(m)) {
				return Optional.of(entry.getValue().path(m));
			}
		}
		return Optional.empty();
	}

	List<JsonNode> parameters(JsonNode operation, String in) {
		List<JsonNode> result = new ArrayList<>();
		for (JsonNode parameter : operation.path("parameters")) {
			JsonNode p = resolve(parameter);
			if (in.equals(p.path("in").asString(""))) {
				result.add(p);
			}
		}
		return result;
	}

	Set<String> requestContentTypes(JsonNode operation) {
		Set<String> types = new LinkedHashSet<>();
		operation.path("requestBody").path("content").propertyNames().forEach(types::add);
		return types;
	}

	JsonNode requestSchema(JsonNode operation, String contentType) {
		return resolve(operation.path("requestBody").path("content").path(contentType).path("schema"));
	}

	/** The operation's answer schema for a status (or its default), for a content type. */
	Optional<JsonNode> answerSchema(JsonNode operation, int status, String contentType) {
		JsonNode responses = operation.path("responses");
		JsonNode response = responses.has(Integer.toString(status)) ? responses.path(Integer.toString(status)) : responses.path("default");
		JsonNode schema = response.path("content").path(contentType).path("schema");
		return schema.isMissingNode() ? Optional.empty() : Optional.of(resolve(schema));
	}

	/** Whether the operation asks for an OAuth 2 user token with these scopes among its security options. */
	boolean acceptsUserToken(JsonNode operation) {
		for (JsonNode option : operation.path("security")) {
			if (option.has("OAuth2UserToken")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Problems of a value against a schema, field by field: required properties missing, properties
	 * the schema does not declare (X's schemas forbid additional properties), types, enums,
	 * patterns, array sizes. {@code where} names the place for the message.
	 */
	List<String> problems(JsonNode schema, JsonNode value, String where) {
		List<String> problems = new ArrayList<>();
		check(resolve(schema), value, where, problems);
		return problems;
	}

	private void check(JsonNode s, JsonNode value, String where, List<String> problems) {
		if (s.has("oneOf")) {
			List<String> best = null;
			for (JsonNode alternative : s.path("oneOf")) {
				List<String> attempt = problems(alternative, value, where);
				if (attempt.isEmpty()) {
					return;
				}
				best = best == null || attempt.size() < best.size() ? attempt : best;
			}
			problems.addAll(best == null ? List.of() : best);
			return;
		}
		if (s.has("anyOf")) {
			return; // media: base64 or binary, both strings
		}
		String type = s.path("type").asString(s.has("properties") ? "object" : "");
		switch (type) {
			case "object" -> {
				if (!value.isObject()) {
					problems.add(where + ": expected an object");
					return;
				}
				Set<String> declared = new HashSet<>();
				s.path("properties").propertyNames().forEach(declared::add);
				for (JsonNode required : s.path("required")) {
					if (!value.has(required.asString())) {
						problems.add(where + ": missing required '" + required.asString() + "'");
					}
				}
				for (String name : value.propertyNames()) {
					if (!declared.contains(name)) {
						if (!s.path("additionalProperties").asBoolean(true) || s.has("properties")) {
							problems.add(where + ": undeclared '" + name + "'");
						}
						continue;
					}
					check(resolve(s.path("properties").path(name)), value.path(name), where + "." + name, problems);
				}
			}
			case "array" -> {
				if (!value.isArray()) {
					problems.add(where + ": expected an array");
					return;
				}
				if (s.has("maxItems") && value.size() > s.path("maxItems").asInt()) {
					problems.add(where + ": more than " + s.path("maxItems").asInt() + " items");
				}
				if (s.has("minItems") && value.size() < s.path("minItems").asInt()) {
					problems.add(where + ": fewer than " + s.path("minItems").asInt() + " items");
				}
				int i = 0;
				for (JsonNode item : value) {
					check(resolve(s.path("items")), item, where + "[" + i++ + "]", problems);
				}
			}
			case "string" -> {
				if (!value.isString()) {
					problems.add(where + ": expected a string");
					return;
				}
				checkString(s, value.stringValue(), where, problems);
			}
			case "integer" -> {
				if (!value.isIntegralNumber()) {
					problems.add(where + ": expected an integer");
				}
			}
			case "boolean" -> {
				if (!value.isBoolean()) {
					problems.add(where + ": expected a boolean");
				}
			}
			default -> {
			}
		}
	}

	/** A string value (JSON, a multipart text field or a query value) against its schema. */
	void checkString(JsonNode schema, String value, String where, List<String> problems) {
		JsonNode s = resolve(schema);
		if (s.has("enum")) {
			boolean listed = false;
			for (JsonNode allowed : s.path("enum")) {
				listed |= allowed.asString().equals(value);
			}
			if (!listed) {
				problems.add(where + ": '" + value + "' is not one of " + s.path("enum"));
			}
		}
		if (s.has("pattern") && !Pattern.compile(s.path("pattern").asString()).matcher(value).find()) {
			problems.add(where + ": '" + value + "' does not match " + s.path("pattern").asString());
		}
		if (s.has("maxLength") && value.codePointCount(0, value.length()) > s.path("maxLength").asInt()) {
			problems.add(where + ": longer than " + s.path("maxLength").asInt());
		}
		if ("date-time".equals(s.path("format").asString(""))) {
			try {
				java.time.OffsetDateTime.parse(value);
			}
			catch (java.time.format.DateTimeParseException e) {
				problems.add(where + ": '" + value + "' is not a date-time");
			}
		}
	}

	JsonNode schema(String name) {
		return root.path("components").path("schemas").path(name);
	}

	JsonNode resolve(JsonNode schema) {
		JsonNode s = schema;
		for (int i = 0; i < 10 && s.has("$ref"); i++) {
			s = root.at(s.path("$ref").asString().substring(1));
		}
		return s;
	}
}
