package io.vitrine.networks.mastodon;

import io.vitrine.testsupport.LocalApiServer;
import io.vitrine.testsupport.OAuthTestChannel;
import io.vitrine.networks.Capability;
import io.vitrine.networks.Channel;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.outbound.OutboundHttp;
import io.vitrine.outbound.OutboundSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The connector against a local server that follows the official Mastodon API description. */
class MastodonConnectorContractTest {

	private static final Instant NOW = Instant.parse("2026-03-29T07:00:00Z");

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private MastodonContractServer server;

	private MastodonConnector connector;

	private String token;

	private final OAuthTestChannel.Media media = new OAuthTestChannel.Media();

	record TestChannel(UUID id, NetworkId network, String serverUrl, String remoteAccountId, String handle,
			NetworkLimits limits, Credentials credentials) implements Channel {

		@Override
		public void updateCredentials(Credentials updated) {
			throw new UnsupportedOperationException("Mastodon tokens do not rotate");
		}
	}

	@BeforeEach
	void start() {
		server = new MastodonContractServer();
		connector = connector(Duration.ofSeconds(5));
		token = server.issueToken();
	}

	@AfterEach
	void stop() {
		try {
			assertThat(server.violations()).as("requests that do not follow the Mastodon API description").isEmpty();
		}
		finally {
			server.close();
		}
	}

	private MastodonConnector connector(Duration responseTimeout) {
		OutboundHttp http = OutboundHttp.create(new OutboundSettings(true, Duration.ofSeconds(2), responseTimeout,
				DataSize.ofMegabytes(10)));
		return new MastodonConnector(new MastodonApi(http), clock, duration -> {
		});
	}

	private Channel channel() {
		return channel(server.url());
	}

	private Channel channel(String serverUrl) {
		return new TestChannel(UUID.randomUUID(), MastodonConnector.ID, serverUrl, MastodonContractServer.ACCOUNT_ID,
				"@alice@social.example", MastodonLimits.DEFAULTS, new Credentials(Map.of(MastodonConnector.ACCESS_TOKEN, token)));
	}

	private PublishRequest request(PostVariant variant) {
		UUID target = UUID.randomUUID();
		return new PublishRequest(target, target.toString(), variant, media);
	}

	private PostVariant.Media image(String alt) {
		UUID id = UUID.randomUUID();
		media.files.put(id, new byte[] { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3 });
		return PostVariant.Media.image(id, "image/png", 7, 1, 1, alt);
	}

	@Test
	void publishes_text_with_the_targets_idempotency_key() {
		PublishRequest request = request(new PostVariant("Hello from Vitrine", "https://example.com/article", List.of()));

		PublishOutcome outcome = connector.publish(channel(), request);

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		PublishOutcome.Published published = (PublishOutcome.Published) outcome;
		assertThat(published.remoteUrl()).isEqualTo(server.url() + "/@alice/" + published.remoteId());
		LocalApiServer.Request post = server.requests("POST", "/api/v1/statuses").get(0);
		assertThat(post.header("Idempotency-Key")).isEqualTo(request.idempotencyKey());
		assertThat(post.header("Authorization")).isEqualTo("Bearer " + token);
		assertThat(post.json().path("status").asString()).isEqualTo("Hello from Vitrine\n\nhttps://example.com/article");
		assertThat(post.json().path("visibility").asString()).isEqualTo("public");
	}

	@Test
	void a_poll_goes_with_its_answers_and_how_long_it_stays_open() {
		PublishRequest request = request(new PostVariant("Which galette this year?", null, List.of(),
				java.util.Map.of("pollOptions", "Frangipane\n\nPommes\nChocolat", "pollDuration", "3d")));

		PublishOutcome outcome = connector.publish(channel(), request);

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		LocalApiServer.Request post = server.requests("POST", "/api/v1/statuses").get(0);
		assertThat(post.json().path("poll").path("options").valueStream().map(o -> o.asString()).toList())
			.containsExactly("Frangipane", "Pommes", "Chocolat");
		assertThat(post.json().path("poll").path("expires_in").asLong()).isEqualTo(3 * 24 * 3600);
		assertThat(post.json().has("media_ids")).isFalse();
	}

