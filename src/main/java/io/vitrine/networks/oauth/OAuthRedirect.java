package io.vitrine.networks.oauth;

import io.vitrine.networks.NetworkId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Where a network sends people back after they approve Vitrine; the URL to register in the network's app. */
@Component
public class OAuthRedirect {

	static final String CALLBACK_PATH = "/connections/{network}/callback";

	private final String baseUrl;

	OAuthRedirect(@Value("${vitrine.base-url}") String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** {@code <base-url>/connections/<network>/callback}, e.g. https://vitrine.example/connections/x/callback */
	public String uri(NetworkId network) {
		return baseUrl + CALLBACK_PATH.replace("{network}", network.value());
	}
}
