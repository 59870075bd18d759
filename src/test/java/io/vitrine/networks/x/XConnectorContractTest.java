package io.vitrine.networks.x;

import io.vitrine.testsupport.LocalApiServer;
import io.vitrine.networks.Channel;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.networks.oauth.OAuthTestKit;
import io.vitrine.networks.oauth.OAuthTokens;
import io.vitrine.outbound.OutboundHttp;
import io.vitrine.outbound.OutboundSettings;
import io.vitrine.testsupport.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The X connector against a local X that follows the official API description
 * (x-api-v2-openapi.json) and X's OAuth 2.0 documentation; every request is checked field by field.
 */
class XConnectorContractTest {

	private final SettableClock clock = new SettableClock(Instant.parse("2026-03-29T07:00:00Z"));

	private XContractServer server;

	private XConnector connector;

	private XTestChannels account;

	private final XTestChannels.Media media = new XTestChannels.Media();

	@BeforeEach
	void setUp() {
		server = new XContractServer(clock);
		OutboundSettings outbound = new OutboundSettings(true, Duration.ofSeconds(2), Duration.ofSeconds(2), DataSize.ofMegabytes(10));
		XSettings settings = new XSettings(XContractServer.CLIENT_ID, XContractServer.CLIENT_SECRET, server.authorizationUri(),
				server.tokenUri(), server.url());
		XApi api = new XApi(OutboundHttp.create(outbound), settings);
		XOAuth oauth = new XOAuth(settings, api, OAuthTestKit.redirect("http://vitrine.test"));
		account = new XTestChannels(server.issueTokens(Duration.ofHours(2)));
		OAuthTokens tokens = OAuthTestKit.tokens(oauth, outbound, id -> account.stored.get(), clock);
		XRateLimits limits = new XRateLimits(clock);
		connector = new XConnector(api, new XMedia(api, limits, clock, duration -> clock.advance(duration)), limits,
				new XFindPost(api, tokens, limits, clock), tokens, clock);
	}

	@AfterEach
	void stop() {
		try {
			assertThat(server.violations()).as("what Vitrine sent or X answered outside the official description").isEmpty();
		}
		finally {
			server.close();
		}
	}

	private PublishRequest request(String text, List<PostVariant.Media> images) {
		UUID target = UUID.randomUUID();
		return new PublishRequest(target, target.toString(), new PostVariant(text, null, images), media);
	}

	private PublishRequest thread(String text, String... further) {
		UUID target = UUID.randomUUID();
		return new PublishRequest(target, target.toString(), new PostVariant(text, null, List.of(),
				Map.of("thread", String.join("\n---\n", further))), media);
	}

	private PostVariant.Media image(String type, int size, String alt) {
		UUID id = UUID.randomUUID();
		byte[] bytes = new byte[size];
		new java.util.Random(size).nextBytes(bytes);
		media.files.put(id, bytes);
		return PostVariant.Media.image(id, type, size, 800, 600, alt);
	}

	@Test
	void publishes_a_text_post_with_the_bearer_token_and_only_the_fields_the_description_declares() {
		PublishOutcome outcome = connector.publish(account.open(), request("Croissants chauds à 7 h 🥐", List.of()));

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		PublishOutcome.Published published = (PublishOutcome.Published) outcome;
		assertThat(published.remoteUrl()).isEqualTo("https://x.com/boulangerie/status/" + published.remoteId());
		LocalApiServer.Request post = server.requests("POST", "/2/tweets").getFirst();
		assertThat(post.header("Authorization")).isEqualTo("Bearer " + account.stored.get().require("accessToken"));
		assertThat(post.header("Content-Type")).startsWith("application/json");
		assertThat(post.json().propertyNames()).containsExactly("text");
		assertThat(post.json().path("text").asString()).isEqualTo("Croissants chauds à 7 h 🥐");
	}

