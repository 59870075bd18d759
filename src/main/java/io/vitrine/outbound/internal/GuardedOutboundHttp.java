package io.vitrine.outbound.internal;

import io.vitrine.outbound.OutboundSettings;

import io.vitrine.outbound.AddressNotAllowed;
import io.vitrine.outbound.ConnectFailed;
import io.vitrine.outbound.OutboundFailure;
import io.vitrine.outbound.OutboundHttp;
import io.vitrine.outbound.OutboundRequest;
import io.vitrine.outbound.OutboundResponse;
import io.vitrine.outbound.OutcomeUnknown;
import io.vitrine.outbound.ResponseTooLarge;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.IDN;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@link OutboundHttp} on Apache HttpClient 5, with the address guard in its DNS resolver. */
@Component
public class GuardedOutboundHttp implements OutboundHttp, DisposableBean {

	static final int MAX_REDIRECTS = 5;

	private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	/** Headers that must not follow a redirect to another origin. */
	private static final List<String> ORIGIN_BOUND_HEADERS = List.of("authorization", "cookie", "idempotency-key");

	private final OutboundSettings properties;

	private final AddressPolicy policy;

	private final CloseableHttpClient fresh;

	private final CloseableHttpClient keptAlive;

	@Autowired
	public GuardedOutboundHttp(OutboundSettings properties) {
		this(properties, new AddressPolicy(properties.allowPrivateAddresses()));
	}

	GuardedOutboundHttp(OutboundSettings properties, AddressPolicy policy) {
		this.properties = properties;
		this.policy = policy;
		ConnectionConfig connections = ConnectionConfig.custom()
			.setConnectTimeout(Timeout.of(properties.connectTimeout()))
			.setSocketTimeout(Timeout.of(properties.responseTimeout()))
			// A kept-alive connection idle for a while is checked before it carries a request.
			.setValidateAfterInactivity(TimeValue.ofSeconds(1))
			.build();
		GuardedDnsResolver resolver = new GuardedDnsResolver(policy);
		// A fresh connection per request: a failure can then be told apart as "before sending"
		// (connect) or "after sending"; a kept-alive connection the server closed at that moment
		// would blur the two, which only a request that is safe to repeat can afford.
		this.fresh = client(resolver, connections, false);
		this.keptAlive = client(resolver, connections, true);
	}

