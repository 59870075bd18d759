package io.vitrine.networks.instagram;

import io.vitrine.networks.Channel;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.NewConnection;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.PublishQuota;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.networks.internal.VaultTestKit;
import io.vitrine.networks.medialinks.PublicMediaLinks;
import io.vitrine.networks.meta.GraphAnswer;
import io.vitrine.networks.meta.MetaApiServer.Recorded;
import io.vitrine.networks.oauth.OAuthNetwork;
import io.vitrine.networks.oauth.OAuthTestKit;
import io.vitrine.networks.oauth.OAuthTokens;
import io.vitrine.networks.oauth.TokenSet;
import io.vitrine.outbound.OutboundHttp;
import io.vitrine.outbound.OutboundRequest;
import io.vitrine.outbound.OutboundSettings;
import io.vitrine.testsupport.RequestBodies;
import io.vitrine.testsupport.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Instagram connector against a local Instagram Graph API built from Meta's documentation (pages cited on
 * {@link InstagramGraphServer}): every request is checked field by field, and every documented error shape Vitrine
 * must tell apart is answered once.
 */
class InstagramConnectorContractTest {

	private final SettableClock clock = new SettableClock(Instant.parse("2026-03-29T07:00:00Z"));

	private InstagramGraphServer server;

	private InstagramConnector connector;

	private InstagramOAuth oauth;

	private final AtomicReference<Credentials> stored = new AtomicReference<>();

	private final Map<String, String> uploads = new ConcurrentHashMap<>();

	private final UUID channelId = UUID.randomUUID();

	@TempDir
	Path keys;

