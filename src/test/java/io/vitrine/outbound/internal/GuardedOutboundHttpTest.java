package io.vitrine.outbound.internal;

import io.vitrine.outbound.OutboundSettings;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vitrine.outbound.AddressNotAllowed;
import io.vitrine.outbound.ConnectFailed;
import io.vitrine.outbound.OutboundRequest;
import io.vitrine.outbound.OutboundResponse;
import io.vitrine.outbound.OutcomeUnknown;
import io.vitrine.outbound.ResponseTooLarge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuardedOutboundHttpTest {

	private static final OutboundSettings DEFAULTS = new OutboundSettings(false, Duration.ofSeconds(2),
			Duration.ofSeconds(5), DataSize.ofBytes(1024));

	private HttpServer server;

	private final AtomicInteger hits = new AtomicInteger();

	private final List<Map<String, List<String>>> seenHeaders = new CopyOnWriteArrayList<>();

	private final Map<String, String> seenBodies = new ConcurrentHashMap<>();

	private final CountDownLatch release = new CountDownLatch(1);

	private String base;

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", this::handle);
		server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		server.start();
		base = "http://127.0.0.1:" + server.getAddress().getPort();
	}

	@AfterEach
	void stop() {
		release.countDown();
		server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		hits.incrementAndGet();
		seenHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
		String path = exchange.getRequestURI().getPath();
		seenBodies.put(exchange.getRequestMethod() + " " + path,
				new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		int port = server.getAddress().getPort();
		switch (path) {
			case "/ok" -> answer(exchange, 200, "hello");
			case "/port" -> answer(exchange, 200, String.valueOf(exchange.getRemoteAddress().getPort()));
			case "/big" -> answer(exchange, 200, "x".repeat(2048));
			case "/big-chunked" -> {
				exchange.sendResponseHeaders(200, 0);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write("y".repeat(4096).getBytes(StandardCharsets.UTF_8));
				}
			}
			case "/slow" -> {
				awaitRelease();
				answer(exchange, 200, "late");
			}
			case "/to-metadata" -> redirect(exchange, 302, "http://169.254.169.254/latest/meta-data/");
			case "/to-file" -> redirect(exchange, 302, "file:///etc/passwd");
			case "/to-other-origin" -> redirect(exchange, 302, "http://localhost:" + port + "/ok");
			case "/see-other" -> redirect(exchange, 303, "/ok");
			case "/temporary" -> redirect(exchange, 307, "/ok");
			default -> {
				if (path.startsWith("/hops/")) {
					int left = Integer.parseInt(path.substring("/hops/".length()));
					redirect(exchange, 302, left == 0 ? "/ok" : "/hops/" + (left - 1));
				}
				else {
					answer(exchange, 404, "no");
				}
			}
		}
	}

	private void awaitRelease() {
		try {
			release.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static void redirect(HttpExchange exchange, int status, String location) throws IOException {
		exchange.getResponseHeaders().add("Location", location);
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	/** Private addresses refused, except the test server's own loopback address. */
	private GuardedOutboundHttp guardExceptTestServer() {
		return new GuardedOutboundHttp(DEFAULTS,
				new AddressPolicy(false, address -> address.getHostAddress().equals("127.0.0.1")));
	}

	private static GuardedOutboundHttp guard(boolean allowPrivate) {
		return new GuardedOutboundHttp(DEFAULTS, new AddressPolicy(allowPrivate));
	}

	@Test
	void refuses_a_loopback_address_without_sending_anything() {
		assertThatThrownBy(() -> guard(false).send(OutboundRequest.get(base + "/ok").build()))
			.isInstanceOf(AddressNotAllowed.class)
			.hasMessageStartingWith("this address is not allowed")
			.hasMessageContaining("loopback");
		assertThat(hits).hasValue(0);
	}

	@Test
	void refuses_a_host_name_that_resolves_to_loopback() {
		int port = server.getAddress().getPort();
		assertThatThrownBy(() -> guard(false).send(OutboundRequest.get("http://localhost:" + port + "/ok").build()))
			.isInstanceOf(AddressNotAllowed.class)
			.hasMessageContaining("localhost");
		assertThat(hits).hasValue(0);
	}

	@Test
	void refuses_schemes_other_than_http_and_https() {
		assertThatThrownBy(() -> guard(true).send(OutboundRequest.get("file:///etc/passwd").build()))
			.isInstanceOf(AddressNotAllowed.class);
		assertThatThrownBy(() -> guard(true).send(OutboundRequest.get("ftp://127.0.0.1/x").build()))
			.isInstanceOf(AddressNotAllowed.class);
		assertThatThrownBy(() -> guard(true).send(OutboundRequest.get("not a url").build()))
			.isInstanceOf(AddressNotAllowed.class);
	}

	@Test
	void reaches_loopback_when_the_operator_allows_private_addresses() {
		OutboundResponse response = guard(true).send(OutboundRequest.get(base + "/ok").build());
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.bodyText()).isEqualTo("hello");
	}

	@Test
	void refuses_a_redirect_to_a_link_local_address() {
		assertThatThrownBy(() -> guardExceptTestServer().send(OutboundRequest.get(base + "/to-metadata").build()))
			.isInstanceOf(AddressNotAllowed.class)
			.hasMessageContaining("169.254.169.254");
		assertThat(hits).hasValue(1);
	}

	@Test
	void refuses_a_redirect_to_another_scheme() {
		assertThatThrownBy(() -> guard(true).send(OutboundRequest.get(base + "/to-file").build()))
			.isInstanceOf(AddressNotAllowed.class);
	}

	@Test
	void follows_up_to_five_redirects() {
		OutboundResponse response = guard(true).send(OutboundRequest.get(base + "/hops/4").build());
		assertThat(response.bodyText()).isEqualTo("hello");
		assertThat(response.url()).endsWith("/ok");
	}

	@Test
	void stops_after_five_redirects() {
		assertThatThrownBy(() -> guard(true).send(OutboundRequest.get(base + "/hops/5").build()))
			.isInstanceOf(OutcomeUnknown.class)
			.hasMessageContaining("redirects");
		assertThat(hits).hasValue(6);
	}

	@Test
	void drops_the_authorization_header_on_a_redirect_to_another_origin() {
		guard(true).send(OutboundRequest.get(base + "/to-other-origin").bearer("secret-token").build());
		assertThat(seenHeaders).hasSize(2);
		assertThat(seenHeaders.get(0)).containsKey("Authorization");
		assertThat(seenHeaders.get(1)).doesNotContainKey("Authorization");
	}

	@Test
	void turns_a_post_into_a_get_on_303_and_keeps_it_on_307() {
		guard(true).send(OutboundRequest.post(base + "/see-other").json("{\"a\":1}").build());
		assertThat(seenBodies).containsKey("GET /ok");
		seenBodies.clear();
		guard(true).send(OutboundRequest.post(base + "/temporary").json("{\"a\":1}").build());
		assertThat(seenBodies).containsEntry("POST /ok", "{\"a\":1}");
	}

	@Test
	void refuses_an_answer_larger_than_the_cap() {
		assertThatThrownBy(() -> guard(true).send(OutboundRequest.get(base + "/big").build()))
			.isInstanceOf(ResponseTooLarge.class);
	}

	@Test
	void refuses_a_chunked_answer_that_grows_past_the_cap() {
		assertThatThrownBy(() -> guard(true).send(OutboundRequest.get(base + "/big-chunked").build()))
			.isInstanceOf(ResponseTooLarge.class);
	}

	@Test
	void an_answer_slower_than_the_timeout_makes_the_outcome_unknown() {
		OutboundRequest request = OutboundRequest.post(base + "/slow").json("{}").responseTimeout(Duration.ofMillis(300)).build();
		assertThatThrownBy(() -> guard(true).send(request)).isInstanceOf(OutcomeUnknown.class)
			.isNotInstanceOf(ResponseTooLarge.class);
	}

	@Test
	void a_refused_connection_means_nothing_was_sent() throws IOException {
		int port;
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = probe.getLocalPort();
		}
		assertThatThrownBy(() -> guard(true).send(OutboundRequest.post("http://127.0.0.1:" + port + "/x").json("{}").build()))
			.isInstanceOf(ConnectFailed.class);
	}

	@Test
	void a_connection_dropped_after_sending_makes_the_outcome_unknown() throws Exception {
		try (ServerSocket dropper = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Thread thread = Thread.ofVirtual().start(() -> {
				try (Socket socket = dropper.accept()) {
					InputStream in = socket.getInputStream();
					in.read(new byte[8192]);
				}
				catch (IOException ignored) {
					// the client side decides what this means
				}
			});
			OutboundRequest request = OutboundRequest.post("http://127.0.0.1:" + dropper.getLocalPort() + "/x").json("{}").build();
			assertThatThrownBy(() -> guard(true).send(request)).isInstanceOf(OutcomeUnknown.class);
			thread.join(5000);
		}
	}

	@Test
	void only_requests_safe_to_repeat_travel_on_a_kept_alive_connection() {
		GuardedOutboundHttp http = guardExceptTestServer();
		String url = base + "/port";
		Set<String> reads = new HashSet<>();
		Set<String> plainPosts = new HashSet<>();
		Set<String> keyedPosts = new HashSet<>();
		Set<String> declaredPosts = new HashSet<>();
		for (int i = 0; i < 3; i++) {
			reads.add(http.send(OutboundRequest.get(url).build()).bodyText());
			plainPosts.add(http.send(OutboundRequest.post(url).json("{}").build()).bodyText());
			keyedPosts.add(http.send(OutboundRequest.post(url).header("Idempotency-Key", "k-" + i).json("{}").build()).bodyText());
			declaredPosts.add(http.send(OutboundRequest.post(url).repeatable().json("{}").build()).bodyText());
		}

		assertThat(plainPosts).as("a post that could be duplicated gets a new connection each time").hasSize(3);
		assertThat(reads).as("reads share one kept-alive connection").hasSize(1);
		Set<String> repeatable = new HashSet<>(reads);
		repeatable.addAll(keyedPosts);
		repeatable.addAll(declaredPosts);
		assertThat(repeatable).as("idempotent posts share it too").hasSize(1);
		assertThat(repeatable).doesNotContainAnyElementsOf(plainPosts);
	}

	@Test
	void sends_multipart_files_and_text_fields() {
		guard(true).send(OutboundRequest.post(base + "/ok")
			.multipart(List.of(OutboundRequest.Part.file("file", "a.png", "image/png", new byte[] { 1, 2, 3 }),
					OutboundRequest.Part.text("description", "a red square")))
			.build());
		assertThat(seenHeaders.get(0).get("Content-type").get(0)).startsWith("multipart/form-data; boundary=");
		assertThat(seenBodies.get("POST /ok")).contains("name=\"file\"; filename=\"a.png\"", "Content-Type: image/png",
				"name=\"description\"", "a red square");
	}

	@Test
	void sends_raw_bytes_with_their_content_type() {
		guard(true).send(OutboundRequest.post(base + "/ok").bytes("image/png", "PNG bytes".getBytes(StandardCharsets.US_ASCII)).build());
		assertThat(seenHeaders.get(0).get("Content-type")).containsExactly("image/png");
		assertThat(seenBodies.get("POST /ok")).isEqualTo("PNG bytes");
	}
}
