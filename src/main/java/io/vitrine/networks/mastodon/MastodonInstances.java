package io.vitrine.networks.mastodon;

import io.vitrine.networks.NetworkLimits;
import io.vitrine.outbound.AddressNotAllowed;
import io.vitrine.outbound.OutboundFailure;
import io.vitrine.outbound.OutboundResponse;
import io.vitrine.shared.InvalidInput;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/** Asks a server whether it is a Mastodon instance, and what its limits and domain are. */
@Component
class MastodonInstances {

	record Instance(String serverUrl, String domain, NetworkLimits limits) {
	}

	private final MastodonApi api;

	MastodonInstances(MastodonApi api) {
		this.api = api;
	}

	Instance describe(String serverUrl) {
		OutboundResponse response = call(serverUrl, () -> api.instance(serverUrl));
		Optional<JsonNode> body = api.parse(response);
		JsonNode configuration = body.map(b -> b.path("configuration")).orElse(null);
		if (!response.successful() || configuration == null || !configuration.isObject()) {
			throw InvalidInput.of(InstanceUrl.FIELD, "not-mastodon", serverUrl + " does not look like a Mastodon instance "
					+ "(GET " + MastodonApi.INSTANCE + " answered HTTP " + response.status() + ").");
		}
		String domain = body.map(b -> MastodonApi.text(b, "domain")).filter(d -> !d.isBlank())
			.orElse(URI.create(serverUrl).getHost());
		return new Instance(serverUrl, domain, MastodonLimits.of(configuration));
	}

	/** Turns the guard's failures into errors on the instance address field, in words a person understands. */
	static OutboundResponse call(String serverUrl, Supplier<OutboundResponse> call) {
		try {
			return call.get();
		}
		catch (AddressNotAllowed e) {
			throw InvalidInput.of(InstanceUrl.FIELD, "address-not-allowed", e.getMessage());
		}
		catch (OutboundFailure e) {
			throw InvalidInput.of(InstanceUrl.FIELD, "unreachable", "Could not reach " + serverUrl + ": " + e.getMessage());
		}
	}
}
