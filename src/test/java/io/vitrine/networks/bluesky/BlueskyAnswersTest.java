package io.vitrine.networks.bluesky;

import io.vitrine.networks.Channel;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.networks.bluesky.StubPds.Answer;
import io.vitrine.outbound.OutboundHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The answers a real PDS does not give on demand (server errors, rate limits, lost responses), from a scripted server. */
@SpringJUnitConfig(BlueskyWiring.Guard.class)
@TestPropertySource(properties = { "vitrine.outbound.allow-private-addresses=true", "vitrine.outbound.response-timeout=1s" })
class BlueskyAnswersTest {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	private static final String REFRESHED = "{\"did\":\"did:plc:stub\",\"handle\":\"stub.test\",\"accessJwt\":\"access-2\",\"refreshJwt\":\"refresh-2\"}";

	private static final String CREATED = "{\"uri\":\"at://did:plc:stub/app.bsky.feed.post/KEY\",\"cid\":\"bafy\"}";

	@Autowired
	private OutboundHttp http;

	private final StubPds stub = new StubPds();

	private final UUID target = UUID.fromString("019aa2f1-7c00-7abc-8def-0123456789ab");

	BlueskyAnswersTest() throws IOException {
	}

	@AfterEach
	void stop() {
		stub.close();
	}

