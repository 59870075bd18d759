package io.vitrine.networks.oauth;

import io.vitrine.networks.Credentials;
import io.vitrine.outbound.OutboundSettings;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** The shared OAuth parts, put together without Spring, for a network's connector tests. */
public final class OAuthTestKit {

	private OAuthTestKit() {
	}

	/** @param stored what the database holds for an account now (another node's refresh included) */
	public static OAuthTokens tokens(OAuthNetwork network, OutboundSettings settings, Function<UUID, Credentials> stored,
			Clock clock) {
		return new OAuthTokens(new OAuthNetworks(List.of(network)), new TokenEndpoint(settings, clock), stored::apply, clock);
	}

	public static OAuthRedirect redirect(String baseUrl) {
		return new OAuthRedirect(baseUrl);
	}
}