	@Test
	void a_poll_with_too_many_answers_or_beside_an_image_is_refused_before_anything_is_sent() {
		PublishOutcome many = connector.publish(channel(), request(new PostVariant("Vote", null, List.of(),
				java.util.Map.of("pollOptions", "a\nb\nc\nd\ne"))));
		PublishOutcome withImage = connector.publish(channel(), request(new PostVariant("Vote", null, List.of(image("alt")),
				java.util.Map.of("pollOptions", "yes\nno"))));

		assertThat(many).isInstanceOfSatisfying(PublishOutcome.Rejected.class,
				r -> assertThat(r.message()).contains("2 to 4 answers; this one has 5"));
		assertThat(withImage).isInstanceOfSatisfying(PublishOutcome.Rejected.class,
				r -> assertThat(r.message()).contains("cannot have images or videos"));
		assertThat(server.requests("POST", "/api/v1/statuses")).isEmpty();
	}

	@Test
	void uploads_an_image_with_its_alt_text_then_attaches_it() {
		PostVariant.Media image = image("A red square on white");

		PublishOutcome outcome = connector.publish(channel(), request(new PostVariant("With a picture", null, List.of(image))));

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		LocalApiServer.Request upload = server.requests("POST", "/api/v2/media").get(0);
		assertThat(upload.parts().get("file").contentType()).isEqualTo("image/png");
		assertThat(upload.parts().get("file").content()).isEqualTo(media.files.get(image.mediaId()));
		assertThat(upload.parts().get("description").text()).isEqualTo("A red square on white");
		String mediaId = server.statuses().get(0).path("media_attachments").path(0).path("id").asString();
		assertThat(server.requests("POST", "/api/v1/statuses").get(0).json().path("media_ids").path(0).asString())
			.isEqualTo(mediaId);
	}

	@Test
	void waits_while_the_instance_is_still_processing_an_image() {
		server.mediaProcessingPolls = 2;

		PublishOutcome outcome = connector.publish(channel(), request(new PostVariant("", null, List.of(image("alt")))));

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		String mediaId = server.statuses().get(0).path("media_attachments").path(0).path("id").asString();
		assertThat(server.requests("GET", "/api/v1/media/" + mediaId)).hasSize(3);
	}

	@Test
	void a_second_attempt_sends_the_same_idempotency_key_and_reuses_the_uploaded_image() {
		PublishRequest request = request(new PostVariant("Once only", null, List.of(image("alt"))));
		server.respondOnce("POST", "/api/v1/statuses", r -> server.error(500, "Something went wrong on our end"));

		PublishOutcome first = connector.publish(channel(), request);
		PublishOutcome second = connector.publish(channel(), request);
		PublishOutcome third = connector.publish(channel(), request);

		assertThat(first).isInstanceOf(PublishOutcome.Unknown.class);
		assertThat(second).isInstanceOf(PublishOutcome.Published.class);
		assertThat(third).isEqualTo(second);
		assertThat(server.requests("POST", "/api/v1/statuses")).extracting(r -> r.header("Idempotency-Key"))
			.containsExactly(request.idempotencyKey(), request.idempotencyKey(), request.idempotencyKey());
		assertThat(server.requests("POST", "/api/v2/media")).hasSize(1);
		assertThat(server.statuses()).hasSize(1);
	}

	@Test
	void a_refused_token_asks_for_a_reconnect() {
		server.revoke(token);

		PublishOutcome outcome = connector.publish(channel(), request(new PostVariant("Hello", null, List.of())));

		assertThat(outcome).isInstanceOf(PublishOutcome.Reauthorize.class);
		assertThat(((PublishOutcome.Reauthorize) outcome).message()).contains("The access token is invalid");
	}

	@Test
	void a_refusal_of_the_content_keeps_mastodons_message() {
		server.maxCharacters = 10;

		PublishOutcome outcome = connector.publish(channel(), request(new PostVariant("More than ten characters", null, List.of())));

		assertThat(outcome).isEqualTo(new PublishOutcome.Rejected("Validation failed: Text character limit of 10 exceeded"));
	}

	@Test
	void a_rate_limit_waits_until_the_reset_the_instance_gives() {
		server.respondOnce("POST", "/api/v1/statuses", r -> new LocalApiServer.Answer(429,
				Map.of("Content-Type", "application/json", "X-RateLimit-Limit", "300", "X-RateLimit-Remaining", "0",
						"X-RateLimit-Reset", "2026-03-29T07:04:30.123Z"),
				"{\"error\":\"Too many requests\"}"));

		PublishOutcome outcome = connector.publish(channel(), request(new PostVariant("Hello", null, List.of())));

		assertThat(outcome).isInstanceOf(PublishOutcome.RateLimited.class);
		assertThat(((PublishOutcome.RateLimited) outcome).until()).isEqualTo(Instant.parse("2026-03-29T07:04:30.123Z"));
		assertThat(server.statuses()).isEmpty();
	}