	private BlueskyConnector connector() {
		return BlueskyWiring.connector(http, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	/** A session whose access token gives no expiry, so only the server's answers decide. */
	private TestChannel channel() {
		return channel("access-1");
	}

	private TestChannel channel(String accessToken) {
		return TestChannel.of(stub.url(), new Session("did:plc:stub", "stub.test", stub.url(), accessToken, "refresh-1", "app-pass"));
	}

	private PublishOutcome publish(TestChannel channel, TestMedia media, PostVariant.Media... images) {
		return connector().publish(channel, new PublishRequest(target, target.toString(),
				new PostVariant("hello", null, List.of(images)), media));
	}

	private PublishOutcome publish(TestChannel channel) {
		return publish(channel, new TestMedia());
	}

	private static String tokenExpiringAt(Instant exp) {
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		return b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ b64.encodeToString(("{\"exp\":" + exp.getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8)) + ".sig";
	}

	@Test
	void a_server_error_while_refreshing_means_not_sent_and_never_asks_to_reconnect() {
		stub.on("com.atproto.server.refreshSession", Answer.error(503, "InternalServerError", "down for maintenance"));
		TestChannel channel = channel(tokenExpiringAt(NOW.minusSeconds(60)));

		PublishOutcome outcome = publish(channel);

		assertThat(outcome).isInstanceOf(PublishOutcome.Transient.class);
		assertThat(channel.saved()).isEmpty();
		assertThat(stub.calls("com.atproto.server.createSession")).isEmpty();
		assertThat(stub.calls("com.atproto.repo.createRecord")).isEmpty();
	}

	@Test
	void an_answer_to_refreshing_that_is_not_a_session_means_not_sent() {
		stub.on("com.atproto.server.refreshSession", Answer.json(200, "{\"status\":\"ok\"}"));

		PublishOutcome outcome = publish(channel(tokenExpiringAt(NOW.minusSeconds(60))));

		assertThat(outcome).isInstanceOf(PublishOutcome.Transient.class);
		assertThat(stub.calls("com.atproto.repo.createRecord")).isEmpty();
	}

	@Test
	void a_token_that_still_works_is_used_when_refreshing_it_ahead_of_time_fails() {
		String stillValid = tokenExpiringAt(NOW.plusSeconds(60));
		stub.on("com.atproto.server.refreshSession", Answer.error(503, "InternalServerError", "down for maintenance"))
			.on("com.atproto.repo.createRecord", Answer.json(200, CREATED));

		PublishOutcome outcome = publish(channel(stillValid));

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		assertThat(stub.calls("com.atproto.repo.createRecord")).extracting(StubPds.Call::authorization)
			.containsExactly("Bearer " + stillValid);
	}

	@Test
	void a_server_error_while_signing_in_again_means_not_sent_either() {
		stub.on("com.atproto.server.refreshSession", Answer.error(400, "ExpiredToken", "Token has expired"))
			.on("com.atproto.server.createSession", Answer.error(502, "UpstreamFailure", "bad gateway"));

		PublishOutcome outcome = publish(channel(tokenExpiringAt(NOW.minusSeconds(60))));

		assertThat(outcome).isInstanceOf(PublishOutcome.Transient.class);
		assertThat(stub.calls("com.atproto.server.createSession")).hasSize(1);
	}

	@Test
	void an_expired_refresh_token_signs_in_again_with_the_stored_app_password() {
		stub.on("com.atproto.server.refreshSession", Answer.error(400, "ExpiredToken", "Token has expired"))
			.on("com.atproto.server.createSession", Answer.json(200, REFRESHED))
			.on("com.atproto.repo.createRecord", Answer.json(200, CREATED));
		TestChannel channel = channel(tokenExpiringAt(NOW.plusSeconds(60)));

		PublishOutcome outcome = publish(channel);

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		assertThat(stub.calls("com.atproto.server.createSession").get(0).body())
			.contains("\"identifier\":\"did:plc:stub\"", "\"password\":\"app-pass\"");
		assertThat(channel.lastSaved().accessJwt()).isEqualTo("access-2");
		assertThat(stub.calls("com.atproto.repo.createRecord").get(0).authorization()).isEqualTo("Bearer access-2");
	}

	@Test
	void a_rate_limit_waits_until_the_reset_time_the_server_gives() {
		stub.on("com.atproto.repo.createRecord", Answer.error(429, "RateLimitExceeded", "Rate Limit Exceeded")
			.withHeader("RateLimit-Reset", String.valueOf(NOW.plusSeconds(300).getEpochSecond()))
			.withHeader("Retry-After", "289"));

		PublishOutcome outcome = publish(channel());

		assertThat(outcome).isEqualTo(new PublishOutcome.RateLimited(NOW.plusSeconds(300), "Rate Limit Exceeded"));
	}

	@Test
	void without_a_reset_time_a_rate_limit_waits_for_retry_after() {
		stub.on("com.atproto.repo.createRecord",
				Answer.error(429, "RateLimitExceeded", "Rate Limit Exceeded").withHeader("Retry-After", "120"));

		PublishOutcome outcome = publish(channel());

		assertThat(((PublishOutcome.RateLimited) outcome).until()).isEqualTo(NOW.plusSeconds(120));
	}

	@Test
	void a_server_error_with_no_record_behind_it_leaves_the_outcome_unknown() {
		stub.on("com.atproto.repo.createRecord", Answer.error(500, "InternalServerError", "Internal Server Error"))
			.on("com.atproto.repo.getRecord", Answer.error(400, "RecordNotFound", "Could not locate record"));

		PublishOutcome outcome = publish(channel());

		assertThat(outcome).isInstanceOf(PublishOutcome.Unknown.class);
		assertThat(stub.calls("com.atproto.repo.createRecord")).as("never sent blindly again").hasSize(1);
	}

	@Test
	void a_lost_answer_is_published_when_the_record_is_there() {
		stub.on("com.atproto.repo.createRecord", Answer.json(200, CREATED).after(Duration.ofSeconds(3)))
			.on("com.atproto.repo.getRecord", Answer.json(200, "{\"uri\":\"at://did:plc:stub/app.bsky.feed.post/"
					+ RecordKey.of(target) + "\",\"value\":{\"text\":\"hello\"}}"));

		PublishOutcome outcome = publish(channel());

		assertThat(outcome).isEqualTo(new PublishOutcome.Published("at://did:plc:stub/app.bsky.feed.post/" + RecordKey.of(target),
				"https://bsky.app/profile/stub.test/post/" + RecordKey.of(target)));
		assertThat(stub.calls("com.atproto.repo.getRecord").get(0).method()).isEqualTo("com.atproto.repo.getRecord");
	}

	@Test
	void a_refused_record_is_rejected_with_the_servers_own_message() {
		stub.on("com.atproto.repo.createRecord", Answer.error(400, "InvalidRequest",
				"Invalid app.bsky.feed.post record: grapheme too big (maximum 300, got 301) at $.record.text"));

		PublishOutcome outcome = publish(channel());

		assertThat(outcome).isEqualTo(new PublishOutcome.Rejected(
				"Invalid app.bsky.feed.post record: grapheme too big (maximum 300, got 301) at $.record.text"));
	}

	@Test
	void an_expired_token_answer_refreshes_the_session_and_sends_once_more_with_the_new_token() {
		stub.on("com.atproto.repo.createRecord", Answer.error(400, "ExpiredToken", "Token has expired"), Answer.json(200, CREATED))
			.on("com.atproto.server.refreshSession", Answer.json(200, REFRESHED));
		TestChannel channel = channel();

		PublishOutcome outcome = publish(channel);

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		assertThat(stub.calls("com.atproto.server.refreshSession")).extracting(StubPds.Call::authorization)
			.containsExactly("Bearer refresh-1");
		assertThat(stub.calls("com.atproto.repo.createRecord")).extracting(StubPds.Call::authorization)
			.containsExactly("Bearer access-1", "Bearer access-2");
		assertThat(channel.saved()).hasSize(1);
		assertThat(channel.lastSaved().refreshJwt()).isEqualTo("refresh-2");
		assertThat(channel.lastSaved().appPassword()).isEqualTo("app-pass");
	}

	@Test
	void a_token_refused_again_after_renewal_asks_to_reconnect() {
		stub.on("com.atproto.repo.createRecord", Answer.error(400, "InvalidToken", "Token could not be verified"))
			.on("com.atproto.server.refreshSession", Answer.json(200, REFRESHED));

		PublishOutcome outcome = publish(channel());

		assertThat(outcome).isInstanceOf(PublishOutcome.Reauthorize.class);
		assertThat(stub.calls("com.atproto.repo.createRecord")).hasSize(2);
	}

	@Test
	void an_image_upload_failure_means_not_sent_and_nothing_is_posted() {
		stub.on("com.atproto.repo.uploadBlob", Answer.error(500, "InternalServerError", "Internal Server Error"));
		TestMedia media = new TestMedia();
		UUID image = media.add(new byte[] { 1, 2, 3 });

		PublishOutcome outcome = publish(channel(), media, PostVariant.Media.image(image, "image/png", 3, 1, 1, "alt"));

		assertThat(outcome).isInstanceOf(PublishOutcome.Transient.class);
		assertThat(stub.calls("com.atproto.repo.createRecord")).isEmpty();
		assertThat(media.uploads).isEmpty();
	}

	@Test
	void a_blob_the_server_no_longer_has_is_uploaded_again_once() {
		String newBlob = "{\"$type\":\"blob\",\"ref\":{\"$link\":\"bafknew\"},\"mimeType\":\"image/png\",\"size\":3}";
		stub.on("com.atproto.repo.createRecord", Answer.error(400, "BlobNotFound", "Could not find blob: bafkold"),
				Answer.json(200, CREATED))
			.on("com.atproto.repo.uploadBlob", Answer.json(200, "{\"blob\":" + newBlob + "}"));
		TestMedia media = new TestMedia();
		UUID image = media.add(new byte[] { 1, 2, 3 });
		media.rememberUpload(image, "bluesky:did:plc:stub",
				"{\"$type\":\"blob\",\"ref\":{\"$link\":\"bafkold\"},\"mimeType\":\"image/png\",\"size\":3}");

		PublishOutcome outcome = publish(channel(), media, PostVariant.Media.image(image, "image/png", 3, 1, 1, "alt"));

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		assertThat(stub.calls("com.atproto.repo.uploadBlob")).hasSize(1);
		assertThat(stub.calls("com.atproto.repo.createRecord")).extracting(StubPds.Call::body)
			.satisfiesExactly(first -> assertThat(first).contains("bafkold"), second -> assertThat(second).contains("bafknew"));
		assertThat(media.uploaded(image, "bluesky:did:plc:stub")).hasValueSatisfying(ref -> assertThat(ref).contains("bafknew"));
	}

	@Test
	void a_connection_without_a_complete_session_asks_to_reconnect_instead_of_failing_obscurely() {
		TestChannel channel = channel();
		Channel emptied = new Channel() {

			@Override
			public UUID id() {
				return channel.id();
			}

			@Override
			public NetworkId network() {
				return channel.network();
			}

			@Override
			public String serverUrl() {
				return channel.serverUrl();
			}

			@Override
			public String remoteAccountId() {
				return channel.remoteAccountId();
			}

			@Override
			public String handle() {
				return channel.handle();
			}

			@Override
			public NetworkLimits limits() {
				return channel.limits();
			}

			@Override
			public Credentials credentials() {
				return new Credentials(Map.of());
			}

			@Override
			public void updateCredentials(Credentials updated) {
				channel.updateCredentials(updated);
			}
		};
		PublishRequest request = new PublishRequest(target, target.toString(), new PostVariant("hello", null, List.of()), new TestMedia());

		assertThat(connector().publish(emptied, request)).isInstanceOf(PublishOutcome.Reauthorize.class);
		assertThat(connector().reconcile(emptied, request, NOW)).isInstanceOf(ReconcileOutcome.Reauthorize.class);
		assertThat(stub.calls).isEmpty();
	}
}
