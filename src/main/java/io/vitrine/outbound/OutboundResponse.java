package io.vitrine.outbound;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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

	/**
	 * The standard Retry-After header (RFC 9110 §10.2.3): a delay in seconds or an HTTP date. Networks
	 * add their own reset headers; this is the part they share.
	 */
	public Optional<Instant> retryAfter(Instant now) {
		return header("Retry-After").flatMap(value -> {
			String v = value.strip();
			if (v.matches("\\d{1,9}")) {
				return Optional.of(now.plusSeconds(Long.parseLong(v)));
			}
			try {
				return Optional.of(DateTimeFormatter.RFC_1123_DATE_TIME.parse(v, ZonedDateTime::from).toInstant());
			}
			catch (DateTimeParseException e) {
				return Optional.empty();
			}
		});
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
