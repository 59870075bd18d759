package io.vitrine.networks.x;

import io.vitrine.testsupport.OpenApiDescription;
import tools.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The official X API v2 description (../shared/contracts/x-api-v2-openapi.json), read in place:
 * which operations exist, their parameters, request bodies (field by field) and answers.
 */
final class XSpec extends OpenApiDescription {

	private static XSpec loaded;

	private XSpec(JsonNode root) {
		super(root);
	}

	/** Skips the calling test, with the reason, when the shared contracts folder is not beside the project. */
	static synchronized XSpec load() {
		if (loaded == null) {
			loaded = new XSpec(read("x-api-v2-openapi.json", "X"));
		}
		return loaded;
	}

	Set<String> requestContentTypes(JsonNode operation) {
		Set<String> types = new LinkedHashSet<>();
		operation.path("requestBody").path("content").propertyNames().forEach(types::add);
		return types;
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
	 * Field by field: required properties missing, properties the schema does not declare (X's schemas forbid
	 * additional properties), types, enums, patterns, array sizes; the closest of oneOf's alternatives.
	 */
	@Override
	protected void check(JsonNode s, JsonNode value, String where, List<String> problems) {
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
		checkType(s, value, where, problems);
	}

	@Override
	protected void checkProperties(JsonNode s, JsonNode value, String where, List<String> problems) {
		Set<String> declared = new HashSet<>();
		s.path("properties").propertyNames().forEach(declared::add);
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
}
