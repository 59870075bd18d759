package io.vitrine.networks.threads;

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

/**
 * The Threads connector against a local Threads API built from Meta's Threads documentation (pages cited on
 * {@link ThreadsApiServer}): every request checked field by field, each documented error shape answered once.
 */
class ThreadsConnectorContractTest {

	private final SettableClock clock = new SettableClock(Instant.parse("2026-03-29T07:00:00Z"));

	private ThreadsApiServer server;

	private ThreadsConnector connector;

	private ThreadsOAuth oauth;

	private final AtomicReference<Credentials> stored = new AtomicReference<>();

	private final Map<String, String> uploads = new ConcurrentHashMap<>();

	private final UUID channelId = UUID.randomUUID();

	@TempDir
	Path keys;

	@BeforeEach
	void setUp() {
		server = new ThreadsApiServer(clock);
		OutboundSettings outbound = new OutboundSettings(true, Duration.ofSeconds(2), Duration.ofSeconds(2), DataSize.ofMegabytes(10));
		ThreadsSettings settings = new ThreadsSettings(ThreadsApiServer.APP_ID, ThreadsApiServer.APP_SECRET, "v1.0",
				server.authorizationUri(), server.url());
		ThreadsApi api = new ThreadsApi(OutboundHttp.create(outbound), settings);
		oauth = new ThreadsOAuth(settings, api, OAuthTestKit.redirect("http://vitrine.test"), clock);
		OAuthTokens tokens = OAuthTestKit.tokens(oauth, outbound, id -> stored.get(), clock);
		PublicMediaLinks links = new PublicMediaLinks(VaultTestKit.vault(keys), "http://vitrine.test", clock);
		connector = new ThreadsConnector(api, new ThreadsFindPost(api, tokens), links, tokens, clock);
		connectedAgo(Duration.ofDays(2));
	}

	/** The account as stored after connecting {@code age} ago: a long-lived token expiring 60 days after that. */
	private void connectedAgo(Duration age) {
		String token = server.issueLongLived(age);
		stored.set(new TokenSet(token, null, server.token(token).expiresAt(), "threads_basic,threads_content_publish").credentials());
	}

	@AfterEach
	void stop() {
		try {
			assertThat(server.violations()).as("what Vitrine sent outside the Threads documentation").isEmpty();
		}
		finally {
			server.close();
		}
	}