	@Test
	void a_rate_limit_with_only_retry_after_waits_that_long() {
		server.respondOnce("POST", "/api/v1/statuses", r -> new LocalApiServer.Answer(429,
				Map.of("Content-Type", "application/json", "Retry-After", "90"), "{\"error\":\"Too many requests\"}"));

		PublishOutcome outcome = connector.publish(channel(), request(new PostVariant("Hello", null, List.of())));

		assertThat(((PublishOutcome.RateLimited) outcome).until()).isEqualTo(NOW.plusSeconds(90));
	}

	@Test
	void a_server_error_makes_the_outcome_unknown() {
		server.respondOnce("POST", "/api/v1/statuses", r -> server.error(503, "Unavailable"));

		assertThat(connector.publish(channel(), request(new PostVariant("Hello", null, List.of()))))
			.isInstanceOf(PublishOutcome.Unknown.class);
	}

	@Test
	void an_answer_slower_than_the_client_timeout_makes_the_outcome_unknown() {
		server.respondOnce("POST", "/api/v1/statuses", r -> server.hang());

		PublishOutcome outcome = connector(Duration.ofMillis(500)).publish(channel(),
				request(new PostVariant("Hello", null, List.of())));

		assertThat(outcome).isInstanceOf(PublishOutcome.Unknown.class);
	}

	@Test
	void an_instance_that_refuses_the_connection_is_a_transient_failure() throws IOException {
		int closedPort;
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = probe.getLocalPort();
		}

		PublishOutcome outcome = connector.publish(channel("http://127.0.0.1:" + closedPort),
				request(new PostVariant("Hello", null, List.of())));

