package io.vitrine.outbound;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One call through {@link OutboundHttp}. Built with {@link #get(String)} or {@link #post(String)}.
 *
 * @param responseTimeout overrides vitrine.outbound.response-timeout for this call when not null
 * @param repeatable the caller vouches that a second copy of this request cannot duplicate anything
 *     (the network refuses a repeated record key, say); see {@link #safeToRepeat()}
 */
public record OutboundRequest(String method, String url, Map<String, List<String>> headers, Body body,
		Duration responseTimeout, boolean repeatable) {

	public OutboundRequest {
		Objects.requireNonNull(method, "method");
		Objects.requireNonNull(url, "url");
		headers = Map.copyOf(headers);
	}

	public static Builder get(String url) {
		return new Builder("GET", url);
	}

	public static Builder post(String url) {
		return new Builder("POST", url);
	}

	public static Builder of(String method, String url) {
		return new Builder(method, url);
	}

	/**
	 * Whether the request may travel on a kept-alive connection: if that connection turns out to be
	 * closed under it, nobody can tell whether the server got it, so only a request that is harmless
	 * to receive twice may take the risk — reads, requests carrying an {@code Idempotency-Key}, and
	 * those the caller declared {@link Builder#repeatable()}.
	 */
	public boolean safeToRepeat() {
		return repeatable || method.equalsIgnoreCase("GET") || method.equalsIgnoreCase("HEAD")
				|| headers.keySet().stream().anyMatch(name -> name.equalsIgnoreCase("Idempotency-Key"));
	}

	/** Header values may hold tokens: never printed. */
	@Override
	public String toString() {
		return method + " " + url + " headers=" + headers.keySet();
	}

	/** What a request carries; the content type follows from the kind. */
	public sealed interface Body {
	}

	public record Json(String json) implements Body {
	}

	public record Form(Map<String, List<String>> fields) implements Body {
	}

	public record Multipart(List<Part> parts) implements Body {

		public Multipart {
			parts = List.copyOf(parts);
		}
	}

	/** Raw bytes sent as the whole body (an image to com.atproto.repo.uploadBlob). */
	public record Bytes(String contentType, byte[] content) implements Body {

		public Bytes {
			Objects.requireNonNull(contentType, "contentType");
			Objects.requireNonNull(content, "content");
		}

		@Override
		public String toString() {
			return "Bytes[" + contentType + ", " + content.length + " bytes]";
		}
	}

	/** A multipart field: a file when {@code fileName} is set, else a plain text value. */
	public record Part(String name, String fileName, String contentType, byte[] content) {

		public static Part text(String name, String value) {
			return new Part(name, null, "text/plain; charset=UTF-8", value.getBytes(StandardCharsets.UTF_8));
		}

		public static Part file(String name, String fileName, String contentType, byte[] content) {
			return new Part(name, fileName, contentType, content);
		}

		@Override
		public String toString() {
			return "Part[" + name + ", " + content.length + " bytes]";
		}
	}

	public static final class Builder {

		private final String method;

		private final StringBuilder url;

		private boolean hasQuery;

		private final Map<String, List<String>> headers = new LinkedHashMap<>();

		private Body body;

		private Duration responseTimeout;

		private boolean repeatable;

		private Builder(String method, String url) {
			this.method = method;
			this.url = new StringBuilder(url);
			this.hasQuery = url.contains("?");
		}

		/** Appends a query parameter, encoded. */
		public Builder query(String name, String value) {
			url.append(hasQuery ? '&' : '?')
				.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
			hasQuery = true;
			return this;
		}

		public Builder header(String name, String value) {
			headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
			return this;
		}

		public Builder bearer(String token) {
			return header("Authorization", "Bearer " + token);
		}

		public Builder json(String json) {
			this.body = new Json(json);
			return this;
		}

		public Builder form(Map<String, List<String>> fields) {
			this.body = new Form(Map.copyOf(fields));
			return this;
		}

		public Builder multipart(List<Part> parts) {
			this.body = new Multipart(parts);
			return this;
		}

		public Builder bytes(String contentType, byte[] content) {
			this.body = new Bytes(contentType, content);
			return this;
		}

		public Builder responseTimeout(Duration timeout) {
			this.responseTimeout = timeout;
			return this;
		}

		/** A second copy of this request cannot duplicate anything (the network refuses a repeated record key, say). */
		public Builder repeatable() {
			this.repeatable = true;
			return this;
		}

		public OutboundRequest build() {
			Map<String, List<String>> frozen = new LinkedHashMap<>();
			headers.forEach((name, values) -> frozen.put(name, List.copyOf(values)));
			return new OutboundRequest(method, url.toString(), frozen, body, responseTimeout, repeatable);
		}
	}
}
