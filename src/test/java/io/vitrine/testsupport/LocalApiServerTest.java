package io.vitrine.testsupport;

import io.vitrine.testsupport.LocalApiServer.Answer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared local API server: what it records, how canned answers queue, what reset forgets. */
class LocalApiServerTest {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void records_every_request_and_answers_canned_ones_in_order_before_its_own_behaviour() throws Exception {
		try (LocalApiServer server = LocalApiServer.start((request, canned) -> canned.isPresent() ? canned.get().answer(request)
				: new Answer(200, java.util.Map.of("Content-Type", "text/plain"), "own"))) {
			server.respondOnce("POST", "/v1/things", r -> new Answer(429, java.util.Map.of("Retry-After", "7"), "first"));
			server.respondOnce("POST", "/v1/things", r -> Answer.empty(503));

			HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(server.url() + "/v1/things?a=1&b=x%20y"))
				.header("Authorization", "Bearer t0k").header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"croissant\"}"));
			HttpResponse<String> first = send(post);
			HttpResponse<String> second = send(post);
			HttpResponse<String> third = send(post);
			HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(server.url() + "/token"))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("grant_type=x&c=%C3%A9")));

			assertThat(first.statusCode()).isEqualTo(429);
			assertThat(first.headers().firstValue("Retry-After")).hasValue("7");
			assertThat(second.statusCode()).isEqualTo(503);
			assertThat(third.body()).isEqualTo("own");
			assertThat(form.body()).isEqualTo("own");
			LocalApiServer.Request recorded = server.requests("POST", "/v1/things").getFirst();
			assertThat(recorded.query()).containsEntry("a", "1").containsEntry("b", "x y");
			assertThat(recorded.bearer()).isEqualTo("t0k");
			assertThat(recorded.json().path("name").asString()).isEqualTo("croissant");
			assertThat(server.requests("POST", "/token").getFirst().form()).containsEntry("c", "é");
			assertThat(server.requests()).hasSize(4);
		}
	}

	@Test
	void reset_forgets_requests_violations_and_queued_answers_and_a_throwing_handler_is_a_violation() throws Exception {
		try (LocalApiServer server = LocalApiServer.start((request, canned) -> {
			if (request.path().equals("/boom")) {
				throw new IllegalStateException("no such thing");
			}
			return canned.isPresent() ? canned.get().answer(request) : Answer.empty(204);
		})) {
			server.respondOnce("GET", "/x", r -> Answer.empty(500));
			assertThat(send(HttpRequest.newBuilder(URI.create(server.url() + "/boom"))).statusCode()).isEqualTo(500);
			assertThat(server.violations()).singleElement().asString().contains("no such thing");

			server.reset();

			assertThat(server.requests()).isEmpty();
			assertThat(server.violations()).isEmpty();
			assertThat(send(HttpRequest.newBuilder(URI.create(server.url() + "/x"))).statusCode()).isEqualTo(204);
		}
	}
}
