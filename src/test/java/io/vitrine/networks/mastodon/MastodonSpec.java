package io.vitrine.networks.mastodon;

import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

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
 * The official Mastodon API description (../shared/contracts/mastodon-api-openapi.json), read in
 * place: which operations exist, what they require, and what their answers contain.
 */
final class MastodonSpec {

	private static MastodonSpec loaded;

	private final JsonNode root;

	private MastodonSpec(JsonNode root) {
		this.root = root;
	}

	/** Skips the calling test, with the reason, when the shared contracts folder is not next to the project. */
	static synchronized MastodonSpec load() {
		if (loaded == null) {
			Path shared = Optional.ofNullable(Path.of(System.getProperty("user.dir")).getParent())
				.map(parent -> parent.resolve("shared"))
				.filter(Files::isDirectory)
				.orElse(Path.of("/work/shared"));
			Path file = shared.resolve("contracts/mastodon-api-openapi.json");
			Assumptions.assumeTrue(Files.isRegularFile(file),
					"Mastodon contract tests skipped: " + file + " is absent (the shared contracts folder is not beside the project)");
			try {
				loaded = new MastodonSpec(JsonMapper.builder().build().readTree(file.toFile()));
			}
			catch (RuntimeException e) {
				throw new IllegalStateException("cannot read " + file, e);
			}
		}
		return loaded;
	}

	/** The operation for a concrete path such as /api/v1/media/123, or empty when the spec has none. */
	Optional<JsonNode> operation(String method, String path) {
		JsonNode paths = root.path("paths");
		JsonNode exact = paths.path(path).path(method.toLowerCase());
		if (!exact.isMissingNode()) {
			return Optional.of(exact);
		}
		for (Map.Entry<String, JsonNode> entry : paths.properties()) {
			String regex = Pattern.quote(entry.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
			if (path.matches(regex) && entry.getValue().has(method.toLowerCase())) {
				return Optional.of(entry.getValue().path(method.toLowerCase()));
			}
		}
		return Optional.empty();
	}

	List<JsonNode> parameters(JsonNode operation, String in) {
		List<JsonNode> result = new ArrayList<>();
		for (JsonNode parameter : operation.path("parameters")) {
			if (in.equals(parameter.path("in").asString(""))) {
				result.add(parameter);
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

	/** Problems of a body against a schema: missing required properties and properties the schema does not declare. */
	List<String> problems(JsonNode schema, Set<String> sent) {
		JsonNode s = resolve(schema);
		if (s.has("oneOf")) {
			List<String> best = null;
			for (JsonNode alternative : s.path("oneOf")) {
				List<String> problems = problems(alternative, sent);
				if (problems.isEmpty()) {
					return problems;
				}
				if (best == null || problems.size() < best.size()) {
					best = problems;
				}
			}
			return best == null ? List.of() : best;
		}
		Set<String> required = new HashSet<>();
		Set<String> declared = new HashSet<>();
		collect(s, required, declared);
		List<String> problems = new ArrayList<>();
		required.stream().filter(r -> !sent.contains(r)).sorted().forEach(r -> problems.add("missing required '" + r + "'"));
		sent.stream().filter(p -> !declared.contains(p)).sorted().forEach(p -> problems.add("undeclared '" + p + "'"));
		return problems;
	}

	private void collect(JsonNode schema, Set<String> required, Set<String> declared) {
		JsonNode s = resolve(schema);
		for (JsonNode part : s.path("allOf")) {
			collect(part, required, declared);
		}
		s.path("required").forEach(r -> required.add(r.asString()));
		s.path("properties").propertyNames().forEach(declared::add);
	}

	/** Required properties of a component schema missing from an answer (top level). */
	List<String> missingRequired(String schemaName, JsonNode answer) {
		List<String> missing = new ArrayList<>();
		for (JsonNode r : schema(schemaName).path("required")) {
			if (!answer.has(r.asString())) {
				missing.add(r.asString());
			}
		}
		return missing;
	}

	JsonNode schema(String name) {
		return root.path("components").path("schemas").path(name);
	}

	JsonNode example(String name) {
		return root.path("components").path("examples").path(name).path("value").deepCopy();
	}

	/** An object with every required property of the schema, filled with plain values of the right type. */
	ObjectNode skeleton(String schemaName) {
		return (ObjectNode) fill(schema(schemaName), 0);
	}

	private JsonNode fill(JsonNode schema, int depth) {
		JsonNode s = resolve(schema);
		JsonNodeFactory f = JsonNodeFactory.instance;
		String type = typeOf(s);
		switch (type) {
			case "object" -> {
				ObjectNode object = f.objectNode();
				if (depth < 4) {
					Set<String> required = new HashSet<>();
					Set<String> declared = new HashSet<>();
					collect(s, required, declared);
					JsonNode properties = s.path("properties");
					for (String name : required) {
						object.set(name, fill(properties.path(name), depth + 1));
					}
				}
				return object;
			}
			case "array" -> {
				ArrayNode array = f.arrayNode();
				return array;
			}
			case "integer", "number" -> {
				return f.numberNode(0);
			}
			case "boolean" -> {
				return f.booleanNode(false);
			}
			default -> {
				String format = s.path("format").asString("");
				return f.stringNode(switch (format) {
					case "date-time" -> "2025-01-01T00:00:00.000Z";
					case "uri" -> "https://instance.invalid/x";
					default -> "x";
				});
			}
		}
	}

	private static String typeOf(JsonNode s) {
		JsonNode type = s.path("type");
		if (type.isArray()) {
			for (JsonNode t : type) {
				if (!"null".equals(t.asString())) {
					return t.asString();
				}
			}
		}
		if (type.isString()) {
			return type.asString();
		}
		if (s.has("properties") || s.has("allOf")) {
			return "object";
		}
		if (s.has("enum")) {
			return "string";
		}
		return "string";
	}

	JsonNode resolve(JsonNode schema) {
		JsonNode s = schema;
		for (int i = 0; i < 10 && s.has("$ref"); i++) {
			String ref = s.path("$ref").asString();
			s = root.at(ref.substring(1));
		}
		return s;
	}
}
