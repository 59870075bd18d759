package io.vitrine.networks.linkedin;

import io.vitrine.testsupport.LocalApiServer;
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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LinkedIn connector against a local LinkedIn built from its documentation (the pages are cited
 * on {@link LinkedInContractServer}); every request is checked field by field, and every documented
 * error shape is answered once.
 */
class LinkedInConnectorContractTest {

	private final SettableClock clock = new SettableClock(Instant.parse("2026-03-29T07:00:00Z"));

	private LinkedInContractServer server;

	private LinkedInConnector connector;

	private final LinkedInTestChannels.Media media = new LinkedInTestChannels.Media();

	@BeforeEach
	void setUp() {
		server = new LinkedInContractServer(clock);
		OutboundSettings outbound = new OutboundSettings(true, Duration.ofSeconds(2), Duration.ofSeconds(2), DataSize.ofMegabytes(10));
		LinkedInSettings settings = new LinkedInSettings(LinkedInContractServer.CLIENT_ID, LinkedInContractServer.CLIENT_SECRET,
				true, server.authorizationUri(), server.tokenUri(), server.url(), "202510");
		LinkedInApi api = new LinkedInApi(OutboundHttp.create(outbound), settings);
		LinkedInOAuth oauth = new LinkedInOAuth(settings, api, OAuthTestKit.redirect("http://vitrine.test"));
		OAuthTokens tokens = OAuthTestKit.tokens(oauth, outbound, id -> current.stored.get(), clock);
		connector = new LinkedInConnector(api, new LinkedInImages(api, clock), new LinkedInFindPost(api, tokens), tokens, clock);
	}

	/** The account the next publish uses (the token store reads it). */
	private LinkedInTestChannels current;

	private LinkedInTestChannels account(String author, Duration lifetime, boolean withRefresh) {
		current = new LinkedInTestChannels(author, server.issueTokens(lifetime, withRefresh));
		return current;
	}

	private LinkedInTestChannels page() {
		return account(LinkedInContractServer.ORGANIZATION, Duration.ofDays(60), true);
	}

	@AfterEach
	void stop() {
		try {
			assertThat(server.violations()).as("what Vitrine sent outside LinkedIn's documentation").isEmpty();
		}
		finally {
			server.close();
		}
	}

	private PublishRequest request(String text, List<PostVariant.Media> images) {
		UUID target = UUID.randomUUID();
		return new PublishRequest(target, target.toString(), new PostVariant(text, null, images), media);
	}

	private PostVariant.Media image(String type, int size, String alt) {
		UUID id = UUID.randomUUID();
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		media.files.put(id, bytes);
		return PostVariant.Media.image(id, type, size, 1200, 800, alt);
	}

	@Test
	void publishes_as_the_member_with_the_versioned_headers_and_only_documented_fields() {
		LinkedInTestChannels member = account(LinkedInContractServer.MEMBER, Duration.ofDays(60), false);

		PublishOutcome outcome = connector.publish(member.open(), request("Croissants chauds à 7 h 🥐", List.of()));

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		PublishOutcome.Published published = (PublishOutcome.Published) outcome;
		assertThat(published.remoteId()).startsWith("urn:li:share:");
		assertThat(published.remoteUrl()).isEqualTo("https://www.linkedin.com/feed/update/" + published.remoteId() + "/");
		LocalApiServer.Request post = server.requests("POST", "/rest/posts").getFirst();
		assertThat(post.header("Authorization")).isEqualTo("Bearer " + member.stored.get().require("accessToken"));
		assertThat(post.header("Linkedin-Version")).isEqualTo("202510");
		assertThat(post.header("X-Restli-Protocol-Version")).isEqualTo("2.0.0");
		assertThat(post.header("Content-Type")).startsWith("application/json");
		assertThat(post.json().propertyNames()).containsExactly("author", "commentary", "visibility", "distribution",
				"lifecycleState", "isReshareDisabledByAuthor");
		assertThat(post.json().path("author").asString()).isEqualTo(LinkedInContractServer.MEMBER);
		assertThat(post.json().path("commentary").asString()).isEqualTo("Croissants chauds à 7 h 🥐");
		assertThat(post.json().path("visibility").asString()).isEqualTo("PUBLIC");
		assertThat(post.json().path("distribution").path("feedDistribution").asString()).isEqualTo("MAIN_FEED");
		assertThat(post.json().path("lifecycleState").asString()).isEqualTo("PUBLISHED");
	}

