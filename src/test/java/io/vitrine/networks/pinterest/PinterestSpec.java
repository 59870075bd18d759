package io.vitrine.networks.pinterest;

import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The official Pinterest API v5 description (../shared/contracts/pinterest-v5-openapi.json), read in place:
 * which operations exist (paths relative to {@code /v5}), their parameters, request bodies field by field, and
 * answers. Understands what this description uses: $ref, allOf, oneOf with a discriminator, nullable.
 */
final class PinterestSpec {

	private static PinterestSpec loaded;

	private final JsonNode root;

	private PinterestSpec(JsonNode root) {
		this.root = root;
	}

	/** Skips the calling test, with the reason, when the shared contracts folder is not beside the project. */
	static synchronized PinterestSpec load() {
		if (loaded == null) {
			Path file = shared().resolve("contracts/pinterest-v5-openapi.json");
			Assumptions.assumeTrue(Files.isRegularFile(file), "Pinterest contract tests skipped: " + file
					+ " is absent (the shared contracts folder is not beside the project)");
			loaded = new PinterestSpec(JsonMapper.builder().build().readTree(file.toFile()));
		}
		return loaded;
	}

	private static Path shared() {
		return Optional.ofNullable(Path.of(System.getProperty("user.dir")).getParent())
			.map(parent -> parent.resolve("shared"))
			.filter(Files::isDirectory)
			.orElse(Path.of("/work/shared"));
	}

	/** The operation for a concrete path relative to /v5, such as /boards/123/pins. */
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

	/** The OAuth scopes the operation needs (its pinterest_oauth2 security option). */
	Set<String> scopes(JsonNode operation) {
		Set<String> scopes = new LinkedHashSet<>();
		for (JsonNode option : operation.path("security")) {
			option.path("pinterest_oauth2").forEach(scope -> scopes.add(scope.asString()));
		}
		return scopes;
	}

	JsonNode requestSchema(JsonNode operation, String contentType) {
		return resolve(operation.path("requestBody").path("content").path(contentType).path("schema"));
	}

	/** The operation's answer schema for a status (or its default). */
	Optional<JsonNode> answerSchema(JsonNode operation, int status) {
		JsonNode responses = operation.path("responses");
		JsonNode response = responses.has(Integer.toString(status)) ? responses.path(Integer.toString(status))
				: responses.path("default");
		JsonNode schema = response.path("content").path("application/json").path("schema");
		return schema.isMissingNode() ? Optional.empty() : Optional.of(resolve(schema));
	}

	JsonNode schema(String name) {
		return root.path("components").path("schemas").path(name);
	}

	/** Problems of a value against a schema, field by field; {@code where} names the place for the message. */
	List<String> problems(JsonNode schema, JsonNode value, String where) {
		List<String> problems = new ArrayList<>();
		check(resolve(schema), value, where, problems);
		return problems;
	}

	private void check(JsonNode s, JsonNode value, String where, List<String> problems) {
		if (value.isNull()) {
			if (!s.path("nullable").asBoolean(false)) {
				problems.add(where + ": null where the description does not allow it");
			}
			return;
		}
		if (s.has("discriminator") && s.has("oneOf")) {
			String kind = value.path(s.path("discriminator").path("propertyName").asString()).asString("");
			JsonNode target = s.path("discriminator").path("mapping").path(kind);
			if (target.isMissingNode()) {
				problems.add(where + ": '" + kind + "' is not one of " + s.path("discriminator").path("mapping").propertyNames());
				return;
			}
			check(resolve(root.at(target.asString().substring(1))), value, where, problems);
			return;
		}
		for (JsonNode part : s.path("allOf")) {
			checkShallow(resolve(part), value, where, problems);
		}
		checkShallow(s, value, where, problems);
		if (value.isObject()) {
			Set<String> declared = declared(s);
			for (String name : value.propertyNames()) {
				if (!declared.isEmpty() && !declared.contains(name)) {
					problems.add(where + ": undeclared '" + name + "'");
				}
			}
		}
	}

	/** Properties declared by a schema and its allOf parts. */
	private Set<String> declared(JsonNode s) {
		Set<String> names = new LinkedHashSet<>();
		s.path("properties").propertyNames().forEach(names::add);
		for (JsonNode part : s.path("allOf")) {
			names.addAll(declared(resolve(part)));
		}
		return names;
	}

	private void checkShallow(JsonNode s, JsonNode value, String where, List<String> problems) {
		String type = s.path("type").asString(s.has("properties") ? "object" : "");
		switch (type) {
			case "object" -> {
				if (!value.isObject()) {
					problems.add(where + ": expected an object");
					return;
				}
				for (JsonNode required : s.path("required")) {
					if (!value.has(required.asString())) {
						problems.add(where + ": missing required '" + required.asString() + "'");
					}
				}
				for (String name : value.propertyNames()) {
					JsonNode property = s.path("properties").path(name);
					if (!property.isMissingNode()) {
						check(resolve(property), value.path(name), where + "." + name, problems);
					}
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

	/** A string value (JSON, a form field or a query value) against its schema. */
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
			problems.add(where + ": '" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "' does not match "
					+ s.path("pattern").asString());
		}
		if (s.has("maxLength") && value.codePointCount(0, value.length()) > s.path("maxLength").asInt()) {
			problems.add(where + ": longer than " + s.path("maxLength").asInt());
		}
		if ("integer".equals(s.path("type").asString(""))) {
			if (!value.matches("-?\\d{1,9}")) {
				problems.add(where + ": '" + value + "' is not an integer");
			}
			else {
				int n = Integer.parseInt(value);
				if (s.has("minimum") && n < s.path("minimum").asInt() || s.has("maximum") && n > s.path("maximum").asInt()) {
					problems.add(where + ": " + n + " is out of range");
				}
			}
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

	JsonNode resolve(JsonNode schema) {
		JsonNode s = schema;
		for (int i = 0; i < 10 && s.has("$ref"); i++) {
			s = root.at(s.path("$ref").asString().substring(1));
		}
		return s;
	}
}
