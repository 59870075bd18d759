package io.vitrine.publishing;

import io.vitrine.outbound.OutboundFailure;
import io.vitrine.outbound.OutboundHttp;
import io.vitrine.outbound.OutboundRequest;
import io.vitrine.outbound.OutboundResponse;
import io.vitrine.outbound.OutboundSettings;
import io.vitrine.shared.InvalidInput;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The composer's link preview: the linked page read through the outbound guard (public addresses only, 3 seconds,
 * 1 MB, HTML only), its Open Graph tags parsed with jsoup. Answers are kept a while, because the composer asks again
 * as the person types.
 */
@Component
public class LinkPreviews {

	static final Duration KEEP = Duration.ofMinutes(10);

	static final int KEPT = 500;

	private static final int MAX_TEXT = 300;

	private final OutboundHttp http;

	private final Clock clock;

	private record Kept(Optional<LinkPreview> preview, Instant until) {
	}

	private final Map<String, Kept> kept = new LinkedHashMap<>(64, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
			return size() > KEPT;
		}
	};

	@Autowired
	LinkPreviews(OutboundSettings settings, Clock clock) {
		this(OutboundHttp.create(new OutboundSettings(settings.allowPrivateAddresses(), Duration.ofSeconds(3), Duration.ofSeconds(3),
				DataSize.ofMegabytes(1))), clock);
	}

	LinkPreviews(OutboundHttp http, Clock clock) {
		this.http = http;
		this.clock = clock;
	}

	/**
	 * Empty when the page cannot be read or says nothing worth showing.
	 *
	 * @throws InvalidInput (field url, rule url) unless an http or https address
	 */
	public Optional<LinkPreview> of(String url) {
		String address = url == null ? "" : url.strip();
		if (!address.matches("(?i)https?://\\S+")) {
			throw InvalidInput.of("url", "url", "must be an http or https address");
		}
		Instant now = clock.instant();
		synchronized (kept) {
			Kept known = kept.get(address);
			if (known != null && known.until().isAfter(now)) {
				return known.preview();
			}
		}
		Optional<LinkPreview> preview = read(address);
		synchronized (kept) {
			kept.put(address, new Kept(preview, now.plus(KEEP)));
		}
		return preview;
	}

	private Optional<LinkPreview> read(String address) {
		OutboundResponse answer;
		try {
			answer = http.send(OutboundRequest.get(address).header("Accept", "text/html,application/xhtml+xml").build());
		}
		catch (OutboundFailure | IllegalArgumentException e) {
			return Optional.empty();
		}
		String type = answer.header("Content-Type").orElse("");
		if (!answer.successful() || !(type.startsWith("text/html") || type.startsWith("application/xhtml"))) {
			return Optional.empty();
		}
		Document page = Jsoup.parse(new String(answer.body(), charset(type)), answer.url());
		String title = first(meta(page, "og:title"), meta(page, "twitter:title"), page.title());
		String description = first(meta(page, "og:description"), meta(page, "twitter:description"), meta(page, "description"));
		String image = first(absolute(page, "og:image"), absolute(page, "twitter:image"), null);
		String site = first(meta(page, "og:site_name"), URI.create(answer.url()).getHost(), null);
		if (title == null && description == null && image == null) {
			return Optional.empty();
		}
		return Optional.of(new LinkPreview(answer.url(), site, clip(title), clip(description), image));
	}

	private static String meta(Document page, String name) {
		for (Element meta : page.select("meta[property=" + name + "], meta[name=" + name + "]")) {
			String content = meta.attr("content").strip();
			if (!content.isEmpty()) {
				return content;
			}
		}
		return null;
	}

	/** Only http(s) images, made absolute against the page: a preview never points at a data: or javascript: address. */
	private static String absolute(Document page, String name) {
		for (Element meta : page.select("meta[property=" + name + "], meta[name=" + name + "]")) {
			String image = meta.absUrl("content");
			if (image.matches("(?i)https?://\\S+")) {
				return image;
			}
		}
		return null;
	}

	private static String first(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value.strip();
			}
		}
		return null;
	}

	private static String clip(String text) {
		return text == null || text.codePointCount(0, text.length()) <= MAX_TEXT ? text
				: text.substring(0, text.offsetByCodePoints(0, MAX_TEXT - 1)) + "…";
	}

	private static java.nio.charset.Charset charset(String contentType) {
		int at = contentType.toLowerCase(java.util.Locale.ROOT).indexOf("charset=");
		if (at >= 0) {
			try {
				return java.nio.charset.Charset.forName(contentType.substring(at + 8).replace("\"", "").strip());
			}
			catch (IllegalArgumentException unknown) {
				return StandardCharsets.UTF_8;
			}
		}
		return StandardCharsets.UTF_8;
	}
}