	@Test
	void reserved_characters_are_escaped_so_linkedin_keeps_the_whole_post() {
		String text = "Pain (au levain) à 4 € #boulangerie — écrivez @marie [offre] <nouveau> a_b *gras* ~x~ {y} | \\ fin";
		assertThat(LinkedInContractServer.stored(text)).as("sent as is, LinkedIn would cut the post at '('")
			.isEqualTo("Pain ");

		PublishOutcome outcome = connector.publish(page().open(), request(text, List.of()));

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		String kept = server.posts().getFirst().commentary();
		assertThat(kept).isEqualTo(server.requests("POST", "/rest/posts").getFirst().json().path("commentary").asString());
		assertThat(kept).contains("{hashtag|\\#|boulangerie}").contains("\\(au levain\\)").contains("\\@marie");
		assertThat(LittleText.plain(kept)).isEqualTo(text);
	}

	@Test
	void uploads_images_as_the_page_and_posts_one_as_media_and_several_as_multi_image() {
		PostVariant.Media png = image("image/png", 2048, "A tray of croissants");
		PostVariant.Media jpeg = image("image/jpeg", 4096, null);
		LinkedInTestChannels page = page();

		PublishOutcome one = connector.publish(page.open(), request("One photo", List.of(png)));
		PublishOutcome two = connector.publish(page.open(), request("Two photos", List.of(png, jpeg)));

		assertThat(one).isInstanceOf(PublishOutcome.Published.class);
		assertThat(two).isInstanceOf(PublishOutcome.Published.class);
		List<LocalApiServer.Request> starts = server.requests("POST", "/rest/images");
		assertThat(starts).hasSize(3).allSatisfy(start -> {
			assertThat(start.query()).containsExactly(java.util.Map.entry("action", "initializeUpload"));
			assertThat(start.json().path("initializeUploadRequest").path("owner").asString())
				.isEqualTo(LinkedInContractServer.ORGANIZATION);
		});
		List<LocalApiServer.Request> puts = server.requests().stream().filter(r -> r.method().equals("PUT")).toList();
		assertThat(puts).hasSize(3).allSatisfy(put -> assertThat(put.header("Authorization")).startsWith("Bearer "));
		assertThat(puts.get(0).body()).isEqualTo(media.files.get(png.mediaId()));
		assertThat(puts.get(0).header("Content-Type")).isEqualTo("image/png");

		var single = server.requests("POST", "/rest/posts").get(0).json().path("content");
		assertThat(single.propertyNames()).containsExactly("media");
		assertThat(single.path("media").path("altText").asString()).isEqualTo("A tray of croissants");
		var multi = server.requests("POST", "/rest/posts").get(1).json().path("content").path("multiImage").path("images");
		assertThat(multi).hasSize(2);
		assertThat(multi.get(1).has("altText")).as("no alt text given, none sent").isFalse();
		assertThat(server.uploaded(multi.get(1).path("id").asString())).isEqualTo(media.files.get(jpeg.mediaId()));
	}

	@Test
	void an_image_uploaded_before_a_failed_post_is_not_uploaded_again() {
		PostVariant.Media png = image("image/png", 1024, null);
		PublishRequest request = request("Retry", List.of(png));
		LinkedInTestChannels page = page();
		server.respondOnce("POST", "/rest/posts", r -> server.error(429, "Resource level throttle APPLICATION DAY limit "
				+ "for calls to this resource is reached.", 101, "TOO_MANY_REQUESTS"));

		assertThat(connector.publish(page.open(), request)).isInstanceOf(PublishOutcome.RateLimited.class);
		assertThat(connector.publish(page.open(), request)).isInstanceOf(PublishOutcome.Published.class);

		assertThat(server.requests("POST", "/rest/images")).hasSize(1);
	}

