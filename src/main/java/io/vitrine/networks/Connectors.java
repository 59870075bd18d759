package io.vitrine.networks;

import io.vitrine.shared.NotFound;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every {@link NetworkConnector} bean, by id: adding a network adds a bean, nothing is listed by hand. */
@Component
public class Connectors {

	private final Map<NetworkId, NetworkConnector> byId;

	public Connectors(List<NetworkConnector> connectors) {
		this.byId = connectors.stream().collect(Collectors.toUnmodifiableMap(NetworkConnector::id, Function.identity()));
	}

	public NetworkConnector get(NetworkId id) {
		NetworkConnector connector = byId.get(id);
		if (connector == null) {
			throw new NotFound("network " + id);
		}
		return connector;
	}

	public Collection<NetworkConnector> all() {
		return byId.values();
	}
}
