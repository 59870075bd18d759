package io.vitrine.networks.pinterest;

import io.vitrine.testsupport.OpenApiDescription;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The official Pinterest API v5 description (../shared/contracts/pinterest-v5-openapi.json), read in place:
 * which operations exist (paths relative to {@code /v5}), their parameters, request bodies field by field, and
 * answers. Understands what this description uses: $ref, allOf, oneOf with a discriminator, nullable.
 */
final class PinterestSpec extends OpenApiDescription {

	private static PinterestSpec loaded;

	private PinterestSpec(JsonNode root) {
		super(root);
	}

	/** Skips the calling test, with the reason, when the shared contracts folder is not beside the project. */
	static synchronized PinterestSpec load() {
		if (loaded == null) {
			loaded = new PinterestSpec(read("pinterest-v5-openapi.json", "Pinterest"));
		}
		return loaded;
	}

	/** The OAuth scopes the operation needs (its pinterest_oauth2 security option). */
	Set<String> scopes(JsonNode operation) {
		Set<String> scopes = new LinkedHashSet<>();
		for (JsonNode option : operation.path("security")) {
			option.path("pinterest_oauth2").forEach(scope -> scopes.add(scope.asString()));
		}
		return scopes;
	}

	/** The operation's answer schema for a status (or its default). */
	Optional<JsonNode> answerSchema(JsonNode operation, int status) {
		return answerSchema(operation, status, "application/json");
	}

	@Override
	protected void check(JsonNode s, JsonNode value, String where, List<String> problems) {
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
			checkType(resolve(part), value, where, problems);
		}
		checkType(s, value, where, problems);
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

	/** Declared properties are checked here; undeclared ones once for the whole allOf, in {@link #check}. */
	@Override
	protected void checkProperties(JsonNode s, JsonNode value, String where, List<String> problems) {
		for (String name : value.propertyNames()) {
			JsonNode property = s.path("properties").path(name);
			if (!property.isMissingNode()) {
				check(resolve(property), value.path(name), where + "." + name, problems);
			}
		}
	}

	/** Integers sent as text (query values, form fields) are whole numbers within the schema's range. */
	@Override
	protected void checkStringFormat(JsonNode s, String value, String where, List<String> problems) {
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
	}

	/** Long values (encoded images) are cut in messages. */
	@Override
	protected String shown(String value) {
		return value.length() > 40 ? value.substring(0, 40) + "…" : value;
	}
}
