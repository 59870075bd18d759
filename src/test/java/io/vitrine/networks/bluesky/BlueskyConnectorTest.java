package io.vitrine.networks.bluesky;

import com.github.f4b6a3.uuid.UuidCreator;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.outbound.OutboundHttp;
import io.vitrine.testsupport.BlueskyPds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The connector against a real Bluesky PDS on 127.0.0.1 (src/test/pds), through the real outbound guard. */
@SpringJUnitConfig(BlueskyWiring.Guard.class)
@TestPropertySource(properties = "vitrine.outbound.allow-private-addresses=true")
class BlueskyConnectorTest {

	private final BlueskyPds pds = BlueskyPds.get();

	@Autowired
	private OutboundHttp http;

	private BlueskyConnector connector(Clock clock) {
		return BlueskyWiring.connector(http, clock);
	}

	private BlueskyConnector connector() {
		return connector(Clock.systemUTC());
	}

	/** An account with an app password, signed in as the connect flow does. */
	private Connected connect(String name) {
		BlueskyPds.Account account = pds.createAccount(name);
		String appPassword = pds.createAppPassword(account, "vitrine");
		XrpcAnswer answer = new SignIn(new Xrpc(http), Clock.systemUTC()).ask(pds.url(), account.handle(), appPassword);
		assertThat(answer.status()).isEqualTo(200);
		return new Connected(account, TestChannel.of(pds.url(), Session.fromAnswer(answer.body(), pds.url(), appPassword)));
	}

	private record Connected(BlueskyPds.Account account, TestChannel channel) {
	}

	private static PublishRequest request(UUID target, String text, TestMedia media, PostVariant.Media... images) {
		return new PublishRequest(target, target.toString(), new PostVariant(text, null, List.of(images)), media);
	}

	private JsonNode record(String did, String rkey) {
		BlueskyPds.Answer answer = pds.getRecord(did, "app.bsky.feed.post", rkey);
		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
		return answer.body().path("value");
	}

	private static String rkeyOf(PublishOutcome outcome) {
		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		String uri = ((PublishOutcome.Published) outcome).remoteId();
		return uri.substring(uri.lastIndexOf('/') + 1);
	}

	@Test
	void publishes_a_link_a_mention_and_a_hashtag_as_facets_at_their_utf8_byte_offsets() {
		Connected alice = connect("alice");
		BlueskyPds.Account bob = pds.createAccount("bob");
		String text = "Café ☕ avec @" + bob.handle() + " 🇫🇷 #vitrine, lisez https://example.com/été?x=1. @nobody-here.test";
		UUID target = UuidCreator.getTimeOrderedEpoch();

		PublishOutcome outcome = connector().publish(alice.channel(), request(target, text, new TestMedia()));

		String rkey = rkeyOf(outcome);
		assertThat(rkey).isEqualTo(RecordKey.of(target));
		assertThat(((PublishOutcome.Published) outcome).remoteUrl())
			.isEqualTo("https://bsky.app/profile/" + alice.account().handle() + "/post/" + rkey);
		JsonNode post = record(alice.account().did(), rkey);
		assertThat(post.path("text").asString()).isEqualTo(text);
		assertThat(Instant.parse(post.path("createdAt").asString())).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
		List<JsonNode> facets = post.path("facets").valueStream().toList();
		assertThat(facets).hasSize(3); // the unknown handle stays plain text
		assertThat(facets).extracting(f -> BlueskyWiring.covered(text, f))
			.containsExactly("@" + bob.handle(), "#vitrine", "https://example.com/été?x=1");
		assertThat(facets.get(0).path("features").get(0).path("$type").asString()).isEqualTo("app.bsky.richtext.facet#mention");
		assertThat(facets.get(0).path("features").get(0).path("did").asString()).isEqualTo(bob.did());
		assertThat(facets.get(1).path("features").get(0).path("$type").asString()).isEqualTo("app.bsky.richtext.facet#tag");
		assertThat(facets.get(1).path("features").get(0).path("tag").asString()).isEqualTo("vitrine");
		assertThat(facets.get(2).path("features").get(0).path("$type").asString()).isEqualTo("app.bsky.richtext.facet#link");
		assertThat(facets.get(2).path("features").get(0).path("uri").asString()).isEqualTo("https://example.com/été?x=1");
		assertThat(facets.get(0).path("index").path("byteStart").asInt())
			.isEqualTo("Café ☕ avec ".getBytes(StandardCharsets.UTF_8).length).isNotEqualTo("Café ☕ avec ".length());
	}

