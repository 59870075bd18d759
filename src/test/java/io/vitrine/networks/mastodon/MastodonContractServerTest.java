package io.vitrine.networks.mastodon;

import io.vitrine.outbound.OutboundHttp;
import io.vitrine.outbound.OutboundRequest;
import io.vitrine.outbound.OutboundSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract server itself must catch requests that stray from the API description, or its silence proves nothing. */
class MastodonContractServerTest {

	private final MastodonContractServer server = new MastodonContractServer();

	private final OutboundHttp http = OutboundHttp.create(new OutboundSettings(true, Duration.ofSeconds(2),
			Duration.ofSeconds(5), DataSize.ofMegabytes(1)));

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void flags_a_path_the_api_does_not_have() {
		http.send(OutboundRequest.get(server.url() + "/api/v1/no-such-thing").build());
		assertThat(server.violations()).singleElement().asString().contains("not in the Mastodon API description");
	}

	@Test
	void flags_a_misspelled_field_and_a_missing_required_one() {
		http.send(OutboundRequest.post(server.url() + "/api/v1/statuses").json("{\"stauts\":\"hello\"}").build());
		assertThat(server.violations()).anySatisfy(v -> assertThat(v).contains("undeclared 'stauts'"));
	}

	@Test
	void flags_a_media_upload_without_its_file() {
		http.send(OutboundRequest.post(server.url() + "/api/v2/media")
			.multipart(List.of(OutboundRequest.Part.text("description", "alt")))
			.build());
		assertThat(server.violations()).anySatisfy(v -> assertThat(v).contains("missing required 'file'"));
	}

	@Test
	void flags_an_undeclared_query_parameter() {
		http.send(OutboundRequest.get(server.url() + "/api/v1/accounts/1/statuses").query("limitt", "40").build());
		assertThat(server.violations()).anySatisfy(v -> assertThat(v).contains("undeclared query parameter 'limitt'"));
	}

	@Test
	void flags_a_json_body_where_the_api_expects_multipart() {
		http.send(OutboundRequest.post(server.url() + "/api/v2/media").json("{\"file\":\"x\"}").build());
		assertThat(server.violations()).anySatisfy(v -> assertThat(v).contains("content type application/json"));
	}

	@Test
	void accepts_the_requests_vitrine_makes() {
		http.send(OutboundRequest.get(server.url() + "/api/v2/instance").build());
		http.send(OutboundRequest.post(server.url() + "/api/v1/statuses").json("{\"status\":\"hi\",\"visibility\":\"public\"}").build());
		assertThat(server.violations()).isEmpty();
	}
}
