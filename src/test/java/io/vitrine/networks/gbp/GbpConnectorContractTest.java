package io.vitrine.networks.gbp;

import io.vitrine.networks.NewConnection;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.networks.internal.VaultTestKit;
import io.vitrine.networks.medialinks.PublicMediaLinks;
import io.vitrine.networks.oauth.OAuthTestKit;
import io.vitrine.networks.oauth.OAuthTokens;
import io.vitrine.networks.oauth.TokenSet;
import io.vitrine.outbound.OutboundHttp;
import io.vitrine.outbound.OutboundSettings;
import io.vitrine.testsupport.LocalApiServer;
import io.vitrine.testsupport.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Google Business Profile connector against a local Google built from Google's reference pages (cited on
 * {@link GoogleContractServer}); every request is checked field by field, and each documented error shape is
 * answered once.
 */
class GbpConnectorContractTest {

	private final SettableClock clock = new SettableClock(Instant.parse("2026-03-29T07:00:00Z"));

	private final GbpTestChannels.Media media = new GbpTestChannels.Media();

	private GoogleContractServer server;

	@TempDir
	Path keys;

	private GbpConnector connector;

	private GbpOAuth oauth;

	private GbpTestChannels current;

	@BeforeEach
	void setUp() {
		server = new GoogleContractServer(clock);
		OutboundSettings outbound = new OutboundSettings(true, Duration.ofSeconds(2), Duration.ofSeconds(2), DataSize.ofMegabytes(10));
		GbpSettings settings = new GbpSettings(GoogleContractServer.CLIENT_ID, GoogleContractServer.CLIENT_SECRET,
				server.authorizationUri(), server.tokenUri(), server.url(), server.url(), server.url());
		GbpApi api = new GbpApi(OutboundHttp.create(outbound), settings);
		oauth = new GbpOAuth(settings, api, OAuthTestKit.redirect("http://vitrine.test"));
		OAuthTokens tokens = OAuthTestKit.tokens(oauth, outbound, id -> current.stored.get(), clock);
		PublicMediaLinks links = new PublicMediaLinks(VaultTestKit.vault(keys), "http://vitrine.test", clock);
		connector = new GbpConnector(api, new GbpFindPost(api, tokens, clock), links, tokens, clock);
	}

	@AfterEach
	void stop() {
		try {
			assertThat(server.violations()).as("what Vitrine sent outside Google's reference").isEmpty();
		}
		finally {
			server.close();
		}
	}

	private GbpTestChannels location(Duration lifetime) {
		current = new GbpTestChannels(GoogleContractServer.LOCATION, server.issueTokens(lifetime));
		return current;
	}

	private GbpTestChannels location() {
		return location(Duration.ofMinutes(59));
	}

	private PublishRequest request(String text, String link, Map<String, String> fields) {
		return request(text, link, fields, List.of());
	}

	private PublishRequest request(String text, String link, Map<String, String> fields, List<PostVariant.Media> photos) {
		UUID target = UUID.randomUUID();
		return new PublishRequest(target, target.toString(), new PostVariant(text, link, photos, fields), media);
	}

	private JsonNode sent() {
		return server.requests("POST", "/v4/" + GoogleContractServer.LOCATION + "/localPosts").getLast().json();
	}