	@Test
	void quota_reached_defers_the_post_until_linkedin_resets_its_daily_limits_at_midnight_utc() {
		server.respondOnce("POST", "/rest/posts", r -> server.error(429, "Resource level throttle MEMBER DAY limit for "
				+ "calls to this resource is reached.", 101, "TOO_MANY_REQUESTS"));

		PublishOutcome outcome = connector.publish(page().open(), request("Too many today", List.of()));

		assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.RateLimited.class, limited -> {
			assertThat(limited.until()).isEqualTo(Instant.parse("2026-03-30T00:00:00Z"));
			assertThat(limited.message()).contains("MEMBER DAY limit");
		});
		assertThat(server.posts()).isEmpty();
	}

	@Test
	void a_retry_after_header_is_honoured_over_the_daily_reset() {
		server.respondOnce("POST", "/rest/posts", r -> server.error(429, "Too many requests", 101, "TOO_MANY_REQUESTS")
			.with("Retry-After", "120"));

		PublishOutcome outcome = connector.publish(page().open(), request("Soon", List.of()));

		assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.RateLimited.class,
				limited -> assertThat(limited.until()).isEqualTo(clock.instant().plusSeconds(120)));
	}

	@Test
	void a_422_is_rejected_with_linkedins_own_message() {
		server.respondOnce("POST", "/rest/posts", r -> server.error(422,
				"ERROR :: /commentary :: Content is a duplicate of urn:li:share:7100000000000000001", null, null));

		PublishOutcome outcome = connector.publish(page().open(), request("Twice", List.of()));

		assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Rejected.class,
				r -> assertThat(r.message()).isEqualTo("LinkedIn refused the post: ERROR :: /commentary :: Content is a "
						+ "duplicate of urn:li:share:7100000000000000001"));
	}

	@Test
	void a_400_is_rejected_with_linkedins_own_message() {
		server.respondOnce("POST", "/rest/posts", r -> server.error(400, "Request body could not be converted to data map",
				null, "ILLEGAL_ARGUMENT"));

		assertThat(connector.publish(page().open(), request("Bad", List.of())))
			.isInstanceOfSatisfying(PublishOutcome.Rejected.class,
					r -> assertThat(r.message()).contains("Request body could not be converted to data map"));
	}

	@Test
	void a_sunset_version_is_rejected_and_says_which() {
		server.respondOnce("POST", "/rest/posts", r -> server.error(426, "Requested version 202510 is not active", null,
				"NONEXISTENT_VERSION"));

		assertThat(connector.publish(page().open(), request("Old", List.of())))
			.isInstanceOfSatisfying(PublishOutcome.Rejected.class,
					r -> assertThat(r.message()).contains("Requested version 202510 is not active"));
	}

	@Test
	void a_403_for_a_page_the_member_no_longer_administers_is_rejected() {
		LinkedInTestChannels elsewhere = account("urn:li:organization:999", Duration.ofDays(60), true);

		assertThat(connector.publish(elsewhere.open(), request("Not mine", List.of())))
			.isInstanceOfSatisfying(PublishOutcome.Rejected.class,
					r -> assertThat(r.message()).contains("Not enough permissions"));
	}

	@Test
	void a_5xx_on_the_create_is_unknown_and_reconciliation_finds_whether_it_exists() {
		server.respondOnce("POST", "/rest/posts", r -> server.error(500, "Internal Server Error", null, null));
		LinkedInTestChannels page = page();
		PublishRequest request = request("Maybe", List.of());

		assertThat(connector.publish(page.open(), request)).isInstanceOf(PublishOutcome.Unknown.class);
		assertThat(connector.reconcile(page.open(), request, clock.instant())).isInstanceOf(ReconcileOutcome.NotFound.class);
	}

	@Test
	void a_5xx_while_uploading_an_image_is_transient_as_nothing_was_posted() {
		server.respondOnce("POST", "/rest/images", r -> server.error(503, "Service Unavailable", null, null));

		PublishOutcome outcome = connector.publish(page().open(), request("Photo", List.of(image("image/jpeg", 512, null))));

		assertThat(outcome).isInstanceOf(PublishOutcome.Transient.class);
		assertThat(server.requests("POST", "/rest/posts")).isEmpty();
	}

	@Test
	void accepted_but_response_lost_is_unknown_then_reconciled_by_reading_the_authors_posts() {
		LinkedInTestChannels page = page();
		server.addPost(LinkedInContractServer.ORGANIZATION, "Older post", clock.instant().minus(Duration.ofHours(3)));
		PublishRequest request = request("Fournée (spéciale) #pain", List.of());
		Instant sentAt = clock.instant();
		server.respondOnce("POST", "/rest/posts", server::acceptThenHang);

		PublishOutcome outcome = connector.publish(page.open(), request);

		assertThat(outcome).isInstanceOf(PublishOutcome.Unknown.class);
		assertThat(server.posts()).hasSize(2);
		ReconcileOutcome found = connector.reconcile(page.open(), request, sentAt);
		String id = server.posts().getLast().id();
		assertThat(found).isEqualTo(new ReconcileOutcome.Found(id, "https://www.linkedin.com/feed/update/" + id + "/"));
		LocalApiServer.Request read = server.requests("GET", "/rest/posts").getFirst();
		assertThat(read.query()).containsEntry("author", LinkedInContractServer.ORGANIZATION).containsEntry("q", "author")
			.containsEntry("sortBy", "CREATED");
		assertThat(read.header("X-Restli-Protocol-Version")).isEqualTo("2.0.0");
	}

	@Test
	void reconciliation_says_inconclusive_when_linkedin_does_not_let_the_app_read_a_members_posts() {
		LinkedInTestChannels member = account(LinkedInContractServer.MEMBER, Duration.ofDays(60), false);
		server.respondOnce("GET", "/rest/posts", r -> server.error(403,
				"Not enough permissions to access: partnerApiPostsExternal.FINDER-author.20251001", 100, null));

		ReconcileOutcome outcome = connector.reconcile(member.open(), request("Hello", List.of()), clock.instant());

		assertThat(outcome).isInstanceOfSatisfying(ReconcileOutcome.Inconclusive.class,
				i -> assertThat(i.message()).contains("r_member_social"));
	}

	@Test
	void a_refused_token_is_refreshed_once_and_the_post_sent_with_the_new_one() {
		LinkedInTestChannels page = page();
		String old = page.stored.get().require("accessToken");
		server.respondOnce("POST", "/rest/posts", r -> server.error(401, "Invalid access token", 65600, null));

		PublishOutcome outcome = connector.publish(page.open(), request("After a refresh", List.of()));

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		assertThat(page.stored.get().require("accessToken")).isNotEqualTo(old);
		LocalApiServer.Request refresh = server.requests("POST", "/oauth/v2/accessToken").getFirst();
		assertThat(refresh.form()).containsEntry("grant_type", "refresh_token")
			.containsEntry("client_id", LinkedInContractServer.CLIENT_ID)
			.containsEntry("client_secret", LinkedInContractServer.CLIENT_SECRET);
		assertThat(server.posts()).hasSize(1);
	}

	@Test
	void revoked_token_asks_to_reconnect() {
		LinkedInTestChannels page = page();
		server.revokeAll();

		PublishOutcome outcome = connector.publish(page.open(), request("Revoked", List.of()));

		assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Reauthorize.class,
				r -> assertThat(r.message()).contains("reconnect the account"));
		assertThat(server.posts()).isEmpty();
	}

	@Test
	void revoked_token_without_a_refresh_token_asks_to_reconnect() {
		LinkedInTestChannels member = account(LinkedInContractServer.MEMBER, Duration.ofDays(60), false);
		server.revokeAll();

		assertThat(connector.publish(member.open(), request("Revoked", List.of())))
			.isInstanceOf(PublishOutcome.Reauthorize.class);
		assertThat(server.requests("POST", "/oauth/v2/accessToken")).as("nothing to refresh with").isEmpty();
	}

	@Test
	void an_expired_60_day_token_without_a_refresh_token_asks_to_reconnect_without_calling_linkedin() {
		LinkedInTestChannels member = account(LinkedInContractServer.MEMBER, Duration.ofDays(60), false);
		clock.advance(Duration.ofDays(61));

		assertThat(connector.publish(member.open(), request("Too late", List.of())))
			.isInstanceOf(PublishOutcome.Reauthorize.class);
		assertThat(server.requests()).isEmpty();
	}

	@Test
	void transient_refresh_failure_keeps_the_connection_and_uses_the_token_while_it_lasts() {
		LinkedInTestChannels page = account(LinkedInContractServer.ORGANIZATION, Duration.ofMinutes(3), true);
		server.respondOnce("POST", "/oauth/v2/accessToken", r -> server.error(503, "Service Unavailable", null, null));

		PublishOutcome outcome = connector.publish(page.open(), request("Still valid", List.of()));

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		assertThat(page.stored.get().get("refreshToken")).isPresent();
	}

	@Test
	void transient_refresh_failure_of_an_expired_token_is_transient_never_reconnect() {
		LinkedInTestChannels page = account(LinkedInContractServer.ORGANIZATION, Duration.ofMinutes(3), true);
		clock.advance(Duration.ofMinutes(4));
		server.respondOnce("POST", "/oauth/v2/accessToken", r -> server.error(503, "Service Unavailable", null, null));

		PublishOutcome outcome = connector.publish(page.open(), request("Later", List.of()));

		assertThat(outcome).isInstanceOf(PublishOutcome.Transient.class);
		assertThat(server.posts()).isEmpty();
	}

	@Test
	void a_post_breaking_a_rule_is_rejected_before_anything_is_sent() {
		PublishOutcome outcome = connector.publish(page().open(), request("x".repeat(3001), List.of()));

		assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Rejected.class,
				r -> assertThat(r.message()).isEqualTo("LinkedIn counts 3001 characters; the limit is 3000."));
		assertThat(server.requests()).isEmpty();
	}
}