	@Test
	void uploads_images_whole_with_their_alt_text_and_attaches_them() {
		PostVariant.Media png = image("image/png", 2048, "A tray of croissants");
		PostVariant.Media jpeg = image("image/jpeg", 4096, null);

		PublishOutcome outcome = connector.publish(account.open(), request("Two photos", List.of(png, jpeg)));

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		List<LocalApiServer.Request> uploads = server.requests("POST", "/2/media/upload");
		assertThat(uploads).hasSize(2);
		LocalApiServer.Request first = uploads.getFirst();
		assertThat(first.header("Content-Type")).startsWith("multipart/form-data");
		assertThat(first.parts().keySet()).containsExactlyInAnyOrder("media", "media_category");
		assertThat(first.parts().get("media").content()).isEqualTo(media.files.get(png.mediaId()));
		assertThat(first.parts().get("media").contentType()).isEqualTo("image/png");
		assertThat(first.parts().get("media_category").text()).isEqualTo("tweet_image");
		List<LocalApiServer.Request> metadata = server.requests("POST", "/2/media/metadata");
		assertThat(metadata).hasSize(1);
		assertThat(metadata.getFirst().json().path("metadata").path("alt_text").path("text").asString()).isEqualTo("A tray of croissants");
		List<String> attached = new ArrayList<>();
		server.requests("POST", "/2/tweets").getFirst().json().path("media").path("media_ids").forEach(id -> attached.add(id.asString()));
		assertThat(attached).hasSize(2).allMatch(id -> id.matches("\\d+"));
		assertThat(metadata.getFirst().json().path("id").asString()).isEqualTo(attached.getFirst());
	}

	@Test
	void uploads_an_animated_gif_in_chunks_and_waits_until_x_has_processed_it() {
		server.gifProcessingPolls = 2;
		PostVariant.Media gif = image("image/gif", 9 * 1024 * 1024, null);

		PublishOutcome outcome = connector.publish(account.open(), request("Our oven, live", List.of(gif)));

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		LocalApiServer.Request init = server.requests("POST", "/2/media/upload/initialize").getFirst();
		assertThat(init.json().path("media_type").asString()).isEqualTo("image/gif");
		assertThat(init.json().path("media_category").asString()).isEqualTo("tweet_gif");
		assertThat(init.json().path("total_bytes").asLong()).isEqualTo(9L * 1024 * 1024);
		String id = server.requests().stream().filter(r -> r.path().endsWith("/append")).findFirst().orElseThrow().path().split("/")[4];
		List<LocalApiServer.Request> appends = server.requests().stream().filter(r -> r.path().endsWith("/append")).toList();
		assertThat(appends).extracting(r -> r.parts().get("segment_index").text()).containsExactly("0", "1", "2");
		byte[] joined = new byte[9 * 1024 * 1024];
		int at = 0;
		for (LocalApiServer.Request append : appends) {
			byte[] chunk = append.parts().get("media").content();
			System.arraycopy(chunk, 0, joined, at, chunk.length);
			at += chunk.length;
		}
		assertThat(joined).isEqualTo(media.files.get(gif.mediaId()));
		assertThat(server.requests("POST", "/2/media/upload/" + id + "/finalize")).hasSize(1);
		assertThat(server.requests("GET", "/2/media/upload")).hasSize(2)
			.allSatisfy(r -> assertThat(r.query()).containsEntry("media_id", id).containsEntry("command", "STATUS"));
		assertThat(server.requests("POST", "/2/tweets").getFirst().json().path("media").path("media_ids").path(0).asString()).isEqualTo(id);
	}