	private static CloseableHttpClient client(GuardedDnsResolver resolver, ConnectionConfig connections, boolean reuse) {
		HttpClientBuilder builder = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(resolver)
				.setDefaultConnectionConfig(connections)
				.setMaxConnTotal(400)
				.setMaxConnPerRoute(100)
				.build())
			.setConnectionReuseStrategy((request, response, context) -> reuse)
			.disableAutomaticRetries()
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableContentCompression()
			.disableAuthCaching()
			.setUserAgent("Vitrine");
		if (reuse) {
			// Well under the keep-alive timeouts servers commonly use (nginx: 75 s), so that we close first.
			builder.evictIdleConnections(TimeValue.ofSeconds(20));
		}
		return builder.build();
	}

	@Override
	public OutboundResponse send(OutboundRequest request) {
		URI uri = parse(request.url());
		String method = request.method().toUpperCase(Locale.ROOT);
		OutboundRequest.Body body = request.body();
		Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
		Duration timeout = request.responseTimeout() != null ? request.responseTimeout() : properties.responseTimeout();
		for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
			check(uri);
			HttpUriRequestBase http = build(method, uri, headers, body, timeout);
			CloseableHttpClient client = request.safeToRepeat() ? keptAlive : fresh;
			try (ClassicHttpResponse response = client.executeOpen(null, http, null)) {
				int status = response.getCode();
				Optional<String> location = Optional.ofNullable(response.getFirstHeader("Location")).map(Header::getValue);
				if (isRedirect(status) && location.isPresent()) {
					URI next = resolve(uri, location.get());
					if (status == 303 || ((status == 301 || status == 302) && !method.equals("GET") && !method.equals("HEAD"))) {
						method = "GET";
						body = null;
					}
					if (!sameOrigin(uri, next)) {
						headers.keySet().removeIf(name -> ORIGIN_BOUND_HEADERS.contains(name.toLowerCase(Locale.ROOT)));
					}
					uri = next;
					continue;
				}
				return new OutboundResponse(status, headersOf(response), read(response.getEntity()), uri.toString());
			}
			catch (OutboundFailure e) {
				throw e;
			}
			catch (IOException e) {
				throw classify(e, uri);
			}
		}
		throw new OutcomeUnknown("more than " + MAX_REDIRECTS + " redirects from " + request.url(), null);
	}

	private URI parse(String url) {
		try {
			URI uri = new URI(url.strip());
			if (uri.getHost() == null) {
				throw new AddressNotAllowed("this address is not allowed: '" + url + "' has no host name");
			}
			return uri;
		}
		catch (URISyntaxException e) {
			throw new AddressNotAllowed("this address is not allowed: '" + url + "' is not a valid URL");
		}
	}

	private static URI resolve(URI base, String location) {
		try {
			return base.resolve(new URI(location.strip()));
		}
		catch (URISyntaxException | IllegalArgumentException e) {
			throw new AddressNotAllowed("this address is not allowed: a redirect points to '" + location + "', which is not a valid URL");
		}
	}

	/** Checked before every hop; host names are checked again, at connection time, by the resolver. */
	private void check(URI uri) {
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new AddressNotAllowed("this address is not allowed: only http and https addresses can be used, not '" + uri + "'");
		}
		if (uri.getHost() == null) {
			throw new AddressNotAllowed("this address is not allowed: '" + uri + "' has no host name");
		}
		if (uri.getRawUserInfo() != null) {
			throw new AddressNotAllowed("this address is not allowed: addresses with a user name or password are not accepted");
		}
		String host = uri.getHost();
		if (host.startsWith("[") || IPV4_LITERAL.matcher(host).matches()) {
			InetAddress literal = literal(host);
			policy.refusal(literal).ifPresent(kind -> {
				throw new AddressNotAllowed("this address is not allowed: " + host + " is " + kind);
			});
		}
	}

	private static InetAddress literal(String host) {
		try {
			// A literal needs no DNS lookup: getByName only parses it.
			return InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
		}
		catch (UnknownHostException e) {
			throw new AddressNotAllowed("this address is not allowed: '" + host + "' is not a valid IP address");
		}
	}

	private static boolean isRedirect(int status) {
		return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
	}

	private static boolean sameOrigin(URI a, URI b) {
		return Objects.equals(lower(a.getScheme()), lower(b.getScheme())) && Objects.equals(lower(a.getHost()), lower(b.getHost()))
				&& port(a) == port(b);
	}

	private static String lower(String s) {
		return s == null ? null : s.toLowerCase(Locale.ROOT);
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	private static HttpUriRequestBase build(String method, URI uri, Map<String, List<String>> headers,
			OutboundRequest.Body body, Duration timeout) {
		HttpUriRequestBase http = new HttpUriRequestBase(method, toAscii(uri));
		headers.forEach((name, values) -> values.forEach(value -> http.addHeader(name, value)));
		http.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(timeout)).setRedirectsEnabled(false).build());
		if (body != null) {
			http.setEntity(entity(body));
		}
		return http;
	}

	/** International domain names are sent in their ASCII (punycode) form. */
	private static URI toAscii(URI uri) {
		String host = uri.getHost();
		String ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
		if (ascii.equals(host)) {
			return uri;
		}
		try {
			return new URI(uri.getScheme(), uri.getRawUserInfo(), ascii, uri.getPort(), uri.getRawPath(), uri.getRawQuery(),
					uri.getRawFragment());
		}
		catch (URISyntaxException e) {
			throw new AddressNotAllowed("this address is not allowed: '" + uri + "' is not a valid URL");
		}
	}

	private static HttpEntity entity(OutboundRequest.Body body) {
		return switch (body) {
			case OutboundRequest.Json json -> new StringEntity(json.json(), ContentType.APPLICATION_JSON);
			case OutboundRequest.Form form -> {
				List<NameValuePair> pairs = new ArrayList<>();
				form.fields().forEach((name, values) -> values.forEach(value -> pairs.add(new BasicNameValuePair(name, value))));
				yield new UrlEncodedFormEntity(pairs, StandardCharsets.UTF_8);
			}
			case OutboundRequest.Multipart multipart -> {
				MultipartEntityBuilder builder = MultipartEntityBuilder.create().setContentType(ContentType.create("multipart/form-data"));
				for (OutboundRequest.Part part : multipart.parts()) {
					ContentType type = ContentType.parse(part.contentType());
					if (part.fileName() != null) {
						builder.addBinaryBody(part.name(), part.content(), type, part.fileName());
					}
					else {
						builder.addTextBody(part.name(), new String(part.content(), StandardCharsets.UTF_8),
								ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8));
					}
				}
				yield builder.build();
			}
			case OutboundRequest.Bytes bytes -> new ByteArrayEntity(bytes.content(), ContentType.parse(bytes.contentType()));
			case null -> new ByteArrayEntity(new byte[0], ContentType.APPLICATION_OCTET_STREAM);
		};
	}

	private byte[] read(HttpEntity entity) throws IOException {
		if (entity == null) {
			return new byte[0];
		}
		long limit = properties.maxResponseBytes().toBytes();
		if (entity.getContentLength() > limit) {
			throw new ResponseTooLarge(limit);
		}
		try (InputStream in = entity.getContent()) {
			byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
			if (bytes.length > limit) {
				throw new ResponseTooLarge(limit);
			}
			return bytes;
		}
	}

	private static Map<String, List<String>> headersOf(ClassicHttpResponse response) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (Header header : response.getHeaders()) {
			headers.computeIfAbsent(header.getName(), n -> new ArrayList<>()).add(header.getValue());
		}
		return headers;
	}

	/**
	 * Only failures that certainly happen before the request leaves are "connect failed"; anything
	 * else is treated as possibly received, because retrying a post that did arrive duplicates it.
	 */
	static OutboundFailure classify(IOException e, URI uri) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof GuardedDnsResolver.Refused refused) {
				return new AddressNotAllowed("this address is not allowed: " + refused.getMessage());
			}
		}
		String host = uri.getHost();
		if (e instanceof UnknownHostException) {
			return new ConnectFailed("unknown host " + host, e);
		}
		if (e instanceof ConnectTimeoutException) {
			return new ConnectFailed("timed out connecting to " + host, e);
		}
		if (e instanceof ConnectException || e instanceof NoRouteToHostException || e instanceof PortUnreachableException) {
			return new ConnectFailed("could not connect to " + host + ": " + e.getMessage(), e);
		}
		if (e instanceof SSLHandshakeException) {
			return new ConnectFailed("TLS handshake with " + host + " failed: " + e.getMessage(), e);
		}
		if (e instanceof java.net.SocketTimeoutException) {
			return new OutcomeUnknown("no answer from " + host + " in time", e);
		}
		return new OutcomeUnknown("the connection to " + host + " failed after the request was sent: " + e.getMessage(), e);
	}

	@Override
	public void destroy() throws IOException {
		fresh.close();
		keptAlive.close();
	}
}