	@Test
	void publishes_an_update_with_its_link_as_a_learn_more_button() {
		GbpTestChannels location = location();

		PublishOutcome outcome = connector.publish(location.open(), request("Galette des rois tous les jours de janvier.",
				"https://boulangerie-martin.fr/galettes", Map.of()));

		assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Published.class, published -> {
			assertThat(published.remoteId()).startsWith(GoogleContractServer.LOCATION + "/localPosts/");
			assertThat(published.remoteUrl()).startsWith("https://local.google.com/place?id=");
		});
		LocalApiServer.Request create = server.requests("POST", "/v4/" + GoogleContractServer.LOCATION + "/localPosts").getFirst();
		assertThat(create.header("Authorization")).isEqualTo("Bearer " + location.stored.get().require("accessToken"));
		assertThat(create.json().propertyNames()).containsExactlyInAnyOrder("summary", "topicType", "callToAction");
		assertThat(create.json().path("summary").asString()).isEqualTo("Galette des rois tous les jours de janvier.");
		assertThat(create.json().path("topicType").asString()).isEqualTo("STANDARD");
		assertThat(create.json().path("callToAction").path("actionType").asString()).isEqualTo("LEARN_MORE");
		assertThat(create.json().path("callToAction").path("url").asString()).isEqualTo("https://boulangerie-martin.fr/galettes");
	}

	@Test
	void publishes_an_event_with_its_title_and_schedule_in_the_time_people_typed_and_a_call_button_without_url() {
		PublishOutcome outcome = connector.publish(location().open(), request("Atelier pain au levain pour les enfants.", null,
				Map.of("topicType", "EVENT", "eventTitle", "Atelier levain", "eventStart", "2026-04-04T14:30:00+02:00",
						"eventEnd", "2026-04-04T16:00:00+02:00", "callToAction", "CALL")));

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		JsonNode post = sent();
		assertThat(post.path("topicType").asString()).isEqualTo("EVENT");
		assertThat(post.path("event").path("title").asString()).isEqualTo("Atelier levain");
		JsonNode schedule = post.path("event").path("schedule");
		assertThat(schedule.path("startDate").toString()).isEqualTo("{\"year\":2026,\"month\":4,\"day\":4}");
		assertThat(schedule.path("startTime").toString()).isEqualTo("{\"hours\":14,\"minutes\":30,\"seconds\":0,\"nanos\":0}");
		assertThat(schedule.path("endTime").path("hours").asInt()).isEqualTo(16);
		assertThat(post.path("callToAction").toString()).isEqualTo("{\"actionType\":\"CALL\"}");
	}

	@Test
	void publishes_an_offer_with_coupon_redeem_link_and_terms_and_no_button() {
		PublishOutcome outcome = connector.publish(location().open(), request("-20 % sur les viennoiseries.",
				"https://boulangerie-martin.fr", Map.of("topicType", "OFFER", "eventTitle", "Semaine des croissants",
						"eventStart", "2026-04-06T07:00:00+02:00", "eventEnd", "2026-04-12T19:00:00+02:00",
						"couponCode", "CROISSANT20", "redeemUrl", "https://boulangerie-martin.fr/offre", "terms", "Une fois par client.")));

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		JsonNode post = sent();
		assertThat(post.propertyNames()).containsExactlyInAnyOrder("summary", "topicType", "event", "offer");
		assertThat(post.path("offer").path("couponCode").asString()).isEqualTo("CROISSANT20");
		assertThat(post.path("offer").path("redeemOnlineUrl").asString()).isEqualTo("https://boulangerie-martin.fr/offre");
		assertThat(post.path("offer").path("termsConditions").asString()).isEqualTo("Une fois par client.");
		assertThat(post.path("event").path("title").asString()).isEqualTo("Semaine des croissants");
	}

	@Test
	void publishes_an_update_with_a_photo_google_fetches_from_a_sealed_expiring_link() {
		PostVariant.Media photo = PostVariant.Media.image(UUID.randomUUID(), "image/jpeg", 420_000, 1200, 900, "Les galettes");

		PublishOutcome outcome = connector.publish(location().open(), request("Galettes du jour.", null, Map.of(), List.of(photo)));

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		JsonNode media = sent().path("media");
		assertThat(media).hasSize(1);
		assertThat(media.get(0).path("mediaFormat").asString()).isEqualTo("PHOTO");
		String url = media.get(0).path("sourceUrl").asString();
		assertThat(url).startsWith(GoogleContractServer.PUBLIC_MEDIA).doesNotContain(photo.mediaId().toString());
	}

	@Test
	void a_photo_google_would_refuse_is_named_before_anything_is_sent() {
		List<PostVariant.Media> photos = List.of(
				PostVariant.Media.image(UUID.randomUUID(), "image/gif", 40_000, 800, 600, null),
				PostVariant.Media.image(UUID.randomUUID(), "image/png", 4_000, 320, 240, null));

		PublishOutcome outcome = connector.publish(location().open(), request("Galettes du jour.", null, Map.of(), photos));

		assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Rejected.class, r -> assertThat(r.message())
			.contains("shows one photo; this one has 2", "The photo is image/gif", "10 KB to 5 MB", "320 × 240 pixels"));
		assertThat(server.requests()).isEmpty();
	}

	@Test
	void a_post_breaking_a_rule_is_rejected_before_anything_is_sent() {
		PublishOutcome outcome = connector.publish(location().open(), request("Fête", null, Map.of("topicType", "EVENT")));

		assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Rejected.class,
				r -> assertThat(r.message()).contains("An event on Google Business Profile needs a title."));
		assertThat(server.requests()).isEmpty();
	}

	@Test
	void invalid_argument_and_permission_denied_are_rejected_with_googles_own_words() {
		server.respondOnce("POST", "/v4/" + GoogleContractServer.LOCATION + "/localPosts",
				r -> server.error(400, "Request contains an invalid argument.", "INVALID_ARGUMENT"));
		assertThat(connector.publish(location().open(), request("Mauvais", null, Map.of())))
			.isInstanceOfSatisfying(PublishOutcome.Rejected.class, r -> assertThat(r.message())
				.isEqualTo("Google refused the post: Request contains an invalid argument. (INVALID_ARGUMENT)"));

		GbpTestChannels elsewhere = new GbpTestChannels(GoogleContractServer.ACCOUNT + "/locations/1", server.issueTokens(Duration.ofMinutes(59)));
		current = elsewhere;
		assertThat(connector.publish(elsewhere.open(), request("Pas à moi", null, Map.of())))
			.isInstanceOfSatisfying(PublishOutcome.Rejected.class, r -> assertThat(r.message()).contains("PERMISSION_DENIED"));
	}

	@Test
	void resource_exhausted_defers_the_post_until_retry_after_or_a_minute() {
		String path = "/v4/" + GoogleContractServer.LOCATION + "/localPosts";
		server.respondOnce("POST", path, r -> server.error(429, "Quota exceeded for quota metric 'Requests'.", "RESOURCE_EXHAUSTED")
			.with("Retry-After", "30"));
		server.respondOnce("POST", path, r -> server.error(429, "Quota exceeded.", "RESOURCE_EXHAUSTED"));

		assertThat(connector.publish(location().open(), request("Trop", null, Map.of())))
			.isInstanceOfSatisfying(PublishOutcome.RateLimited.class, l -> {
				assertThat(l.until()).isEqualTo(clock.instant().plusSeconds(30));
				assertThat(l.message()).contains("RESOURCE_EXHAUSTED");
			});
		assertThat(connector.publish(location().open(), request("Trop", null, Map.of())))
			.isInstanceOfSatisfying(PublishOutcome.RateLimited.class, l -> assertThat(l.until()).isEqualTo(clock.instant().plusSeconds(60)));
		assertThat(server.posts()).isEmpty();
	}

	@Test
	void accepted_but_response_lost_is_unknown_then_reconciled_from_the_locations_posts() {
		GbpTestChannels location = location();
		server.addPost(GoogleContractServer.LOCATION, "Ancienne", clock.instant().minus(Duration.ofDays(2)));
		PublishRequest request = request("Pain  de  campagne", null, Map.of());
		Instant sentAt = clock.instant();
		server.respondOnce("POST", "/v4/" + GoogleContractServer.LOCATION + "/localPosts", server::acceptThenHang);

		assertThat(connector.publish(location.open(), request)).isInstanceOf(PublishOutcome.Unknown.class);

		ReconcileOutcome found = connector.reconcile(location.open(), request, sentAt);
		assertThat(found).isInstanceOfSatisfying(ReconcileOutcome.Found.class,
				f -> assertThat(f.remoteId()).isEqualTo(server.posts().getLast().name()));
		assertThat(server.requests("GET", "/v4/" + GoogleContractServer.LOCATION + "/localPosts").getFirst().query())
			.containsEntry("pageSize", "100");
	}

	@Test
	void a_5xx_on_the_create_is_unknown_and_reconciliation_says_it_is_not_there() {
		GbpTestChannels location = location();
		PublishRequest request = request("Peut-être", null, Map.of());
		server.respondOnce("POST", "/v4/" + GoogleContractServer.LOCATION + "/localPosts",
				r -> server.error(503, "The service is currently unavailable.", "UNAVAILABLE"));

		assertThat(connector.publish(location.open(), request)).isInstanceOf(PublishOutcome.Unknown.class);
		assertThat(connector.reconcile(location.open(), request, clock.instant())).isInstanceOf(ReconcileOutcome.NotFound.class);
	}

	@Test
	void unauthenticated_refreshes_the_token_once_and_keeps_the_refresh_token_google_does_not_resend() {
		GbpTestChannels location = location();
		String refresh = location.stored.get().require("refreshToken");
		server.respondOnce("POST", "/v4/" + GoogleContractServer.LOCATION + "/localPosts",
				r -> server.error(401, "Request had invalid authentication credentials.", "UNAUTHENTICATED"));

		assertThat(connector.publish(location.open(), request("Après", null, Map.of()))).isInstanceOf(PublishOutcome.Published.class);

		LocalApiServer.Request refreshing = server.requests("POST", "/token").getFirst();
		assertThat(refreshing.form()).containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", refresh)
			.containsEntry("client_id", GoogleContractServer.CLIENT_ID).containsEntry("client_secret", GoogleContractServer.CLIENT_SECRET);
		assertThat(location.stored.get().require("refreshToken")).isEqualTo(refresh);
		assertThat(server.posts()).hasSize(1);
	}

	@Test
	void revoked_token_asks_to_reconnect() {
		GbpTestChannels location = location();
		server.revokeAll();

		assertThat(connector.publish(location.open(), request("Révoqué", null, Map.of())))
			.isInstanceOfSatisfying(PublishOutcome.Reauthorize.class, r -> assertThat(r.message()).contains("invalid_grant"));
		assertThat(server.posts()).isEmpty();
	}

	@Test
	void transient_refresh_failure_keeps_the_connection_and_uses_the_token_while_it_lasts() {
		GbpTestChannels location = location(Duration.ofMinutes(3));
		server.respondOnce("POST", "/token", r -> server.error(503, "Service unavailable", "UNAVAILABLE"));

		assertThat(connector.publish(location.open(), request("Encore", null, Map.of()))).isInstanceOf(PublishOutcome.Published.class);
		assertThat(location.stored.get().get("refreshToken")).isPresent();
	}

	@Test
	void transient_refresh_failure_of_an_expired_token_is_transient_never_reconnect() {
		GbpTestChannels location = location(Duration.ofMinutes(3));
		clock.advance(Duration.ofMinutes(4));
		server.respondOnce("POST", "/token", r -> server.error(500, "Internal error", "INTERNAL"));

		assertThat(connector.publish(location.open(), request("Plus tard", null, Map.of())))
			.isInstanceOf(PublishOutcome.Transient.class);
	}

	@Test
	void the_locations_of_every_account_are_the_accounts_to_choose() {
		Map<String, String> issued = server.issueTokens(Duration.ofMinutes(59));

		List<NewConnection> locations = oauth.accounts(new TokenSet(issued.get("accessToken"), issued.get("refreshToken"), null, null));

		assertThat(locations).extracting(NewConnection::remoteAccountId)
			.containsExactly(GoogleContractServer.LOCATION, GoogleContractServer.OTHER_LOCATION);
		assertThat(locations).extracting(NewConnection::handle)
			.containsExactly(GoogleContractServer.LOCATION_TITLE, GoogleContractServer.OTHER_LOCATION_TITLE);
		assertThat(locations.getFirst().displayName()).isEqualTo("Marie Martin · Lyon");
		assertThat(server.requests("GET", "/v1/" + GoogleContractServer.ACCOUNT + "/locations").getFirst().query())
			.containsEntry("readMask", "name,title,storefrontAddress");
	}
}