	@Test
	void maps_every_documented_error_shape_to_its_outcome() {
		record Case(int status, boolean problemJson, ObjectNode body, Class<? extends PublishOutcome> expected) {
		}
		List<Case> cases = List.of(
				new Case(400, false, server.error(170, "Missing required parameter: text."), PublishOutcome.Rejected.class),
				new Case(403, false, server.error(187, "You are not allowed to create a Tweet with duplicate content."),
						PublishOutcome.Rejected.class),
				new Case(400, true, problem("invalid-request", "Invalid Request", "text is too long"), PublishOutcome.Rejected.class),
				new Case(404, true, problem("resource-not-found", "Not Found Error", "media 1 not found").put("resource_type", "media"),
						PublishOutcome.Rejected.class),
				new Case(403, true, problem("not-authorized-for-resource", "Forbidden", "not allowed").put("resource_type", "tweet"),
						PublishOutcome.Rejected.class),
				new Case(403, true, problem("not-authorized-for-field", "Forbidden", "field").put("field", "reply_settings"),
						PublishOutcome.Rejected.class),
				new Case(403, true, problem("field-unauthorized", "Forbidden", "field").put("field", "geo"), PublishOutcome.Rejected.class),
				new Case(400, true, problem("field-hydration-failure", "Hydration", "could not hydrate").put("field", "media"),
						PublishOutcome.Rejected.class),
				new Case(403, true, problem("disallowed-resource", "Forbidden", "You are not permitted to perform this action."),
						PublishOutcome.Rejected.class),
				new Case(503, true, problem("resource-unavailable", "Service Unavailable", "try later").put("resource_type", "tweet"),
						PublishOutcome.Unknown.class),
				new Case(500, true, problem("internal-error", "Internal Error", "Something went wrong"), PublishOutcome.Unknown.class));
		Map<String, String> seen = new LinkedHashMap<>();
		for (Case c : cases) {
			server.respondOnce("POST", "/2/tweets", r -> c.problemJson() ? LocalApiServer.Answer.problem(c.status(), c.body())
					: LocalApiServer.Answer.json(c.status(), c.body()));
			PublishOutcome outcome = connector.publish(account.open(), request("Hello " + c.status(), List.of()));
			assertThat(outcome).as(c.body().toString()).isInstanceOf(c.expected());
			String words = c.body().has("detail") ? c.body().path("detail").asString() : c.body().path("message").asString();
			assertThat(outcome.toString()).as("the user sees X's own words").contains(words);
			seen.put(c.body().path("type").asString("Error " + c.body().path("code").asInt()), outcome.getClass().getSimpleName());
		}
		// A 2xx holding only errors: refused, in X's words.
		ObjectNode onlyErrors = server.json().createObjectNode();
		onlyErrors.putArray("errors").add(problem("invalid-request", "Invalid Request", "media_ids: 4 at most"));
		server.respondOnce("POST", "/2/tweets", r -> LocalApiServer.Answer.json(201, onlyErrors));
		assertThat(connector.publish(account.open(), request("Only errors", List.of())))
			.isEqualTo(new PublishOutcome.Rejected("media_ids: 4 at most"));
		assertThat(seen).hasSize(cases.size());
	}

	private ObjectNode problem(String type, String title, String detail) {
		return server.problem("https://api.x.com/2/problems/" + type, title, detail);
	}

