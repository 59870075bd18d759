package io.vitrine.networks.mastodon;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Where instances send people back after they approve Vitrine: one fixed URL, registered with each instance. */
@Component
class MastodonRedirect {

	static final String CALLBACK_PATH = "/connections/mastodon/callback";

	private final String baseUrl;

	MastodonRedirect(@Value("${vitrine.base-url}") String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	String uri() {
		return baseUrl + CALLBACK_PATH;
	}

	String website() {
		return baseUrl;
	}
}
