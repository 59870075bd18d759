package io.vitrine.networks.oauth;

import io.vitrine.networks.NetworkId;
import io.vitrine.shared.NotFound;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every {@link OAuthNetwork} bean, by id; the ones the operator configured are offered to people. */
@Component
public class OAuthNetworks {

	private final Map<NetworkId, OAuthNetwork> byId;

	OAuthNetworks(List<OAuthNetwork> networks) {
		this.byId = networks.stream().collect(Collectors.toUnmodifiableMap(OAuthNetwork::id, Function.identity()));
	}

	/** Networks whose app is configured, by display name: what the connections page offers. */
	public List<OAuthNetwork> configured() {
		return byId.values().stream()
			.filter(n -> n.registration().isPresent())
			.sorted(Comparator.comparing(OAuthNetwork::displayName))
			.toList();
	}

	public boolean offers(NetworkId id) {
		return find(id).flatMap(OAuthNetwork::registration).isPresent();
	}

	Optional<OAuthNetwork> find(NetworkId id) {
		return Optional.ofNullable(byId.get(id));
	}

	/** @throws NotFound when no such network exists or its app is not configured */
	OAuthNetwork configured(String network) {
		NetworkId id;
		try {
			id = new NetworkId(network);
		}
		catch (IllegalArgumentException e) {
			throw new NotFound("network " + network);
		}
		return find(id).filter(n -> n.registration().isPresent()).orElseThrow(() -> new NotFound("network " + network));
	}

	ClientRegistration registration(NetworkId id) {
		return find(id).flatMap(OAuthNetwork::registration)
			.orElseThrow(() -> new IllegalStateException("the " + id + " app is no longer configured (client id missing)"));
	}
}
