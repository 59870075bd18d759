package io.vitrine.outbound;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A complete answer (any status code): the body was read within the size cap.
 *
 * @param url the address that answered, after redirects
 * @param headers by name, case-insensitive
 */
public record OutboundResponse(int status, Map<String, List<String>> headers, byte[] body, String url) {

	public OutboundResponse {
		TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach((name, values) -> byName.merge(name, List.copyOf(values),
				(a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
		headers = java.util.Collections.unmodifiableMap(byName);
	}

	public Optional<String> header(String name) {
		List<String> values = headers.get(name);
		return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
	}

	public String bodyText() {
		return new String(body, StandardCharsets.UTF_8);
	}

	public boolean successful() {
		return status >= 200 && status < 300;
	}

	@Override
	public String toString() {
		return "OutboundResponse[" + status + ", " + body.length + " bytes from " + url + "]";
	}
}
