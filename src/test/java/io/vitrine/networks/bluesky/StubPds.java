package io.vitrine.networks.bluesky;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A loopback server answering XRPC calls from a script, for the answers a real PDS will not give
 * on demand (a 503, a 429, a lost response). The shapes follow src/test/pds/README.md.
 */
final class StubPds implements AutoCloseable {

	record Answer(int status, String json, Map<String, String> headers, Duration delay) {

		static Answer json(int status, String json) {
			return new Answer(status, json, Map.of(), Duration.ZERO);
		}

		static Answer error(int status, String error, String message) {
			return json(status, "{\"error\":\"" + error + "\",\"message\":\"" + message + "\"}");
		}

		Answer withHeader(String name, String value) {
			Map<String, String> all = new java.util.LinkedHashMap<>(headers);
			all.put(name, value);
			return new Answer(status, json, all, delay);
		}

		Answer after(Duration wait) {
			return new Answer(status, json, headers, wait);
		}
	}

	record Call(String method, String authorization, String body) {
	}

	private final HttpServer server;

	private final Map<String, Deque<Answer>> script = new ConcurrentHashMap<>();

	final List<Call> calls = new CopyOnWriteArrayList<>();

	StubPds() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/xrpc/", this::handle);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** The next answers to {@code method}, in order; the last one repeats. */
	StubPds on(String method, Answer... answers) {
		script.put(method, new ArrayDeque<>(List.of(answers)));
		return this;
	}

	List<Call> calls(String method) {
		return calls.stream().filter(c -> c.method().equals(method)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestURI().getPath().substring("/xrpc/".length());
		calls.add(new Call(method, exchange.getRequestHeaders().getFirst("Authorization"),
				new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
		Deque<Answer> answers = script.get(method);
		Answer answer = answers == null ? Answer.error(501, "MethodNotImplemented", "not scripted: " + method)
				: answers.size() > 1 ? answers.poll() : answers.peek();
		try {
			Thread.sleep(answer.delay());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
		byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(answer.status(), body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
