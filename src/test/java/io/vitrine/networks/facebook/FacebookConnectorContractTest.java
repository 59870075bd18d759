package io.vitrine.networks.facebook;

import io.vitrine.networks.internal.VaultTestKit;
import io.vitrine.networks.medialinks.PublicMediaLinks;
import io.vitrine.networks.meta.GraphAnswer;
import io.vitrine.testsupport.RequestBodies;
import io.vitrine.networks.Channel;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.NewConnection;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.networks.oauth.OAuthNetwork;
import io.vitrine.networks.oauth.OAuthTestKit;
import io.vitrine.networks.oauth.OAuthTokens;
import io.vitrine.networks.oauth.TokenSet;
import io.vitrine.outbound.OutboundHttp;
import io.vitrine.outbound.OutboundSettings;
import io.vitrine.testsupport.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Facebook Pages connector against a local Graph API built from Meta's documentation (pages
 * cited on {@link GraphContractServer}); every request is checked, and every documented error shape
 * is answered once.
 */
class FacebookConnectorContractTest {

	private final SettableClock clock = new SettableClock(Instant.parse("2026-03-29T07:00:00Z"));

	private GraphContractServer server;

	private FacebookConnector connector;

	private FacebookOAuth oauth;

	private final AtomicReference<Credentials> stored = new AtomicReference<>();

	private final Map<String, String> uploads = new ConcurrentHashMap<>();

	private final Map<UUID, byte[]> files = new ConcurrentHashMap<>();

	@TempDir
	Path keys;

	@BeforeEach
	void setUp() {
		server = new GraphContractServer(clock);
		OutboundSettings outbound = new OutboundSettings(true, Duration.ofSeconds(2), Duration.ofSeconds(2), DataSize.ofMegabytes(10));
		FacebookSettings settings = new FacebookSettings(GraphContractServer.APP_ID, GraphContractServer.APP_SECRET,
				GraphContractServer.VERSION, server.authorizationUri(), server.url());
		GraphApi api = new GraphApi(OutboundHttp.create(outbound), settings);
		oauth = new FacebookOAuth(settings, api, OAuthTestKit.redirect("http://vitrine.test"));
		OAuthTokens tokens = OAuthTestKit.tokens(oauth, outbound, id -> stored.get(), clock);
		PublicMediaLinks links = new PublicMediaLinks(VaultTestKit.vault(keys), "http://vitrine.test", clock);
		connector = new FacebookConnector(api, new FacebookFindPost(api, tokens), links, tokens, clock);
		stored.set(new TokenSet(server.issuePageToken(GraphContractServer.PAGE_ID), null, null, null).credentials());
	}

	@AfterEach
	void stop() {
		try {
			assertThat(server.violations()).as("what Vitrine sent outside Meta's documentation").isEmpty();
		}
		finally {
			server.close();
		}
	}

	private final UUID channelId = UUID.randomUUID();

	private Channel page() {
		Credentials snapshot = stored.get();
		return new Channel() {
			public UUID id() {
				return channelId;
			}

			public NetworkId network() {
				return FacebookConnector.ID;
			}

			public String serverUrl() {
				return FacebookOAuth.SERVER;
			}

			public String remoteAccountId() {
				return GraphContractServer.PAGE_ID;
			}

			public String handle() {
				return GraphContractServer.PAGE_NAME;
			}

			public NetworkLimits limits() {
				return FacebookRules.LIMITS;
			}

			public Credentials credentials() {
				return snapshot;
			}

			public void updateCredentials(Credentials updated) {
				stored.set(updated);
			}
		};
	}

	private PublishRequest request(String text, String link, List<PostVariant.Media> images) {
		UUID target = UUID.randomUUID();
		return new PublishRequest(target, target.toString(), new PostVariant(text, link, images), new PublishRequest.MediaAccess() {
			public byte[] read(UUID mediaId) {
				return files.get(mediaId);
			}

			public Optional<String> uploaded(UUID mediaId, String scope) {
				return Optional.ofNullable(uploads.get(mediaId + scope));
			}

			public void rememberUpload(UUID mediaId, String scope, String remoteRef) {
				uploads.put(mediaId + scope, remoteRef);
			}
		});
	}

	private PostVariant.Media image(String type, int size) {
		UUID id = UUID.randomUUID();
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		files.put(id, bytes);
		return PostVariant.Media.image(id, type, size, 1200, 800, null);
	}