		assertThat(outcome).isInstanceOf(PublishOutcome.Transient.class);
	}

	@Test
	void a_failed_image_upload_publishes_nothing_and_may_be_retried() {
		server.respondOnce("POST", "/api/v2/media", r -> server.error(500, "Error processing thumbnail for uploaded media"));

		PublishOutcome outcome = connector.publish(channel(), request(new PostVariant("x", null, List.of(image("alt")))));

		assertThat(outcome).isInstanceOf(PublishOutcome.Transient.class);
		assertThat(server.requests("POST", "/api/v1/statuses")).isEmpty();
	}

	@Test
	void an_invalid_variant_is_rejected_before_anything_is_sent() {
		PublishOutcome outcome = connector.publish(channel(), request(new PostVariant("a".repeat(501), null, List.of())));

		assertThat(outcome).isInstanceOf(PublishOutcome.Rejected.class);
		assertThat(((PublishOutcome.Rejected) outcome).message()).contains("501", "500");
		assertThat(server.requests()).isEmpty();
	}

	@Test
	void reconcile_finds_the_status_among_the_accounts_recent_posts() {
		PublishRequest request = request(new PostVariant("Hi @bob@elsewhere.example\n\nSee you & bye", null, List.of()));
		Instant sentAt = Instant.now();
		server.addStatus("Something else", sentAt.plusSeconds(5));
		connector.publish(channel(), request);
		server.addStatus("Later post", sentAt.plusSeconds(60));
		String published = server.statuses().get(1).path("id").asString();

		ReconcileOutcome outcome = connector.reconcile(channel(), request, sentAt);

		assertThat(outcome).isInstanceOf(ReconcileOutcome.Found.class);
		assertThat(((ReconcileOutcome.Found) outcome).remoteId()).isEqualTo(published);
		assertThat(server.requests("GET", "/api/v1/accounts/" + MastodonContractServer.ACCOUNT_ID + "/statuses").get(0)
			.query()).containsEntry("limit", "40");
	}

	@Test
	void reconcile_pages_back_past_a_full_page_of_newer_posts() {
		PublishRequest request = request(new PostVariant("The one we lost", null, List.of()));
		Instant sentAt = Instant.now();
		connector.publish(channel(), request);
		String published = server.statuses().get(0).path("id").asString();
		for (int i = 0; i < 45; i++) {
			server.addStatus("Burst " + i, sentAt.plusSeconds(10 + i));
		}

		ReconcileOutcome outcome = connector.reconcile(channel(), request, sentAt);

		assertThat(outcome).isEqualTo(new ReconcileOutcome.Found(published, ((ReconcileOutcome.Found) outcome).remoteUrl()));
		var reads = server.requests("GET", "/api/v1/accounts/" + MastodonContractServer.ACCOUNT_ID + "/statuses");
		assertThat(reads).hasSize(2);
		assertThat(reads.get(1).query()).containsKey("max_id");
	}

	@Test
	void reconcile_reads_back_to_posts_older_than_the_attempt_before_saying_not_found() {
		Instant sentAt = Instant.now();
		server.addStatus("Before the attempt", sentAt.minus(Duration.ofHours(2)));
		for (int i = 0; i < 45; i++) {
			server.addStatus("Burst " + i, sentAt.plusSeconds(10 + i));
		}

		assertThat(connector.reconcile(channel(), request(new PostVariant("Never sent", null, List.of())), sentAt))
			.isInstanceOf(ReconcileOutcome.NotFound.class);
		assertThat(server.requests("GET", "/api/v1/accounts/" + MastodonContractServer.ACCOUNT_ID + "/statuses")).hasSize(2);
	}

	@Test
	void reconcile_does_not_find_a_status_that_was_never_created() {
		Instant sentAt = Instant.now();
		server.addStatus("Another text", sentAt.plusSeconds(5));

		ReconcileOutcome outcome = connector.reconcile(channel(), request(new PostVariant("Hello", null, List.of())), sentAt);

		assertThat(outcome).isInstanceOf(ReconcileOutcome.NotFound.class);
	}

	@Test
	void reconcile_ignores_the_same_text_posted_before_the_first_attempt() {
		Instant sentAt = Instant.now();
		server.addStatus("Hello", sentAt.minus(Duration.ofHours(1)));

		assertThat(connector.reconcile(channel(), request(new PostVariant("Hello", null, List.of())), sentAt))
			.isInstanceOf(ReconcileOutcome.NotFound.class);
	}

	@Test
	void reconcile_with_a_refused_token_asks_for_a_reconnect() {
		server.revoke(token);

		assertThat(connector.reconcile(channel(), request(new PostVariant("Hello", null, List.of())), Instant.now()))
			.isInstanceOf(ReconcileOutcome.Reauthorize.class);
	}

	@Test
	void reconcile_refused_by_a_rate_limit_says_until_when() {
		server.respondOnce("GET", "/api/v1/accounts/" + MastodonContractServer.ACCOUNT_ID + "/statuses",
				r -> new LocalApiServer.Answer(429, Map.of("Content-Type", "application/json", "X-RateLimit-Limit", "300",
						"X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "2026-03-29T07:04:30.123Z"),
						"{\"error\":\"Too many requests\"}"));

		assertThat(connector.reconcile(channel(), request(new PostVariant("Hello", null, List.of())), Instant.now()))
			.isEqualTo(new ReconcileOutcome.RateLimited(Instant.parse("2026-03-29T07:04:30.123Z"),
					"Mastodon rate limit: Too many requests"));
	}

	@Test
	void reconcile_is_inconclusive_when_the_instance_is_down() {
		server.respondOnce("GET", "/api/v1/accounts/" + MastodonContractServer.ACCOUNT_ID + "/statuses",
				r -> server.error(502, "Bad gateway"));

		assertThat(connector.reconcile(channel(), request(new PostVariant("Hello", null, List.of())), Instant.now()))
			.isInstanceOf(ReconcileOutcome.Inconclusive.class);
	}

	@Test
	void a_resend_with_the_same_key_is_trusted_only_for_the_hour_mastodon_remembers_the_key() {
		// Mastodon's PostStatusService keeps an Idempotency-Key for 3600 s; past that, a resend could post twice.
		assertThat(connector.safeResendWindow()).isEqualTo(Duration.ofHours(1));
		assertThat(connector.capabilities()).contains(Capability.SAFE_RESEND);
	}

	@Test
	void the_contract_server_answers_in_the_specs_shapes() {
		connector.publish(channel(), request(new PostVariant("Shape check", null, List.of(image("alt")))));
		var status = server.statuses().get(0);

		assertThat(server.spec.missingRequired("Status", status)).isEmpty();
		assertThat(server.spec.missingRequired("Account", status.path("account"))).isEmpty();
		assertThat(server.spec.missingRequired("MediaAttachment", status.path("media_attachments").path(0))).isEmpty();
	}
}
