package io.vitrine.testsupport;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What local network servers need to read Vitrine's requests: query strings and multipart bodies. */
public final class RequestBodies {

	/** One multipart field: a file when {@code fileName} is set. */
	public record Part(String name, String fileName, String contentType, byte[] content) {

		public String text() {
			return new String(content, StandardCharsets.UTF_8);
		}
	}

	private RequestBodies() {
	}

	/** A query string or a form body, decoded; a repeated name keeps its last value. */
	public static Map<String, String> query(String raw) {
		Map<String, String> query = new LinkedHashMap<>();
		if (raw == null || raw.isEmpty()) {
			return query;
		}
		for (String pair : raw.split("&")) {
			int eq = pair.indexOf('=');
			String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			query.put(name, value);
		}
		return query;
	}

	/** Enough of RFC 7578 for the requests Vitrine sends. */
	public static Map<String, Part> multipart(String contentType, byte[] body) {
		String boundary = null;
		for (String param : contentType.split(";")) {
			String p = param.strip();
			if (p.startsWith("boundary=")) {
				boundary = p.substring("boundary=".length()).replace("\"", "");
			}
		}
		Map<String, Part> parts = new LinkedHashMap<>();
		if (boundary == null) {
			return parts;
		}
		String all = new String(body, StandardCharsets.ISO_8859_1);
		for (String chunk : all.split("--" + Pattern.quote(boundary))) {
			if (chunk.isBlank() || chunk.startsWith("--")) {
				continue;
			}
			int split = chunk.indexOf("\r\n\r\n");
			if (split < 0) {
				continue;
			}
			String headers = chunk.substring(0, split);
			String content = chunk.substring(split + 4);
			if (content.endsWith("\r\n")) {
				content = content.substring(0, content.length() - 2);
			}
			String name = attribute(headers, "name");
			String type = null;
			for (String line : headers.split("\r\n")) {
				if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
					type = line.substring("content-type:".length()).strip();
				}
			}
			parts.put(name, new Part(name, attribute(headers, "filename"), type, content.getBytes(StandardCharsets.ISO_8859_1)));
		}
		return parts;
	}

	private static String attribute(String headers, String name) {
		Matcher m = Pattern.compile("[; ]" + name + "=\"([^\"]*)\"").matcher(headers);
		return m.find() ? m.group(1) : null;
	}
}