	@Test
	void offers_each_page_the_person_may_post_to_with_its_own_page_token_never_the_user_token() {
		TokenSet user = new TokenSet(userToken(), null, null, null);

		List<NewConnection> pages = oauth.accounts(user);

		assertThat(pages).extracting(NewConnection::remoteAccountId)
			.containsExactly(GraphContractServer.PAGE_ID, GraphContractServer.OTHER_PAGE_ID);
		assertThat(pages).extracting(NewConnection::handle)
			.containsExactly(GraphContractServer.PAGE_NAME, GraphContractServer.OTHER_PAGE_NAME);
		assertThat(pages).allSatisfy(page -> {
			assertThat(page.credentials().require("accessToken")).startsWith("EAAP");
			assertThat(page.credentials().asMap().values()).doesNotContain(user.accessToken());
			assertThat(page.credentials().get("refreshToken")).isEmpty();
		});
		GraphContractServer.Recorded exchange = server.requests("GET", server.path("/oauth/access_token")).getFirst();
		assertThat(exchange.query()).containsEntry("grant_type", "fb_exchange_token")
			.containsEntry("fb_exchange_token", user.accessToken());
	}

	@Test
	void a_person_without_a_page_to_post_to_connects_nothing() {
		server.respondOnce("GET", server.path("/me/accounts"), r -> {
			var none = tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
			none.putArray("data");
			return server.json(200, none);
		});

		assertThatThrownBy(() -> oauth.accounts(new TokenSet(userToken(), null, null, null)))
			.isInstanceOf(OAuthNetwork.ConnectFailed.class).hasMessageContaining("no Page was connected");
	}

	/** A short-lived user token, as the code exchange gives it. */
	private String userToken() {
		String callback = server.approve(server.authorizationUri() + "?client_id=" + GraphContractServer.APP_ID
				+ "&redirect_uri=http://vitrine.test/cb&state=s&scope=pages_show_list,pages_manage_posts,pages_read_engagement");
		String code = RequestBodies.query(java.net.URI.create(callback).getRawQuery()).get("code");
		var answer = OutboundHttp.create(new OutboundSettings(true, Duration.ofSeconds(2), Duration.ofSeconds(2),
				DataSize.ofMegabytes(1))).send(io.vitrine.outbound.OutboundRequest.post(server.url() + server.path("/oauth/access_token"))
			.form(Map.of("client_id", List.of(GraphContractServer.APP_ID), "client_secret", List.of(GraphContractServer.APP_SECRET),
					"code", List.of(code), "redirect_uri", List.of("http://vitrine.test/cb"), "grant_type", List.of("authorization_code")))
			.build());
		return GraphAnswer.of(answer).text("access_token").orElseThrow();
	}

	@Test
	void publishes_text_with_a_link_preview_to_the_page_feed_with_the_page_token() {
		PublishOutcome outcome = connector.publish(page(), request("Croissants chauds à 7 h 🥐", "https://example.com/menu", List.of()));

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		PublishOutcome.Published published = (PublishOutcome.Published) outcome;
		assertThat(published.remoteId()).startsWith(GraphContractServer.PAGE_ID + "_");
		assertThat(published.remoteUrl()).isEqualTo("https://www.facebook.com/" + published.remoteId());
		GraphContractServer.Recorded feed = server.requests("POST", server.path("/" + GraphContractServer.PAGE_ID + "/feed")).getFirst();
		assertThat(feed.header("Authorization")).isEqualTo("Bearer " + stored.get().require("accessToken"));
		assertThat(feed.form()).containsOnly(Map.entry("message", "Croissants chauds à 7 h 🥐"),
				Map.entry("link", "https://example.com/menu"));
	}

	private static PostVariant.Media video(long bytes, long millis) {
		return new PostVariant.Media(UUID.randomUUID(), "video/mp4", bytes, 1920, 1080, millis, null);
	}

	@Test
	void a_video_is_fetched_by_facebook_from_a_sealed_link_pending_while_processed_then_published_at_its_address() {
		PostVariant.Media mp4 = video(80_000_000, 95_000);
		PublishRequest request = request("Le fournil en vidéo", null, List.of(mp4));

		PublishOutcome outcome = connector.publish(page(), request);

		GraphContractServer.Video sent = server.videos().getFirst();
		assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Pending.class, pending -> {
			assertThat(pending.remoteRef()).isEqualTo(sent.id());
			assertThat(pending.checkAfter()).isEqualTo(clock.instant().plus(FacebookConnector.VIDEO_CHECK));
		});
		assertThat(sent.description()).isEqualTo("Le fournil en vidéo");
		assertThat(sent.fileUrl()).startsWith(GraphContractServer.PUBLIC_MEDIA).doesNotContain(mp4.mediaId().toString());
		assertThat(server.posts()).as("no feed post besides the video").isEmpty();