	private Channel profile() {
		Credentials snapshot = stored.get();
		return new Channel() {
			public UUID id() {
				return channelId;
			}

			public NetworkId network() {
				return ThreadsConnector.ID;
			}

			public String serverUrl() {
				return ThreadsOAuth.SERVER;
			}

			public String remoteAccountId() {
				return ThreadsApiServer.USER_ID;
			}

			public String handle() {
				return ThreadsApiServer.USERNAME;
			}

			public NetworkLimits limits() {
				return ThreadsRules.LIMITS;
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
				throw new AssertionError("Threads fetches media by URL; no bytes are read");
			}

			public Optional<String> uploaded(UUID mediaId, String scope) {
				return Optional.ofNullable(uploads.get(mediaId + scope));
			}

			public void rememberUpload(UUID mediaId, String scope, String remoteRef) {
				uploads.put(mediaId + scope, remoteRef);
			}
		});
	}

	private static PostVariant.Media png() {
		return PostVariant.Media.image(UUID.randomUUID(), "image/png", 300_000, 1080, 1080, null);
	}

	private static PostVariant.Media mp4() {
		return new PostVariant.Media(UUID.randomUUID(), "video/mp4", 9_000_000, 1080, 1920, 20_000L, null);
	}

	private String threadsPath() {
		return server.path("/" + ThreadsApiServer.USER_ID + "/threads");
	}

	private String publishPath() {
		return server.path("/" + ThreadsApiServer.USER_ID + "/threads_publish");
	}

	@Test
	void connecting_keeps_the_60_day_token_exchanged_for_the_one_hour_one_and_reads_the_profile() {
		String callback = server.approve(server.authorizationUri() + "?client_id=" + ThreadsApiServer.APP_ID
				+ "&redirect_uri=http://vitrine.test/cb&state=s&response_type=code&scope=threads_basic,threads_content_publish");
		String code = RequestBodies.query(URI.create(callback).getRawQuery()).get("code");
		var answer = GraphAnswer.of(OutboundHttp.create(new OutboundSettings(true, Duration.ofSeconds(2), Duration.ofSeconds(2),
				DataSize.ofMegabytes(1))).send(OutboundRequest.post(server.url() + "/oauth/access_token")
			.form(Map.of("client_id", List.of(ThreadsApiServer.APP_ID), "client_secret", List.of(ThreadsApiServer.APP_SECRET),
					"code", List.of(code), "redirect_uri", List.of("http://vitrine.test/cb"), "grant_type", List.of("authorization_code")))
			.build()));
		String shortLived = answer.text("access_token").orElseThrow();

		NewConnection account = oauth.account(new TokenSet(shortLived, null, clock.instant().plusSeconds(3600), null));

		assertThat(account.remoteAccountId()).isEqualTo(ThreadsApiServer.USER_ID);
		assertThat(account.handle()).isEqualTo(ThreadsApiServer.USERNAME);
		assertThat(account.displayName()).isEqualTo(ThreadsApiServer.NAME);
		TokenSet kept = TokenSet.of(account.credentials());
		assertThat(kept.accessToken()).isNotEqualTo(shortLived).startsWith("THAA");
		assertThat(kept.expiresAt()).isEqualTo(clock.instant().plus(ThreadsApiServer.LONG_LIVED));
		assertThat(kept.refreshToken()).isNull();
		assertThat(server.requests("GET", "/access_token").getFirst().query()).containsOnly(Map.entry("grant_type", "th_exchange_token"),
				Map.entry("client_secret", ThreadsApiServer.APP_SECRET), Map.entry("access_token", shortLived));
	}

	@Test
	void text_is_a_text_container_published_at_once_with_its_permalink() {
		PublishOutcome outcome = connector.publish(profile(), request("Fournée du matin 🥖", List.of()));

		assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Published.class, p -> {
			assertThat(p.remoteId()).isEqualTo(server.posts().getFirst().id());
			assertThat(p.remoteUrl()).isEqualTo(ThreadsApiServer.permalink(p.remoteId()));
		});
		Recorded create = server.requests("POST", threadsPath()).getFirst();
		assertThat(create.bearer()).isEqualTo(stored.get().require("accessToken"));
		assertThat(create.form()).containsOnly(Map.entry("media_type", "TEXT"), Map.entry("text", "Fournée du matin 🥖"));
		assertThat(server.requests("POST", publishPath()).getFirst().form()).containsOnlyKeys("creation_id");
		assertThat(server.requests("GET", server.path("/" + ThreadsApiServer.USER_ID + "/threads_publishing_limit"))).hasSize(1);
	}

	@Test
	void an_image_waits_for_its_container_to_finish_then_is_published() {
		PublishRequest request = request("Le levain", List.of(png()));

		PublishOutcome outcome = connector.publish(profile(), request);

		assertThat(outcome).isInstanceOf(PublishOutcome.Pending.class);
		PublishOutcome.Pending pending = (PublishOutcome.Pending) outcome;
		assertThat(pending.checkAfter()).isEqualTo(clock.instant().plusSeconds(30));
		assertThat(server.requests("POST", threadsPath()).getFirst().form()).containsOnlyKeys("media_type", "image_url", "text")
			.containsEntry("media_type", "IMAGE").containsEntry("text", "Le levain");
		assertThat(connector.checkPending(profile(), request, pending.remoteRef())).isInstanceOf(PublishOutcome.Pending.class);
		assertThat(server.requests("POST", publishPath())).isEmpty();

		server.finishProcessing(pending.remoteRef());
		assertThat(connector.checkPending(profile(), request, pending.remoteRef())).isInstanceOf(PublishOutcome.Published.class);
		assertThat(server.posts()).singleElement().satisfies(p -> assertThat(p.mediaType()).isEqualTo("IMAGE"));
	}

	@Test
	void a_carousel_is_item_containers_then_a_carousel_container_with_the_text() {
		PublishRequest request = request("Deux", List.of(png(), mp4()));

		PublishOutcome.Pending pending = (PublishOutcome.Pending) connector.publish(profile(), request);

		List<Recorded> creates = server.requests("POST", threadsPath());
		assertThat(creates).hasSize(3);
		assertThat(creates.get(0).form()).containsOnlyKeys("is_carousel_item", "media_type", "image_url");
		assertThat(creates.get(1).form()).containsEntry("media_type", "VIDEO").containsEntry("is_carousel_item", "true");
		assertThat(creates.get(2).form()).containsOnlyKeys("media_type", "children", "text").containsEntry("media_type", "CAROUSEL");
		server.container(pending.remoteRef()).children().forEach(server::finishProcessing);

		assertThat(connector.checkPending(profile(), request, pending.remoteRef())).isInstanceOf(PublishOutcome.Published.class);
		assertThat(server.posts()).singleElement().satisfies(p -> assertThat(p.mediaType()).isEqualTo("CAROUSEL_ALBUM"));
	}

	@Test
	void a_processing_error_is_rejected_with_threads_reason() {
		PublishRequest request = request("Vidéo", List.of(mp4()));
		PublishOutcome.Pending pending = (PublishOutcome.Pending) connector.publish(profile(), request);
		server.failProcessing(pending.remoteRef());

		assertThat(connector.checkPending(profile(), request, pending.remoteRef()))
			.isInstanceOfSatisfying(PublishOutcome.Rejected.class, r -> assertThat(r.message()).contains("FAILED_DOWNLOADING_VIDEO"));
	}

	@Test
	void quota_reached_defers_the_post_before_anything_is_created() {
		assertThat(connector.quotas()).containsExactly(new PublishQuota(250, Duration.ofHours(24), PublishQuota.Scope.ACCOUNT,
				"https://developers.facebook.com/docs/threads/troubleshooting#rate-limiting"));
		server.alreadyPublished(250);

		assertThat(connector.publish(profile(), request("Une de trop", List.of())))
			.isInstanceOfSatisfying(PublishOutcome.RateLimited.class, l -> {
				assertThat(l.until()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
				assertThat(l.message()).contains("250 posts per 24 hours is used up");
			});
		assertThat(server.requests("POST", threadsPath())).isEmpty();
	}

	@Test
	void a_token_a_month_old_is_renewed_with_th_refresh_token_before_posting_and_stored_first() {
		connectedAgo(Duration.ofDays(31));
		String old = stored.get().require("accessToken");

		assertThat(connector.publish(profile(), request("Renouvelé", List.of()))).isInstanceOf(PublishOutcome.Published.class);

		assertThat(server.requests("GET", "/refresh_access_token")).singleElement()
			.satisfies(r -> assertThat(r.query()).containsOnly(Map.entry("grant_type", "th_refresh_token"), Map.entry("access_token", old)));
		TokenSet now = TokenSet.of(stored.get());
		assertThat(now.accessToken()).isNotEqualTo(old);
		assertThat(now.expiresAt()).isEqualTo(clock.instant().plus(ThreadsApiServer.LONG_LIVED));
		assertThat(server.requests("POST", threadsPath()).getFirst().bearer()).isEqualTo(now.accessToken());
	}

	@Test
	void transient_refresh_failure_keeps_the_connection_and_posts_with_the_current_token() {
		connectedAgo(Duration.ofDays(40));
		Credentials before = stored.get();
		server.respondOnce("GET", "/refresh_access_token", r -> server.error(500, "An unexpected error has occurred.", 2, null, true));

		assertThat(connector.publish(profile(), request("Malgré tout", List.of()))).isInstanceOf(PublishOutcome.Published.class);

		assertThat(stored.get()).isSameAs(before);
		assertThat(server.requests("POST", threadsPath()).getFirst().bearer()).isEqualTo(before.require("accessToken"));
	}

	@Test
	void revoked_token_asks_to_reconnect() {
		server.revokeAll();

		assertThat(connector.publish(profile(), request("Révoqué", List.of()))).isInstanceOf(PublishOutcome.Reauthorize.class);
		assertThat(server.requests("GET", "/refresh_access_token")).as("renewed once, refused too").hasSize(1);
		assertThat(server.posts()).isEmpty();
	}

	@Test
	void each_documented_error_maps_to_its_kind() {
		server.respondOnce("POST", threadsPath(), r -> server.error(400, "(#100) Param text must be at most 500 characters long.", 100,
				null, false));
		assertThat(connector.publish(profile(), request("a", List.of())))
			.isInstanceOfSatisfying(PublishOutcome.Rejected.class, r -> assertThat(r.message()).contains("500 characters"));
		server.respondOnce("POST", threadsPath(), r -> server.error(400, "(#4) Application request limit reached", 4, null, false));
		assertThat(connector.publish(profile(), request("b", List.of()))).isInstanceOf(PublishOutcome.RateLimited.class);
		server.respondOnce("POST", threadsPath(), r -> server.error(500, "An unknown error occurred", 1, null, true));
		assertThat(connector.publish(profile(), request("c", List.of()))).isInstanceOf(PublishOutcome.Transient.class);
		server.respondOnce("POST", publishPath(), r -> server.error(500, "An unknown error occurred", 2, null, true));
		assertThat(connector.publish(profile(), request("d", List.of()))).isInstanceOf(PublishOutcome.Unknown.class);
		assertThat(server.posts()).isEmpty();
	}

	@Test
	void accepted_but_response_lost_is_unknown_then_reconciled_from_the_profiles_posts() {
		PublishRequest request = request("Fournée spéciale", List.of());
		Instant sentAt = clock.instant();
		server.respondOnce("POST", publishPath(), server::acceptThenHang);

		assertThat(connector.publish(profile(), request)).isInstanceOf(PublishOutcome.Unknown.class);

		String id = server.posts().getFirst().id();
		assertThat(connector.reconcile(profile(), request, sentAt))
			.isEqualTo(new ReconcileOutcome.Found(id, ThreadsApiServer.permalink(id)));
		assertThat(connector.reconcile(profile(), request("Jamais envoyé", List.of()), sentAt)).isInstanceOf(ReconcileOutcome.NotFound.class);
	}

	@Test
	void a_post_over_500_characters_is_rejected_before_anything_is_sent() {
		assertThat(connector.publish(profile(), request("é".repeat(501), List.of())))
			.isInstanceOfSatisfying(PublishOutcome.Rejected.class,
					r -> assertThat(r.message()).isEqualTo("Threads counts 501 characters; the limit is 500."));
		assertThat(server.requests()).isEmpty();
	}
}