	@BeforeEach
	void setUp() {
		server = new InstagramGraphServer(clock);
		OutboundSettings outbound = new OutboundSettings(true, Duration.ofSeconds(2), Duration.ofSeconds(2), DataSize.ofMegabytes(10));
		InstagramSettings settings = new InstagramSettings(InstagramGraphServer.APP_ID, InstagramGraphServer.APP_SECRET,
				InstagramGraphServer.VERSION, server.authorizationUri(), server.url());
		InstagramApi api = new InstagramApi(OutboundHttp.create(outbound), settings);
		oauth = new InstagramOAuth(settings, api, OAuthTestKit.redirect("http://vitrine.test"));
		OAuthTokens tokens = OAuthTestKit.tokens(oauth, outbound, id -> stored.get(), clock);
		PublicMediaLinks links = new PublicMediaLinks(VaultTestKit.vault(keys), "http://vitrine.test", clock);
		connector = new InstagramConnector(api, new InstagramFindPost(api, tokens), links, tokens, clock);
		stored.set(new TokenSet(server.issuePageToken(InstagramGraphServer.IG_USER_ID), null, null, null).credentials());
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

	private Channel account() {
		Credentials snapshot = stored.get();
		return new Channel() {
			public UUID id() {
				return channelId;
			}

			public NetworkId network() {
				return InstagramConnector.ID;
			}

			public String serverUrl() {
				return InstagramOAuth.SERVER;
			}

			public String remoteAccountId() {
				return InstagramGraphServer.IG_USER_ID;
			}

			public String handle() {
				return InstagramGraphServer.USERNAME;
			}

			public NetworkLimits limits() {
				return InstagramRules.LIMITS;
			}

			public Credentials credentials() {
				return snapshot;
			}

			public void updateCredentials(Credentials updated) {
				stored.set(updated);
			}
		};
	}

	private PublishRequest request(String text, List<PostVariant.Media> media) {
		UUID target = UUID.randomUUID();
		return new PublishRequest(target, target.toString(), new PostVariant(text, null, media), new PublishRequest.MediaAccess() {
			public byte[] read(UUID mediaId) {
				throw new AssertionError("Instagram fetches media by URL; no bytes are read");
			}

			public Optional<String> uploaded(UUID mediaId, String scope) {
				return Optional.ofNullable(uploads.get(mediaId + scope));
			}

			public void rememberUpload(UUID mediaId, String scope, String remoteRef) {
				uploads.put(mediaId + scope, remoteRef);
			}
		});
	}

	private static PostVariant.Media jpeg() {
		return PostVariant.Media.image(UUID.randomUUID(), "image/jpeg", 300_000, 1080, 1350, null);
	}

	private static PostVariant.Media mp4() {
		return new PostVariant.Media(UUID.randomUUID(), "video/mp4", 9_000_000, 1080, 1920, 12_000L, null);
	}

	private String mediaPath() {
		return server.path("/" + InstagramGraphServer.IG_USER_ID + "/media");
	}

	private String publishPath() {
		return server.path("/" + InstagramGraphServer.IG_USER_ID + "/media_publish");
	}

	private String limitPath() {
		return server.path("/" + InstagramGraphServer.IG_USER_ID + "/content_publishing_limit");
	}

	@Test
	void offers_the_instagram_account_of_each_page_with_the_page_token_never_the_user_token() {
		TokenSet user = new TokenSet(userToken(), null, null, null);

		List<NewConnection> accounts = oauth.accounts(user);

		assertThat(accounts).extracting(NewConnection::remoteAccountId)
			.containsExactly(InstagramGraphServer.IG_USER_ID, InstagramGraphServer.OTHER_IG_USER_ID);
		assertThat(accounts).extracting(NewConnection::handle)
			.containsExactly(InstagramGraphServer.USERNAME, InstagramGraphServer.OTHER_USERNAME);
		assertThat(accounts.getFirst().displayName()).isEqualTo("boulangerie.martin (Boulangerie Martin)");
		assertThat(accounts).allSatisfy(a -> {
			assertThat(a.credentials().require("accessToken")).startsWith("EAAP");
			assertThat(a.credentials().asMap().values()).doesNotContain(user.accessToken());
			assertThat(a.limits().maxCharacters()).isEqualTo(2_200);
		});
		assertThat(server.requests("GET", server.path("/oauth/access_token")).getFirst().query())
			.containsEntry("grant_type", "fb_exchange_token").containsEntry("fb_exchange_token", user.accessToken());
	}

	@Test
	void a_person_whose_pages_have_no_instagram_account_connects_nothing() {
		server.respondOnce("GET", server.path("/me/accounts"), r -> {
			var none = server.json(200, tools.jackson.databind.json.JsonMapper.builder().build().readTree("{\"data\":[{\"id\":\"1\","
					+ "\"name\":\"Solo\",\"access_token\":\"EAAP1\"}]}"));
			return none;
		});

		assertThatThrownBy(() -> oauth.accounts(new TokenSet(userToken(), null, null, null)))
			.isInstanceOf(OAuthNetwork.ConnectFailed.class).hasMessageContaining("no Instagram account was connected");
	}

	/** A short-lived user token, as the code exchange gives it. */
	private String userToken() {
		String callback = server.approve(server.authorizationUri() + "?client_id=" + InstagramGraphServer.APP_ID
				+ "&redirect_uri=http://vitrine.test/cb&state=s&scope="
				+ String.join(",", InstagramOAuth.SCOPES));
		String code = RequestBodies.query(URI.create(callback).getRawQuery()).get("code");
		var answer = OutboundHttp.create(new OutboundSettings(true, Duration.ofSeconds(2), Duration.ofSeconds(2),
				DataSize.ofMegabytes(1))).send(OutboundRequest.post(server.url() + server.path("/oauth/access_token"))
			.form(Map.of("client_id", List.of(InstagramGraphServer.APP_ID), "client_secret",
					List.of(InstagramGraphServer.APP_SECRET), "code", List.of(code), "redirect_uri", List.of("http://vitrine.test/cb"),
					"grant_type", List.of("authorization_code")))
			.build());
		return GraphAnswer.of(answer).text("access_token").orElseThrow();
	}

	@Test
	void an_image_becomes_a_container_then_once_finished_is_published_with_its_permalink() {
		PublicationSteps steps = new PublicationSteps();
		PostVariant.Media image = jpeg();
		PublishRequest request = request("Pain au levain du jour #boulangerie", List.of(image));

		PublishOutcome outcome = connector.publish(account(), request);

		PublishOutcome.Pending pending = steps.pending(outcome, Duration.ofSeconds(5));
		Recorded create = server.requests("POST", mediaPath()).getFirst();
		assertThat(create.bearer()).isEqualTo(stored.get().require("accessToken"));
		assertThat(create.form()).containsOnlyKeys("image_url", "caption")
			.containsEntry("caption", "Pain au levain du jour #boulangerie");
		assertThat(create.form().get("image_url")).startsWith("http://vitrine.test/public/media/");
		assertThat(server.requests("GET", limitPath())).as("the quota is read before anything is created").hasSize(1);
		assertThat(server.requests("POST", publishPath())).isEmpty();

		PublishOutcome done = connector.checkPending(account(), request, pending.remoteRef());

		assertThat(done).isInstanceOfSatisfying(PublishOutcome.Published.class, p -> {
			assertThat(p.remoteId()).isEqualTo(server.media().getLast().id());
			assertThat(p.remoteUrl()).isEqualTo(InstagramGraphServer.permalink(p.remoteId()));
		});
		assertThat(server.requests("POST", publishPath()).getFirst().form()).containsExactly(Map.entry("creation_id", pending.remoteRef()));
		assertThat(server.media()).singleElement().satisfies(m -> assertThat(m.caption()).isEqualTo("Pain au levain du jour #boulangerie"));
	}

	@Test
	void a_reel_stays_pending_while_instagram_processes_it_and_is_published_when_finished() {
		PublishRequest request = request("Le pétrissage", List.of(mp4()));

		PublishOutcome.Pending pending = new PublicationSteps().pending(connector.publish(account(), request), Duration.ofSeconds(30));
		assertThat(server.requests("POST", mediaPath()).getFirst().form()).containsOnlyKeys("media_type", "video_url", "caption")
			.containsEntry("media_type", "REELS");

		assertThat(connector.checkPending(account(), request, pending.remoteRef()))
			.isInstanceOfSatisfying(PublishOutcome.Pending.class, again -> {
				assertThat(again.remoteRef()).isEqualTo(pending.remoteRef());
				assertThat(again.checkAfter()).isEqualTo(clock.instant().plus(Duration.ofSeconds(30)));
			});
		assertThat(server.requests("POST", publishPath())).as("never published before FINISHED").isEmpty();

		server.finishProcessing(pending.remoteRef());
		assertThat(connector.checkPending(account(), request, pending.remoteRef())).isInstanceOf(PublishOutcome.Published.class);
		assertThat(server.media()).singleElement().satisfies(m -> assertThat(m.mediaType()).isEqualTo("VIDEO"));
	}

	@Test
	void a_carousel_is_one_container_per_item_then_a_carousel_container_over_them_in_order() {
		PostVariant.Media first = jpeg();
		PostVariant.Media second = mp4();
		PostVariant.Media third = jpeg();
		PublishRequest request = request("Trois façons", List.of(first, second, third));

		PublishOutcome.Pending pending = new PublicationSteps().pending(connector.publish(account(), request), Duration.ofSeconds(30));

		List<Recorded> creates = server.requests("POST", mediaPath());
		assertThat(creates).hasSize(4);
		assertThat(creates.get(0).form()).containsOnlyKeys("is_carousel_item", "image_url").containsEntry("is_carousel_item", "true");
		assertThat(creates.get(1).form()).containsOnlyKeys("is_carousel_item", "media_type", "video_url")
			.containsEntry("media_type", "VIDEO");
		assertThat(creates.get(3).form()).containsOnlyKeys("media_type", "children", "caption").containsEntry("media_type", "CAROUSEL");
		List<String> children = List.of(creates.get(3).form().get("children").split(","));
		assertThat(children).hasSize(3).containsExactlyElementsOf(server.container(pending.remoteRef()).children());
		assertThat(connector.checkPending(account(), request, pending.remoteRef())).isInstanceOf(PublishOutcome.Pending.class);

		server.finishProcessing(children.get(1));
		assertThat(connector.checkPending(account(), request, pending.remoteRef())).isInstanceOf(PublishOutcome.Published.class);
		assertThat(server.media()).singleElement().satisfies(m -> {
			assertThat(m.mediaType()).isEqualTo("CAROUSEL_ALBUM");
			assertThat(m.urls()).hasSize(3);
		});
	}

	@Test
	void quota_reached_defers_the_post_before_anything_is_created() {
		assertThat(connector.quotas()).containsExactly(new PublishQuota(50, Duration.ofHours(24), PublishQuota.Scope.ACCOUNT,
				"https://developers.facebook.com/docs/instagram-platform/content-publishing#rate-limit"));
		server.alreadyPublished(50);

		PublishOutcome outcome = connector.publish(account(), request("Une de trop", List.of(jpeg())));

		assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.RateLimited.class, l -> {
			assertThat(l.until()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
			assertThat(l.message()).contains("50 posts per 24 hours is used up");
		});
		assertThat(server.requests("POST", mediaPath())).isEmpty();
	}

	@Test
	void the_daily_limit_answered_by_media_publish_is_a_rate_limit_not_a_rejection() {
		PublishRequest request = request("Limite", List.of(jpeg()));
		PublishOutcome.Pending pending = new PublicationSteps().pending(connector.publish(account(), request), Duration.ofSeconds(5));
		server.respondOnce("POST", publishPath(), r -> server.error(400, "Application request limit reached", 9, 2207042, false));

		assertThat(connector.checkPending(account(), request, pending.remoteRef())).isInstanceOf(PublishOutcome.RateLimited.class);
		assertThat(server.media()).isEmpty();
	}

	@Test
	void a_processing_error_is_rejected_with_instagrams_reason() {
		PublishRequest request = request("Vidéo cassée", List.of(mp4()));
		PublishOutcome.Pending pending = new PublicationSteps().pending(connector.publish(account(), request), Duration.ofSeconds(30));
		server.failProcessing(pending.remoteRef());

		assertThat(connector.checkPending(account(), request, pending.remoteRef()))
			.isInstanceOfSatisfying(PublishOutcome.Rejected.class, r -> assertThat(r.message()).contains("2207026"));
	}

	@Test
	void revoked_token_asks_to_reconnect_as_page_tokens_cannot_be_refreshed() {
		server.revokeAll();

		assertThat(connector.publish(account(), request("Révoqué", List.of(jpeg())))).isInstanceOf(PublishOutcome.Reauthorize.class);
		assertThat(server.requests("POST", server.path("/oauth/access_token"))).as("nothing to refresh with").isEmpty();
		assertThat(server.media()).isEmpty();
	}

	@Test
	void each_documented_error_maps_to_its_kind_and_none_asks_to_reconnect() {
		// 2207001 "Instagram server error. Try again." while preparing: nothing exists yet.
		server.respondOnce("POST", mediaPath(), r -> server.error(400, "Instagram server error", -1, 2207001, false));
		assertThat(connector.publish(account(), request("a", List.of(jpeg())))).isInstanceOf(PublishOutcome.Transient.class);
		// 2207004 "The image is too large to download": the content is refused.
		server.respondOnce("POST", mediaPath(), r -> server.error(400, "The image size is too large.", 36000, 2207004, false));
		assertThat(connector.publish(account(), request("b", List.of(jpeg()))))
			.isInstanceOfSatisfying(PublishOutcome.Rejected.class, r -> assertThat(r.message()).contains("too large"));
		// Code 4 with 2207051: restricted as spam, not a rate limit.
		server.respondOnce("POST", mediaPath(), r -> server.error(400, "We restrict certain activity", 4, 2207051, false));
		assertThat(connector.publish(account(), request("c", List.of(jpeg())))).isInstanceOf(PublishOutcome.Rejected.class);
		// Code 4 alone: the app's call rate.
		server.respondOnce("POST", mediaPath(), r -> server.error(400, "(#4) Application request limit reached", 4, null, false));
		assertThat(connector.publish(account(), request("d", List.of(jpeg()))))
			.isInstanceOfSatisfying(PublishOutcome.RateLimited.class,
					l -> assertThat(l.until()).isEqualTo(clock.instant().plus(Duration.ofHours(1))));
		// A transient server error on media_publish: the post may exist.
		PublishRequest request = request("e", List.of(jpeg()));
		PublishOutcome.Pending pending = new PublicationSteps().pending(connector.publish(account(), request), Duration.ofSeconds(5));
		server.respondOnce("POST", publishPath(), r -> server.error(500, "An unexpected error has occurred.", 2, null, true));
		assertThat(connector.checkPending(account(), request, pending.remoteRef())).isInstanceOf(PublishOutcome.Unknown.class);
		assertThat(stored.get().get("accessToken")).isPresent();
	}

	@Test
	void accepted_but_response_lost_is_unknown_then_reconciled_from_the_accounts_media() {
		PublishRequest request = request("Fournée spéciale", List.of(jpeg()));
		Instant sentAt = clock.instant();
		PublishOutcome.Pending pending = new PublicationSteps().pending(connector.publish(account(), request), Duration.ofSeconds(5));
		server.respondOnce("POST", publishPath(), server::acceptThenHang);

		assertThat(connector.checkPending(account(), request, pending.remoteRef())).isInstanceOf(PublishOutcome.Unknown.class);

		String id = server.media().getFirst().id();
		assertThat(connector.reconcile(account(), request, sentAt))
			.isEqualTo(new ReconcileOutcome.Found(id, InstagramGraphServer.permalink(id)));
		assertThat(connector.reconcile(account(), request("Jamais envoyé", List.of(jpeg())), sentAt))
			.isInstanceOf(ReconcileOutcome.NotFound.class);
		assertThat(connector.checkPending(account(), request, pending.remoteRef()))
			.as("a container already published is never published again").isInstanceOf(PublishOutcome.Unknown.class);
		assertThat(server.media()).hasSize(1);
	}

	@Test
	void a_post_breaking_a_rule_is_rejected_before_anything_is_sent() {
		assertThat(connector.publish(account(), request("Sans image", List.of())))
			.isInstanceOfSatisfying(PublishOutcome.Rejected.class,
					r -> assertThat(r.message()).isEqualTo("An Instagram post needs at least one image or video."));
		assertThat(server.requests()).isEmpty();
	}

	private final class PublicationSteps {

		PublishOutcome.Pending pending(PublishOutcome outcome, Duration check) {
			assertThat(outcome).isInstanceOf(PublishOutcome.Pending.class);
			PublishOutcome.Pending pending = (PublishOutcome.Pending) outcome;
			assertThat(pending.checkAfter()).isEqualTo(clock.instant().plus(check));
			assertThat(server.container(pending.remoteRef())).isNotNull();
			return pending;
		}
	}
}
