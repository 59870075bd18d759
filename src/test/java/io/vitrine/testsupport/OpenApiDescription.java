package io.vitrine.testsupport;

import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A network's official OpenAPI description (under ../shared/contracts), read in place: its operations, parameters,
 * request and answer schemas, and the field-by-field check of a value against a schema that its local API server
 * runs on every request. How objects are checked (what counts as an undeclared property, oneOf, allOf) differs
 * from one description to another, so each network's description says it.
 */
public abstract class OpenApiDescription {

	protected final JsonNode root;

	protected OpenApiDescription(JsonNode root) {
		this.root = root;
	}

	/** Reads a description; skips the calling test, with the reason, when the shared contracts folder is not beside the project. */
	protected static JsonNode read(String file, String network) {
		Path path = shared().resolve("contracts/" + file);
		Assumptions.assumeTrue(Files.isRegularFile(path), network + " contract tests skipped: " + path
				+ " is absent (the shared contracts folder is not beside the project)");
		return JsonMapper.builder().build().readTree(path.toFile());
	}

	public static Path shared() {
		return Optional.ofNullable(Path.of(System.getProperty("user.dir")).getParent())
			.map(parent -> parent.resolve("shared"))
			.filter(Files::isDirectory)
			.orElse(Path.of("/work/shared"));
	}

	/** The operation for a concrete path, its {@code {parameters}} filled in. */
	public Optional<JsonNode> operation(String method, String path) {
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

	public List<JsonNode> parameters(JsonNode operation, String in) {
		List<JsonNode> result = new ArrayList<>();
		for (JsonNode parameter : operation.path("parameters")) {
			JsonNode p = resolve(parameter);
			if (in.equals(p.path("in").asString(""))) {
				result.add(p);
			}
		}
		return result;
	}

	public JsonNode requestSchema(JsonNode operation, String contentType) {
		return resolve(operation.path("requestBody").path("content").path(contentType).path("schema"));
	}

	/** The operation's answer schema for a status (or its default), for a content type. */
	public Optional<JsonNode> answerSchema(JsonNode operation, int status, String contentType) {
		JsonNode responses = operation.path("responses");
		JsonNode response = responses.has(Integer.toString(status)) ? responses.path(Integer.toString(status))
				: responses.path("default");
		JsonNode schema = response.path("content").path(contentType).path("schema");
		return schema.isMissingNode() ? Optional.empty() : Optional.of(resolve(schema));
	}

	public JsonNode schema(String name) {
		return root.path("components").path("schemas").path(name);
	}

	public JsonNode resolve(JsonNode schema) {
		JsonNode s = schema;
		for (int i = 0; i < 10 && s.has("$ref"); i++) {
			s = root.at(s.path("$ref").asString().substring(1));
		}
		return s;
	}

	/** Problems of a value against a schema, field by field; {@code where} names the place for the message. */
	public List<String> problems(JsonNode schema, JsonNode value, String where) {
		List<String> problems = new ArrayList<>();
		check(resolve(schema), value, where, problems);
		return problems;
	}

	/** Checks a value against a resolved schema, adding what is wrong to {@code problems}. */
	protected abstract void check(JsonNode s, JsonNode value, String where, List<String> problems);

	/** The properties of an object (its required ones are already checked): which may be there, and each value. */
	protected abstract void checkProperties(JsonNode s, JsonNode value, String where, List<String> problems);

	/** Checks a value against the schema's own type, without its oneOf, anyOf or allOf. */
	protected void checkType(JsonNode s, JsonNode value, String where, List<String> problems) {
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
				checkProperties(s, value, where, problems);
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

	/** A string value (JSON, a form or multipart field, or a query value) against its schema. */
	public void checkString(JsonNode schema, String value, String where, List<String> problems) {
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
			problems.add(where + ": '" + shown(value) + "' does not match " + s.path("pattern").asString());
		}
		if (s.has("maxLength") && value.codePointCount(0, value.length()) > s.path("maxLength").asInt()) {
			problems.add(where + ": longer than " + s.path("maxLength").asInt());
		}
		checkStringFormat(s, value, where, problems);
		if ("date-time".equals(s.path("format").asString(""))) {
			try {
				java.time.OffsetDateTime.parse(value);
			}
			catch (java.time.format.DateTimeParseException e) {
				problems.add(where + ": '" + value + "' is not a date-time");
			}
		}
	}

	/** More rules for a string value, where a description needs them (after its length, before its date-time format). */
	protected void checkStringFormat(JsonNode s, String value, String where, List<String> problems) {
	}

	/** A value as a problem's message quotes it. */
	protected String shown(String value) {
		return value;
	}
}
