package io.vitrine.networks.tiktok;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

final class TikTokJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TikTokJson() {
	}

	static ObjectNode object() {
		return JSON.createObjectNode();
	}

	static byte[] write(JsonNode node) {
		return JSON.writeValueAsBytes(node);
	}
}
