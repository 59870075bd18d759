package io.vitrine.networks.meta;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;

/**
 * When a throttled Page may post again. Meta reports Pages limits in the X-Business-Use-Case-Usage
 * header, whose {@code estimated_time_to_regain_access} is in minutes
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting#headers-2); without it,
 * an hour, the window Meta's limits are counted over.
 */
public final class GraphThrottle {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public static final Duration DEFAULT = Duration.ofHours(1);

	private GraphThrottle() {
	}

	public static Instant until(GraphAnswer answer, Instant now) {
		long minutes = answer.response().header("X-Business-Use-Case-Usage").map(GraphThrottle::minutes).orElse(-1L);
		return minutes > 0 ? now.plus(Duration.ofMinutes(minutes)) : now.plus(DEFAULT);
	}

	private static long minutes(String header) {
		try {
			long most = -1;
			for (JsonNode usages : JSON.readTree(header)) {
				for (JsonNode usage : usages) {
					most = Math.max(most, usage.path("estimated_time_to_regain_access").asLong(-1));
				}
			}
			return most;
		}
		catch (JacksonException e) {
			return -1;
		}
	}
}