	@Test
	void rate_limit_defers_the_post_until_reset_without_sending_it() {
		server.postsPerWindow = 1;
		assertThat(connector.publish(account.open(), request("First", List.of()))).isInstanceOf(PublishOutcome.Published.class);

		PublishOutcome second = connector.publish(account.open(), request("Second", List.of()));

		Instant reset = clock.instant().plus(Duration.ofMinutes(15)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		assertThat(second).isInstanceOf(PublishOutcome.RateLimited.class);
		assertThat(((PublishOutcome.RateLimited) second).until()).isEqualTo(reset);
		assertThat(server.requests("POST", "/2/tweets")).as("the used-up window was consulted before sending").hasSize(1);

		clock.advance(Duration.ofMinutes(16));
		assertThat(connector.publish(account.open(), request("Second", List.of()))).isInstanceOf(PublishOutcome.Published.class);
	}

	@Test
	void a_429_names_when_to_try_again_and_an_app_wide_limit_holds_every_account_back() {
		Instant reset = clock.instant().plus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		server.respondOnce("POST", "/2/tweets", r -> LocalApiServer.Answer.json(429, server.error(88, "Rate limit exceeded"))
			.with("x-rate-limit-limit", "100").with("x-rate-limit-remaining", "40")
			.with("x-rate-limit-reset", Long.toString(clock.instant().plusSeconds(600).getEpochSecond()))
			.with("x-app-limit-24hour-limit", "1667").with("x-app-limit-24hour-remaining", "0")
			.with("x-app-limit-24hour-reset", Long.toString(reset.getEpochSecond())));

		PublishOutcome refused = connector.publish(account.open(), request("Busy day", List.of()));

		assertThat(refused).isEqualTo(new PublishOutcome.RateLimited(reset, "X rate limit: Rate limit exceeded"));
		XTestChannels otherAccount = new XTestChannels(server.issueTokens(Duration.ofHours(2)));
		assertThat(connector.publish(otherAccount.open(), request("Another brand", List.of())))
			.isInstanceOf(PublishOutcome.RateLimited.class);
		assertThat(server.requests("POST", "/2/tweets")).hasSize(1);
	}

	@Test
	void transient_refresh_failure_keeps_the_connection() {
		clock.advance(Duration.ofMinutes(117)); // the access token has 3 minutes left: refreshed ahead of expiry
		String before = account.stored.get().require("accessToken");
		server.respondOnce("POST", "/2/oauth2/token", r -> LocalApiServer.Answer.json(503,
				server.json().createObjectNode().put("title", "Service Unavailable")));

		PublishOutcome stillValid = connector.publish(account.open(), request("Token still valid", List.of()));

		assertThat(stillValid).as("a token that still works is used when X cannot refresh it").isInstanceOf(PublishOutcome.Published.class);
		assertThat(account.stored.get().require("accessToken")).isEqualTo(before);

		clock.advance(Duration.ofMinutes(10)); // now expired
		server.respondOnce("POST", "/2/oauth2/token", r -> server.hang());
		PublishOutcome expired = connector.publish(account.open(), request("Token expired", List.of()));

		assertThat(expired).as("a timeout is not a refusal").isInstanceOf(PublishOutcome.Transient.class);
		assertThat(server.requests("POST", "/2/tweets")).hasSize(1);

		PublishOutcome later = connector.publish(account.open(), request("Token expired", List.of()));
		assertThat(later).isInstanceOf(PublishOutcome.Published.class);
		assertThat(account.stored.get().require("accessToken")).isNotEqualTo(before);
		LocalApiServer.Request refresh = server.requests("POST", "/2/oauth2/token").getLast();
		assertThat(refresh.form()).containsEntry("grant_type", "refresh_token").containsKey("refresh_token");
		assertThat(refresh.header("Authorization")).startsWith("Basic ");
	}

	@Test
	void revoked_token_asks_to_reconnect() {
		server.revokeAll();

		PublishOutcome outcome = connector.publish(account.open(), request("After revocation", List.of()));

		assertThat(outcome).isInstanceOf(PublishOutcome.Reauthorize.class);
		assertThat(((PublishOutcome.Reauthorize) outcome).message()).contains("invalid_request").contains("reconnect");
		assertThat(server.requests("POST", "/2/tweets")).as("refused before anything was created").hasSize(1);
		assertThat(server.posts()).isZero();
	}

	@Test
	void a_refresh_without_a_new_refresh_token_keeps_the_stored_one() {
		clock.advance(Duration.ofMinutes(119));
		String refresh = account.stored.get().require("refreshToken");
		server.respondOnce("POST", "/2/oauth2/token", r -> LocalApiServer.Answer.json(200, server.json().createObjectNode()
			.put("token_type", "bearer").put("expires_in", 7200).put("access_token", server.issueTokens(Duration.ofHours(2))
				.get("accessToken")).put("refresh_token", "").put("scope", "tweet.read tweet.write users.read media.write")));

		assertThat(connector.publish(account.open(), request("Refreshed", List.of()))).isInstanceOf(PublishOutcome.Published.class);

		assertThat(account.stored.get().require("refreshToken")).isEqualTo(refresh);
		assertThat(account.stored.get().require("expiresAt")).isEqualTo(clock.instant().plusSeconds(7200).toString());
	}

	@Test
	void one_account_refreshes_once_when_two_posts_need_it_at_the_same_time() throws Exception {
		clock.advance(Duration.ofMinutes(118));
		server.holdRefresh = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Channel first = account.open();
			Channel second = account.open();
			Future<PublishOutcome> a = pool.submit(() -> connector.publish(first, request("One", List.of())));
			Future<PublishOutcome> b = pool.submit(() -> connector.publish(second, request("Two", List.of())));
			while (server.refreshes() == 0) {
				Thread.sleep(10);
			}
			Thread.sleep(200); // lets the second post reach the account's lock while the first refresh is held
			server.holdRefresh.countDown();
			assertThat(a.get(10, TimeUnit.SECONDS)).isInstanceOf(PublishOutcome.Published.class);
			assertThat(b.get(10, TimeUnit.SECONDS)).isInstanceOf(PublishOutcome.Published.class);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(server.refreshes()).as("the rotated refresh token was used once").isEqualTo(1);
		assertThat(account.saves.get()).isEqualTo(1);
	}

	@Test
	void tokens_another_node_refreshed_are_adopted_instead_of_asking_to_reconnect() {
		clock.advance(Duration.ofMinutes(119));
		Channel openedBefore = account.open();
		// Another node refreshed the account meanwhile: X rotated the refresh token this channel still holds.
		Map<String, String> rotated = new LinkedHashMap<>(server.issueTokens(Duration.ofHours(2)));
		String oldRefresh = openedBefore.credentials().require("refreshToken");
		server.respondOnce("POST", "/2/oauth2/token", r -> server.oauthError(400, "invalid_request",
				"Value passed for the token was invalid."));
		account.stored.set(new io.vitrine.networks.Credentials(rotated));

		PublishOutcome outcome = connector.publish(openedBefore, request("Adopted", List.of()));

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		assertThat(server.requests("POST", "/2/oauth2/token").getFirst().form()).containsEntry("refresh_token", oldRefresh);
		assertThat(server.requests("POST", "/2/tweets").getFirst().header("Authorization"))
			.isEqualTo("Bearer " + rotated.get("accessToken"));
	}

	@Test
	void accepted_but_response_lost_is_unknown_then_reconciled_by_reading_the_account() {
		for (int i = 0; i < 12; i++) {
			server.addPost("Earlier post " + i, clock.instant().minusSeconds(30));
		}
		server.timelinePage = 5;
		server.respondOnce("POST", "/2/tweets", server::acceptThenHang);
		Instant sentAt = clock.instant();
		PublishRequest lost = request("Menu & prices <today>: https://example.com/menu?day=1", List.of(image("image/png", 512, null)));

		PublishOutcome outcome = connector.publish(account.open(), lost);

		assertThat(outcome).isInstanceOf(PublishOutcome.Unknown.class);
		clock.advance(Duration.ofSeconds(20));
		ReconcileOutcome found = connector.reconcile(account.open(), lost, sentAt);
		assertThat(found).isInstanceOf(ReconcileOutcome.Found.class);
		assertThat(((ReconcileOutcome.Found) found).remoteUrl()).startsWith("https://x.com/boulangerie/status/");
		assertThat(server.posts()).as("nothing was sent twice").isEqualTo(13);
		LocalApiServer.Request read = server.requests("GET", "/2/users/" + XContractServer.USER_ID + "/tweets").getFirst();
		assertThat(read.query()).containsEntry("start_time", sentAt.minus(XFindPost.SKEW).toString())
			.containsEntry("exclude", "replies,retweets").containsEntry("post.fields", "created_at,attachments");

		ReconcileOutcome absent = connector.reconcile(account.open(), request("Never sent", List.of()), sentAt);
		assertThat(absent).isInstanceOf(ReconcileOutcome.NotFound.class);
		assertThat(connector.safeResendWindow()).as("X has no idempotency key").isZero();
	}

	@Test
	void a_thread_goes_as_a_chain_of_replies_each_to_the_post_before() {
		PublishOutcome outcome = connector.publish(account.open(), thread("Our sourdough, step by step 🧵", "1. Feed the starter",
				"2. Mix and rest", "3. Bake at 250 °C"));

		assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Published.class, published ->
			assertThat(server.thread(published.remoteId())).containsExactly("Our sourdough, step by step 🧵", "1. Feed the starter",
					"2. Mix and rest", "3. Bake at 250 °C"));
		assertThat(server.requests("POST", "/2/tweets")).extracting(r -> r.json().path("reply").path("in_reply_to_tweet_id").asString(""))
			.first().isEqualTo("");
	}