	@Test
	void publishes_images_as_blobs_with_alt_text_and_aspect_ratio_and_uploads_each_once() {
		Connected carol = connect("carol");
		TestMedia media = new TestMedia();
		byte[] png = BlueskyWiring.png(8, 4, 0xFF0000);
		PostVariant.Media image = PostVariant.Media.image(media.add(png), "image/png", png.length, 8, 4, "a red banner");
		UUID first = UuidCreator.getTimeOrderedEpoch();
		UUID second = UuidCreator.getTimeOrderedEpoch();

		String rkey = rkeyOf(connector().publish(carol.channel(), request(first, "", media, image)));
		connector().publish(carol.channel(), request(second, "again", media, image));

		JsonNode embed = record(carol.account().did(), rkey).path("embed");
		assertThat(embed.path("$type").asString()).isEqualTo("app.bsky.embed.images");
		JsonNode embedded = embed.path("images").get(0);
		assertThat(embedded.path("alt").asString()).isEqualTo("a red banner");
		assertThat(embedded.path("aspectRatio").path("width").asInt()).isEqualTo(8);
		assertThat(embedded.path("aspectRatio").path("height").asInt()).isEqualTo(4);
		assertThat(embedded.path("image").path("mimeType").asString()).isEqualTo("image/png");
		assertThat(embedded.path("image").path("size").asInt()).isEqualTo(png.length);
		String cid = embedded.path("image").path("ref").path("$link").asString();
		assertThat(pds.getBlob(carol.account().did(), cid)).isEqualTo(png);
		assertThat(media.reads).as("bytes read for upload").hasValue(1);
		assertThat(media.uploads).containsKey(image.mediaId() + " bluesky:" + carol.account().did());
	}

	@Test
	void publishing_the_same_target_twice_leaves_one_record_and_both_times_ends_published() {
		Connected dan = connect("dan");
		UUID target = UuidCreator.getTimeOrderedEpoch();
		PublishRequest request = request(target, "only once #idempotent", new TestMedia());

		PublishOutcome first = connector().publish(dan.channel(), request);
		PublishOutcome retry = connector().publish(dan.channel(), request);

		assertThat(retry).isEqualTo(first);
		assertThat(pds.listRecords(dan.account().did(), "app.bsky.feed.post")).hasSize(1);
	}

	/** Another target whose first record key is this one's: they differ only in bits the first key does not use. */
	private static UUID clashingWith(UUID target) {
		UUID other = new UUID(target.getMostSignificantBits(), target.getLeastSignificantBits() ^ (1L << 40));
		assertThat(RecordKey.of(other)).isEqualTo(RecordKey.of(target));
		return other;
	}

	@Test
	void a_target_whose_first_key_holds_another_post_goes_out_once_under_its_next_key() {
		Connected erin = connect("erin");
		UUID first = UuidCreator.getTimeOrderedEpoch();
		UUID second = clashingWith(first);
		connector().publish(erin.channel(), request(first, "the first text", new TestMedia()));
		PublishRequest secondPost = request(second, "a different text", new TestMedia());

		PublishOutcome outcome = connector().publish(erin.channel(), secondPost);
		PublishOutcome retry = connector().publish(erin.channel(), secondPost);

		assertThat(rkeyOf(outcome)).isEqualTo(RecordKey.of(second, 1));
		assertThat(retry).isEqualTo(outcome);
		assertThat(record(erin.account().did(), RecordKey.of(first)).path("text").asString()).isEqualTo("the first text");
		assertThat(record(erin.account().did(), RecordKey.of(second, 1)).path("text").asString()).isEqualTo("a different text");
		assertThat(pds.listRecords(erin.account().did(), "app.bsky.feed.post")).hasSize(2);
	}

	@Test
	void reconciling_looks_past_a_key_held_by_another_post() {
		Connected gus = connect("gus");
		UUID first = UuidCreator.getTimeOrderedEpoch();
		UUID second = clashingWith(first);
		UUID neverSent = clashingWith(second);
		connector().publish(gus.channel(), request(first, "first", new TestMedia()));
		PublishOutcome published = connector().publish(gus.channel(), request(second, "second", new TestMedia()));

		ReconcileOutcome found = connector().reconcile(gus.channel(), request(second, "second", new TestMedia()), Instant.now());
		ReconcileOutcome absent = connector().reconcile(gus.channel(), request(neverSent, "third", new TestMedia()), Instant.now());

		assertThat(found).isEqualTo(new ReconcileOutcome.Found(((PublishOutcome.Published) published).remoteId(),
				((PublishOutcome.Published) published).remoteUrl()));
		assertThat(absent).isEqualTo(new ReconcileOutcome.NotFound());
	}

	@Test
	void an_access_token_about_to_expire_is_refreshed_and_saved_before_it_is_used() {
		Connected fay = connect("fay");
		Session stored = fay.channel().session();
		Session expiring = new Session(stored.did(), stored.handle(), stored.pdsUrl(),
				pds.accessToken(stored.did(), Instant.now().plusSeconds(120)), stored.refreshJwt(), stored.appPassword());
		TestChannel channel = fay.channel().storing(expiring);

		PublishOutcome outcome = connector().publish(channel, request(UuidCreator.getTimeOrderedEpoch(), "fresh", new TestMedia()));

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		assertThat(channel.saved()).hasSize(1);
		assertThat(channel.lastSaved().accessJwt()).isNotEqualTo(expiring.accessJwt());
		assertThat(channel.lastSaved().refreshJwt()).isNotEqualTo(stored.refreshJwt());
		assertThat(channel.lastSaved().appPassword()).isEqualTo(stored.appPassword());
	}

