package io.vitrine.networks.mastodon;

import io.vitrine.shared.InvalidInput;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What people type as their instance ("mastodon.social", "https://mastodon.social/@alice",
 * "@alice@mastodon.social") brought to one base URL: scheme, lower-case host, port when not the
 * default, no path. https is assumed when no scheme is given.
 */
final class InstanceUrl {

	static final String FIELD = "instanceUrl";

	private InstanceUrl() {
	}

	static String normalize(String input) {
		if (input == null || input.isBlank()) {
			throw InvalidInput.of(FIELD, "required", "Enter the address of your Mastodon instance, such as mastodon.social.");
		}
		String value = input.strip();
		if (!value.contains("://") && value.contains("@")) {
			value = value.substring(value.lastIndexOf('@') + 1);
		}
		if (!value.contains("://")) {
			value = "https://" + value;
		}
		try {
			URI uri = new URI(value);
			String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
			if (!scheme.equals("https") && !scheme.equals("http")) {
				throw invalid(input);
			}
			if (uri.getHost() == null || uri.getRawUserInfo() != null) {
				throw invalid(input);
			}
			String host = IDN.toUnicode(uri.getHost().toLowerCase(Locale.ROOT));
			boolean defaultPort = uri.getPort() == -1 || (scheme.equals("https") && uri.getPort() == 443)
					|| (scheme.equals("http") && uri.getPort() == 80);
			return scheme + "://" + host + (defaultPort ? "" : ":" + uri.getPort());
		}
		catch (URISyntaxException | IllegalArgumentException e) {
			throw invalid(input);
		}
	}

	private static InvalidInput invalid(String input) {
		return InvalidInput.of(FIELD, "url", "'" + input + "' is not an instance address; enter one such as mastodon.social.");
	}
}