	@Test
	void a_thread_stopped_by_a_lost_answer_goes_on_from_what_x_has_without_sending_a_post_twice() {
		PublishRequest request = thread("Opening week", "Monday: croissants", "Tuesday: galettes", "Wednesday: brioche");
		server.respondOnce("POST", "/2/tweets", r -> LocalApiServer.Answer.json(201, createdNow(r)));
		server.respondOnce("POST", "/2/tweets", r -> LocalApiServer.Answer.json(201, createdNow(r)));
		server.respondOnce("POST", "/2/tweets", server::acceptThenHang);

		PublishOutcome stopped = connector.publish(account.open(), request);

		assertThat(stopped).isInstanceOfSatisfying(PublishOutcome.Pending.class, pending -> {
			assertThat(pending.checkAfter()).isEqualTo(clock.instant().plus(XConnector.LOST_REPLY_CHECK));
			assertThat(pending.message()).contains("post 3", "no answer");
		});
		assertThat(server.posts()).isEqualTo(3);
		clock.advance(XConnector.LOST_REPLY_CHECK);

		PublishOutcome done = connector.checkPending(account.open(), request, ((PublishOutcome.Pending) stopped).remoteRef());

		assertThat(done).isInstanceOf(PublishOutcome.Published.class);
		assertThat(server.thread(((PublishOutcome.Published) done).remoteId()))
			.containsExactly("Opening week", "Monday: croissants", "Tuesday: galettes", "Wednesday: brioche");
		assertThat(server.posts()).as("each post once").isEqualTo(4);
	}