		assertThat(connector.checkPending(page(), request, sent.id())).isInstanceOf(PublishOutcome.Pending.class);
		server.videoReady(sent.id());
		assertThat(connector.checkPending(page(), request, sent.id())).isInstanceOfSatisfying(PublishOutcome.Published.class, p -> {
			assertThat(p.remoteId()).isEqualTo(sent.id());
			assertThat(p.remoteUrl()).isEqualTo(FacebookOAuth.SERVER + "/" + GraphContractServer.PAGE_ID + "/videos/" + sent.id() + "/");
		});
		assertThat(server.videos()).as("checked, never sent again").hasSize(1);
	}

	@Test
	void a_video_facebook_cannot_process_is_rejected_with_its_words() {
		PublishRequest request = request("Vidéo abîmée", null, List.of(video(5_000_000, 12_000)));
		String id = ((PublishOutcome.Pending) connector.publish(page(), request)).remoteRef();

		server.videoFailed(id, "The video file you selected is in a format that we don't support.");

		assertThat(connector.checkPending(page(), request, id)).isInstanceOfSatisfying(PublishOutcome.Rejected.class,
				r -> assertThat(r.message()).contains("a format that we don't support", "Nothing was posted"));
	}

	@Test
	void a_video_whose_answer_was_lost_is_found_among_the_pages_videos_never_sent_twice() {
		Instant sentAt = clock.instant();
		PublishRequest request = request("Pétrissage du matin", null, List.of(video(5_000_000, 12_000)));
		server.respondOnce("POST", server.path("/" + GraphContractServer.PAGE_ID + "/videos"), server::acceptThenHang);

		assertThat(connector.publish(page(), request)).isInstanceOf(PublishOutcome.Unknown.class);

		String id = server.videos().getFirst().id();
		assertThat(connector.reconcile(page(), request, sentAt)).isInstanceOfSatisfying(ReconcileOutcome.Found.class,
				found -> assertThat(found.remoteId()).isEqualTo(id));
		assertThat(connector.reconcile(page(), request("Une autre vidéo", null, List.of(video(5_000_000, 12_000))), sentAt))
			.isInstanceOf(ReconcileOutcome.NotFound.class);
		assertThat(server.videos()).hasSize(1);
	}

	@Test
	void a_video_over_facebooks_limits_or_with_images_is_refused_before_anything_is_sent() {
		PublishOutcome tooLong = connector.publish(page(), request("Long", null, List.of(video(5_000_000, 21 * 60_000))));
		PublishOutcome tooBig = connector.publish(page(), request("Big", null, List.of(video(2L * 1024 * 1024 * 1024, 60_000))));
		PublishOutcome mixed = connector.publish(page(), request("Mixed", null, List.of(video(5_000_000, 60_000), image("image/jpeg", 4096))));

		assertThat(tooLong).isInstanceOfSatisfying(PublishOutcome.Rejected.class, r -> assertThat(r.message()).contains("21 min 00 s", "20 minutes"));
		assertThat(tooBig).isInstanceOfSatisfying(PublishOutcome.Rejected.class, r -> assertThat(r.message()).contains("up to 1 GB"));
		assertThat(mixed).isInstanceOfSatisfying(PublishOutcome.Rejected.class, r -> assertThat(r.message()).contains("one video and no image"));
		assertThat(server.requests()).isEmpty();
	}

	@Test
	void one_photo_is_a_photo_post_with_its_caption() {
		PostVariant.Media jpeg = image("image/jpeg", 4096);

		PublishOutcome outcome = connector.publish(page(), request("Today's bread", null, List.of(jpeg)));

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		GraphContractServer.Recorded photo = server.requests("POST", server.path("/" + GraphContractServer.PAGE_ID + "/photos")).getFirst();
		assertThat(photo.parts().get("source").content()).isEqualTo(files.get(jpeg.mediaId()));
		assertThat(photo.parts().get("source").contentType()).isEqualTo("image/jpeg");
		assertThat(photo.parts().get("caption").text()).isEqualTo("Today's bread");
		assertThat(server.posts()).singleElement().satisfies(p -> {
			assertThat(p.id()).isEqualTo(((PublishOutcome.Published) outcome).remoteId());
			assertThat(p.message()).isEqualTo("Today's bread");
		});
	}

	@Test
	void several_photos_are_uploaded_unpublished_then_attached_to_one_feed_post() {
		PostVariant.Media a = image("image/png", 1024);
		PostVariant.Media b = image("image/jpeg", 2048);

		PublishOutcome outcome = connector.publish(page(), request("Two loaves", null, List.of(a, b)));

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		assertThat(server.requests("POST", server.path("/" + GraphContractServer.PAGE_ID + "/photos")))
			.hasSize(2).allSatisfy(r -> assertThat(r.parts().get("published").text()).isEqualTo("false"));
		assertThat(server.posts()).singleElement().satisfies(p -> {
			assertThat(p.photos()).hasSize(2);
			assertThat(server.photo(p.photos().get(1))).isEqualTo(files.get(b.mediaId()));
			assertThat(p.message()).isEqualTo("Two loaves");
		});
	}

	@Test
	void revoked_token_asks_to_reconnect_as_page_tokens_cannot_be_refreshed() {
		server.revokeAll();

		PublishOutcome outcome = connector.publish(page(), request("Revoked", null, List.of()));

		assertThat(outcome).isInstanceOf(PublishOutcome.Reauthorize.class);
		assertThat(server.posts()).isEmpty();
		assertThat(server.requests("POST", server.path("/oauth/access_token"))).as("nothing to refresh with").isEmpty();
	}

	@Test
	void quota_reached_defers_the_post_until_meta_says_access_comes_back() {
		server.respondOnce("POST", server.path("/" + GraphContractServer.PAGE_ID + "/feed"),
				r -> server.error(400, "(#32) Page request limit reached", 32, null, false).with("X-Business-Use-Case-Usage",
						"{\"" + GraphContractServer.PAGE_ID + "\":[{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":30,"
								+ "\"total_time\":40,\"estimated_time_to_regain_access\":17}]}"));

		PublishOutcome outcome = connector.publish(page(), request("Busy", null, List.of()));

		assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.RateLimited.class,
				l -> assertThat(l.until()).isEqualTo(clock.instant().plus(Duration.ofMinutes(17))));
	}

	@Test
	void a_throttle_without_usage_header_waits_an_hour() {
		server.respondOnce("POST", server.path("/" + GraphContractServer.PAGE_ID + "/feed"),
				r -> server.error(400, "(#4) Application request limit reached", 4, null, false));

		assertThat(connector.publish(page(), request("Busy", null, List.of())))
			.isInstanceOfSatisfying(PublishOutcome.RateLimited.class,
					l -> assertThat(l.until()).isEqualTo(clock.instant().plus(Duration.ofHours(1))));
	}

	@Test
	void refused_content_is_rejected_with_metas_message() {
		server.respondOnce("POST", server.path("/" + GraphContractServer.PAGE_ID + "/feed"),
				r -> server.error(400, "(#368) The action attempted has been deemed abusive or is otherwise disallowed", 368,
						1390008, false));

		assertThat(connector.publish(page(), request("Spam", null, List.of())))
			.isInstanceOfSatisfying(PublishOutcome.Rejected.class,
					r -> assertThat(r.message()).contains("deemed abusive").contains("code 368"));
	}

	@Test
	void a_transient_graph_error_on_the_create_is_unknown_and_on_an_unpublished_photo_transient() {
		server.respondOnce("POST", server.path("/" + GraphContractServer.PAGE_ID + "/feed"),
				r -> server.error(500, "An unexpected error has occurred. Please retry your request later.", 2, null, true));
		assertThat(connector.publish(page(), request("Maybe", null, List.of()))).isInstanceOf(PublishOutcome.Unknown.class);

		server.respondOnce("POST", server.path("/" + GraphContractServer.PAGE_ID + "/photos"),
				r -> server.error(500, "An unknown error has occurred.", 1, null, false));
		assertThat(connector.publish(page(), request("Photos", null, List.of(image("image/png", 10), image("image/png", 20)))))
			.isInstanceOf(PublishOutcome.Transient.class);
		assertThat(server.posts()).isEmpty();
	}

	@Test
	void accepted_but_response_lost_is_unknown_then_reconciled_from_the_pages_published_posts() {
		PublishRequest request = request("Fournée spéciale", null, List.of());
		Instant sentAt = clock.instant();
		server.respondOnce("POST", server.path("/" + GraphContractServer.PAGE_ID + "/feed"), server::acceptThenHang);

		assertThat(connector.publish(page(), request)).isInstanceOf(PublishOutcome.Unknown.class);

		String id = server.posts().getFirst().id();
		assertThat(connector.reconcile(page(), request, sentAt))
			.isEqualTo(new ReconcileOutcome.Found(id, "https://www.facebook.com/" + id));
		assertThat(connector.reconcile(page(), request("Never sent", null, List.of()), sentAt))
			.isInstanceOf(ReconcileOutcome.NotFound.class);
	}

	@Test
	void a_post_breaking_a_rule_is_rejected_before_anything_is_sent() {
		assertThat(connector.publish(page(), request("x".repeat(63_207), null, List.of())))
			.isInstanceOfSatisfying(PublishOutcome.Rejected.class,
					r -> assertThat(r.message()).isEqualTo("Facebook counts 63207 characters; the limit is 63206."));
		assertThat(server.requests()).isEmpty();
	}
}