	@Test
	void a_token_the_server_calls_expired_is_refreshed_and_the_post_sent_once_more() {
		Connected gus = connect("gus");
		Session stored = gus.channel().session();
		Session expired = new Session(stored.did(), stored.handle(), stored.pdsUrl(),
				pds.accessToken(stored.did(), Instant.now().minusSeconds(60)), stored.refreshJwt(), stored.appPassword());
		// A clock an hour late believes the token still valid, so only the server's ExpiredToken tells.
		Clock late = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
		UUID target = UuidCreator.getTimeOrderedEpoch();

		PublishOutcome outcome = connector(late).publish(gus.channel().storing(expired), request(target, "after refresh", new TestMedia()));

		assertThat(rkeyOf(outcome)).isEqualTo(RecordKey.of(target));
		assertThat(gus.channel().saved()).hasSize(1);
	}

	@Test
	void the_session_is_reused_across_posts_and_refreshed_once_for_concurrent_posts() throws Exception {
		Connected hal = connect("hal");
		Session stored = hal.channel().session();
		TestChannel expiring = hal.channel().storing(new Session(stored.did(), stored.handle(), stored.pdsUrl(),
				pds.accessToken(stored.did(), Instant.now().plusSeconds(60)), stored.refreshJwt(), stored.appPassword()));
		BlueskyConnector connector = connector();
		List<Thread> threads = Arrays.asList(new Thread[4]);
		List<PublishOutcome> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
		for (int i = 0; i < threads.size(); i++) {
			int n = i;
			threads.set(i, Thread.ofVirtual().start(() -> outcomes.add(connector.publish(expiring,
					request(UuidCreator.getTimeOrderedEpoch(), "post " + n, new TestMedia())))));
		}
		for (Thread thread : threads) {
			thread.join(Duration.ofSeconds(30));
		}

		assertThat(outcomes).hasSize(4).allSatisfy(o -> assertThat(o).isInstanceOf(PublishOutcome.Published.class));
		assertThat(hal.channel().saved()).as("one refresh for four posts opened with the same old token").hasSize(1);
	}

	@Test
	void a_revoked_app_password_asks_for_reconnection_once_the_session_expires() {
		Connected ivy = connect("ivy");
		pds.revokeAppPassword(ivy.account(), "vitrine");
		Session stored = ivy.channel().session();
		// Tokens issued before the revocation live on until they expire; make this one expired.
		TestChannel channel = ivy.channel().storing(new Session(stored.did(), stored.handle(), stored.pdsUrl(),
				pds.accessToken(stored.did(), Instant.now().minusSeconds(60)), stored.refreshJwt(), stored.appPassword()));

		PublishOutcome outcome = connector().publish(channel, request(UuidCreator.getTimeOrderedEpoch(), "too late", new TestMedia()));

		assertThat(outcome).isInstanceOf(PublishOutcome.Reauthorize.class);
		assertThat(((PublishOutcome.Reauthorize) outcome).message()).contains("refused the stored app password");
		assertThat(channel.saved()).isEmpty();
		assertThat(pds.listRecords(ivy.account().did(), "app.bsky.feed.post")).isEmpty();
	}

	@Test
	void an_unreachable_server_means_the_post_was_not_sent() throws IOException {
		Connected jo = connect("jo");
		Session stored = jo.channel().session();
		int closed;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		TestChannel channel = jo.channel().storing(new Session(stored.did(), stored.handle(), "http://127.0.0.1:" + closed,
				stored.accessJwt(), stored.refreshJwt(), stored.appPassword()));

		PublishOutcome outcome = connector().publish(channel, request(UuidCreator.getTimeOrderedEpoch(), "hello", new TestMedia()));

		assertThat(outcome).isInstanceOf(PublishOutcome.Transient.class);
	}

	@Test
	void the_server_refusing_the_record_is_a_rejection_with_its_own_message() {
		Connected kim = connect("kim");

		// Vitrine checks this before sending; the server's own refusal must still be understood.
		PublishOutcome outcome = connector().publish(kim.channel(),
				request(UuidCreator.getTimeOrderedEpoch(), "x".repeat(301), new TestMedia()));

		assertThat(outcome).isInstanceOf(PublishOutcome.Rejected.class);
		assertThat(((PublishOutcome.Rejected) outcome).message()).contains("301");
	}

	@Test
	void reconciling_finds_a_published_post_and_proves_an_absent_one_absent() {
		Connected lou = connect("lou");
		PublishRequest sent = request(UuidCreator.getTimeOrderedEpoch(), "was it sent?", new TestMedia());
		PublishRequest never = request(UuidCreator.getTimeOrderedEpoch(), "never sent", new TestMedia());
		PublishOutcome published = connector().publish(lou.channel(), sent);

		ReconcileOutcome found = connector().reconcile(lou.channel(), sent, Instant.now());
		ReconcileOutcome absent = connector().reconcile(lou.channel(), never, Instant.now());

		assertThat(found).isEqualTo(new ReconcileOutcome.Found(((PublishOutcome.Published) published).remoteId(),
				((PublishOutcome.Published) published).remoteUrl()));
		assertThat(absent).isEqualTo(new ReconcileOutcome.NotFound());
	}
}