	@Test
	void a_thread_whose_first_post_answer_was_lost_is_found_then_continued() {
		PublishRequest request = thread("Bread of the week", "It is a rye", "With caraway");
		server.respondOnce("POST", "/2/tweets", server::acceptThenHang);
		Instant sentAt = clock.instant();

		assertThat(connector.publish(account.open(), request)).isInstanceOf(PublishOutcome.Unknown.class);
		ReconcileOutcome found = connector.reconcile(account.open(), request, sentAt);

		assertThat(found).isInstanceOf(ReconcileOutcome.Continuing.class);
		PublishOutcome done = connector.checkPending(account.open(), request, ((ReconcileOutcome.Continuing) found).remoteRef());
		assertThat(done).isInstanceOf(PublishOutcome.Published.class);
		assertThat(server.thread(((PublishOutcome.Published) done).remoteId())).containsExactly("Bread of the week", "It is a rye",
				"With caraway");
	}

	@Test
	void a_rate_limit_in_the_middle_of_a_thread_holds_the_rest_until_the_reset() {
		PublishRequest request = thread("Tasting day", "Rye", "Spelt");
		server.respondOnce("POST", "/2/tweets", r -> LocalApiServer.Answer.json(201, createdNow(r)));
		long reset = clock.instant().plus(Duration.ofMinutes(10)).getEpochSecond();
		server.respondOnce("POST", "/2/tweets", r -> LocalApiServer.Answer.json(429, server.error(88, "Rate limit exceeded"))
			.with("x-rate-limit-limit", "100").with("x-rate-limit-remaining", "0").with("x-rate-limit-reset", Long.toString(reset)));

		PublishOutcome stopped = connector.publish(account.open(), request);

		assertThat(stopped).isInstanceOfSatisfying(PublishOutcome.Pending.class,
				pending -> assertThat(pending.checkAfter()).isEqualTo(Instant.ofEpochSecond(reset)));
		clock.set(Instant.ofEpochSecond(reset).plusSeconds(1));
		PublishOutcome done = connector.checkPending(account.open(), request, ((PublishOutcome.Pending) stopped).remoteRef());
		assertThat(server.thread(((PublishOutcome.Published) done).remoteId())).containsExactly("Tasting day", "Rye", "Spelt");
	}

	@Test
	void each_post_of_a_thread_is_counted_as_x_counts_and_named_by_its_number() {
		PublishOutcome refused = connector.publish(account.open(), thread("Fine", "Also fine", "x".repeat(281)));

		assertThat(refused).isInstanceOfSatisfying(PublishOutcome.Rejected.class,
				r -> assertThat(r.message()).contains("Post 3 of the thread: X counts 281 characters"));
		assertThat(server.posts()).isZero();
	}

	@Test
	void a_poll_goes_with_its_answers_and_its_duration_in_minutes() {
		UUID target = UUID.randomUUID();
		PublishRequest request = new PublishRequest(target, target.toString(), new PostVariant("Galette or brioche?", null,
				List.of(), Map.of("pollOptions", "Galette\nBrioche", "pollDuration", "6h")), media);

		assertThat(connector.publish(account.open(), request)).isInstanceOf(PublishOutcome.Published.class);

		JsonNode poll = server.requests("POST", "/2/tweets").getFirst().json().path("poll");
		assertThat(poll.path("options").valueStream().map(JsonNode::asString).toList()).containsExactly("Galette", "Brioche");
		assertThat(poll.path("duration_minutes").asInt()).isEqualTo(360);
	}

	@Test
	void a_poll_answer_longer_than_x_takes_is_named_by_its_number() {
		UUID target = UUID.randomUUID();
		PublishOutcome refused = connector.publish(account.open(), new PublishRequest(target, target.toString(),
				new PostVariant("Vote", null, List.of(), Map.of("pollOptions", "Yes\nNo, I prefer the one with almonds")), media));

		assertThat(refused).isInstanceOfSatisfying(PublishOutcome.Rejected.class,
				r -> assertThat(r.message()).contains("Answer 2 of the poll has 33 characters; X takes 25."));
		assertThat(server.posts()).isZero();
	}

	/** What createPost answers, with the post really made: a helper for answers a test shapes itself. */
	private ObjectNode createdNow(LocalApiServer.Request r) {
		LocalApiServer.Answer made = server.create(r);
		return (ObjectNode) server.json().readTree(made.body());
	}
}
