package io.vitrine.networks.tiktok;

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
import io.vitrine.networks.oauth.OAuthTestKit;
import io.vitrine.networks.oauth.OAuthTokens;
import io.vitrine.networks.oauth.TokenSet;
import io.vitrine.networks.tiktok.TikTokApiServer.Recorded;
import io.vitrine.outbound.OutboundHttp;
import io.vitrine.outbound.OutboundSettings;
import io.vitrine.testsupport.RequestBodies;
import io.vitrine.testsupport.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TikTok connector against a local TikTok API built from TikTok's developer documentation (pages cited on
 * {@link TikTokApiServer}): every request checked field by field, each documented error shape answered once.
 */
class TikTokConnectorContractTest {

	private final SettableClock clock = new SettableClock(Instant.parse("2026-11-22T07:00:00Z"));

	private TikTokApiServer server;

	private TikTokConnector connector;

	private TikTokOAuth oauth;

	private final AtomicReference<Credentials> stored = new AtomicReference<>();

	private final UUID channelId = UUID.randomUUID();

	private String refreshToken;

	private final byte[] video = TinyMp4.of(40_000);

	@TempDir
	Path keys;

	@BeforeEach
	void setUp() {
		server = new TikTokApiServer(clock);
		OutboundSettings outbound = new OutboundSettings(true, Duration.ofSeconds(2), Duration.ofSeconds(2), DataSize.ofMegabytes(10));
		TikTokSettings settings = new TikTokSettings(TikTokApiServer.CLIENT_KEY, TikTokApiServer.CLIENT_SECRET,
				server.authorizationUri(), server.url());
		TikTokApi api = new TikTokApi(OutboundHttp.create(outbound), settings);
		oauth = new TikTokOAuth(settings, api, OAuthTestKit.redirect("http://vitrine.test"), clock);
		OAuthTokens tokens = OAuthTestKit.tokens(oauth, outbound, id -> stored.get(), clock);
		PublicMediaLinks links = new PublicMediaLinks(VaultTestKit.vault(keys), "http://vitrine.test", clock);
		connector = new TikTokConnector(api, new TikTokFindPost(api, tokens, clock), links, tokens, clock);
		signedInWith(Duration.ofHours(24));
	}

	private void signedInWith(Duration accessLeft) {
		String[] issued = server.issueTokens(accessLeft);
		refreshToken = issued[1];
		stored.set(new TokenSet(issued[0], issued[1], clock.instant().plus(accessLeft), "user.info.basic,video.publish").credentials());
	}

	@AfterEach
	void stop() {
		try {
			assertThat(server.violations()).as("what Vitrine sent outside TikTok's documentation").isEmpty();
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
				return TikTokConnector.ID;
			}

			public String serverUrl() {
				return TikTokOAuth.SERVER;
			}

			public String remoteAccountId() {
				return TikTokApiServer.OPEN_ID;
			}

			public String handle() {
				return TikTokApiServer.USERNAME;
			}

			public NetworkLimits limits() {
				return TikTokRules.LIMITS;
			}

			public Credentials credentials() {
				return snapshot;
			}

			public void updateCredentials(Credentials updated) {
				stored.set(updated);
			}
		};
	}

	private PublishRequest request(String text, String privacy, List<PostVariant.Media> media) {
		UUID target = UUID.randomUUID();
		return new PublishRequest(target, target.toString(),
				new PostVariant(text, null, media, privacy == null ? Map.of() : Map.of("privacy", privacy)),
				new PublishRequest.MediaAccess() {
					public byte[] read(UUID mediaId) {
						return video;
					}

					public Optional<String> uploaded(UUID mediaId, String scope) {
						return Optional.empty();
					}

					public void rememberUpload(UUID mediaId, String scope, String remoteRef) {
					}
				});
	}

	private PostVariant.Media mp4(long durationMillis) {
		return new PostVariant.Media(UUID.randomUUID(), "video/mp4", video.length, 1080, 1920, durationMillis, null);
	}

	private static PostVariant.Media jpeg() {
		return PostVariant.Media.image(UUID.randomUUID(), "image/jpeg", 300_000, 1080, 1350, null);
	}

	private PublishOutcome untilSettled(PublishRequest request, PublishOutcome outcome) {
		for (int i = 0; i < 5 && outcome instanceof PublishOutcome.Pending pending; i++) {
			clock.advance(Duration.ofSeconds(30));
			outcome = connector.checkPending(account(), request, pending.remoteRef());
		}
		return outcome;
	}

	@Test
	void the_authorization_window_gets_client_key_and_comma_separated_scopes_and_the_code_is_exchanged_with_them() {
		OAuth2AuthorizationRequest start = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri(server.authorizationUri())
			.clientId(TikTokApiServer.CLIENT_KEY)
			.redirectUri("http://vitrine.test/connections/tiktok/callback")
			.scopes(new java.util.LinkedHashSet<>(TikTokOAuth.SCOPES))
			.state("st4te")
			.build();

		URI address = URI.create(oauth.authorizationAddress(start));

		assertThat(address.getPath()).isEqualTo("/v2/auth/authorize/");
		assertThat(RequestBodies.query(address.getRawQuery())).containsOnly(Map.entry("client_key", TikTokApiServer.CLIENT_KEY),
				Map.entry("scope", "user.info.basic,video.publish,video.list"), Map.entry("response_type", "code"),
				Map.entry("redirect_uri", "http://vitrine.test/connections/tiktok/callback"), Map.entry("state", "st4te"));

		String code = server.issueCode("http://vitrine.test/connections/tiktok/callback");
		TokenSet granted = oauth.exchangeCode(start, code).orElseThrow();
		NewConnection connection = oauth.account(granted);

		Map<String, String> form = server.requests("POST", "/v2/oauth/token/").getFirst().form();
		assertThat(form).containsOnly(Map.entry("client_key", TikTokApiServer.CLIENT_KEY),
				Map.entry("client_secret", TikTokApiServer.CLIENT_SECRET), Map.entry("code", code),
				Map.entry("grant_type", "authorization_code"),
				Map.entry("redirect_uri", "http://vitrine.test/connections/tiktok/callback"));
		assertThat(granted.refreshToken()).startsWith("rft.");
		assertThat(granted.expiresAt()).isEqualTo(clock.instant().plus(TikTokApiServer.ACCESS_LIFETIME));
		assertThat(connection.remoteAccountId()).isEqualTo(TikTokApiServer.OPEN_ID);
		assertThat(connection.handle()).isEqualTo(TikTokApiServer.USERNAME);
		assertThat(connection.displayName()).isEqualTo(TikTokApiServer.NICKNAME);
		assertThat(server.requests("GET", "/v2/user/info/").getFirst().bearer()).isEqualTo(granted.accessToken());
	}

	@Test
	void a_video_goes_after_the_creator_info_with_its_privacy_and_bytes_then_pending_until_published() {
		PublishRequest request = request("Fournée du matin 🥖 #boulangerie", "MUTUAL_FOLLOW_FRIENDS", List.of(mp4(12_000)));

		PublishOutcome first = connector.publish(account(), request);

		assertThat(first).isInstanceOfSatisfying(PublishOutcome.Pending.class, p -> {
			assertThat(p.remoteRef()).startsWith("v_pub_file~");
			assertThat(p.checkAfter()).isEqualTo(clock.instant().plusSeconds(30));
		});
		List<String> order = server.requests().stream().map(Recorded::path).toList();
		assertThat(order).containsExactly("/v2/post/publish/creator_info/query/", "/v2/post/publish/video/init/", "/upload/");
		Recorded init = server.requests("POST", "/v2/post/publish/video/init/").getFirst();
		assertThat(init.bearer()).isEqualTo(TokenSet.of(stored.get()).accessToken());
		JsonNode body = init.json();
		assertThat(body.path("post_info").path("title").asString()).isEqualTo("Fournée du matin 🥖 #boulangerie");
		assertThat(body.path("post_info").path("privacy_level").asString()).isEqualTo("MUTUAL_FOLLOW_FRIENDS");
		assertThat(body.path("post_info").path("disable_comment").asBoolean()).isTrue();
		assertThat(body.path("post_info").path("disable_stitch").asBoolean()).isTrue();
		assertThat(body.path("post_info").path("disable_duet").asBoolean()).isFalse();
		assertThat(body.path("source_info").path("source").asString()).isEqualTo("FILE_UPLOAD");
		assertThat(body.path("source_info").path("video_size").asLong()).isEqualTo(video.length);
		assertThat(body.path("source_info").path("chunk_size").asLong()).isEqualTo(video.length);
		assertThat(body.path("source_info").path("total_chunk_count").asLong()).isEqualTo(1);
		Recorded upload = server.requests("PUT", "/upload/").getFirst();
		assertThat(upload.header("Content-Range")).isEqualTo("bytes 0-" + (video.length - 1) + "/" + video.length);
		assertThat(upload.body()).isEqualTo(video);

		PublishOutcome settled = untilSettled(request, first);

		String postId = server.posts().getFirst().postId;
		assertThat(settled).isEqualTo(new PublishOutcome.Published(postId,
				"https://www.tiktok.com/@" + TikTokApiServer.USERNAME + "/video/" + postId));
		assertThat(server.requests("POST", "/v2/post/publish/status/fetch/")).hasSize(2)
			.allSatisfy(r -> assertThat(r.json().path("publish_id").asString()).isEqualTo(((PublishOutcome.Pending) first).remoteRef()));
	}

	@Test
	void a_privacy_level_the_creator_may_not_use_is_refused_before_anything_is_sent() {
		server.privacyOptions = List.of("FOLLOWER_OF_CREATOR", "SELF_ONLY");

		PublishOutcome outcome = connector.publish(account(), request("Hello", "PUBLIC_TO_EVERYONE", List.of(mp4(5_000))));

		assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Rejected.class, r -> assertThat(r.message())
			.contains("FOLLOWER_OF_CREATOR, SELF_ONLY").contains("not PUBLIC_TO_EVERYONE"));
		assertThat(server.requests("POST", "/v2/post/publish/video/init/")).isEmpty();
	}

	@Test
	void a_video_longer_than_the_creator_may_post_is_refused_before_anything_is_sent() {
		server.maxVideoSeconds = 60;

		PublishOutcome outcome = connector.publish(account(), request("Hello", "SELF_ONLY", List.of(mp4(61_500))));

		assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Rejected.class,
				r -> assertThat(r.message()).contains("up to 60 s").contains("lasts 62 s"));
		assertThat(server.requests("POST", "/v2/post/publish/video/init/")).isEmpty();
	}

	@Test
	void photos_are_pulled_by_tiktok_from_public_links_then_published_as_a_photo_post() {
		PublishRequest request = request("Nos viennoiseries", "PUBLIC_TO_EVERYONE", List.of(jpeg(), jpeg()));

		PublishOutcome outcome = untilSettled(request, connector.publish(account(), request));

		JsonNode body = server.requests("POST", "/v2/post/publish/content/init/").getFirst().json();
		assertThat(body.path("post_mode").asString()).isEqualTo("DIRECT_POST");
		assertThat(body.path("media_type").asString()).isEqualTo("PHOTO");
		assertThat(body.path("post_info").path("description").asString()).isEqualTo("Nos viennoiseries");
		assertThat(body.path("source_info").path("photo_images")).hasSize(2)
			.allSatisfy(url -> assertThat(url.asString()).startsWith("http://vitrine.test/"));
		String postId = server.posts().getFirst().postId;
		assertThat(outcome).isEqualTo(new PublishOutcome.Published(postId,
				"https://www.tiktok.com/@" + TikTokApiServer.USERNAME + "/photo/" + postId));
	}

	@ParameterizedTest(name = "{0} ({1}) → {2}")
	@CsvSource({
		"rate_limit_exceeded, 429, RateLimited",
		"spam_risk_too_many_posts, 403, RateLimited",
		"reached_active_user_cap, 403, RateLimited",
		"spam_risk_user_banned_from_posting, 403, Rejected",
		"privacy_level_option_mismatch, 400, Rejected",
		"unaudited_client_can_only_post_to_private_accounts, 403, Rejected",
		"url_ownership_unverified, 403, Rejected",
		"invalid_params, 400, Rejected",
		"scope_not_authorized, 401, Reauthorize",
		"internal_error, 500, Transient"
	})
	void each_documented_init_error_falls_in_the_closed_set(String code, int status, String kind) {
		server.respondOnce("POST", "/v2/post/publish/video/init/", r -> TikTokApiServer.error(status, code, "documented " + code));

		PublishOutcome outcome = connector.publish(account(), request("Hello", "SELF_ONLY", List.of(mp4(5_000))));

		assertThat(outcome.getClass().getSimpleName()).isEqualTo(kind);
		assertThat(outcome.toString()).contains(code);
		assertThat(server.requests("PUT", "/upload/")).isEmpty();
		if (outcome instanceof PublishOutcome.RateLimited limited) {
			assertThat(limited.until()).isAfter(clock.instant());
		}
	}

	@Test
	void the_seventh_init_in_a_minute_is_rate_limited_and_the_quota_is_declared() {
		for (int i = 0; i < 6; i++) {
			assertThat(connector.publish(account(), request("Post " + i, "SELF_ONLY", List.of(mp4(5_000)))))
				.isInstanceOf(PublishOutcome.Pending.class);
		}

		PublishOutcome seventh = connector.publish(account(), request("Post 7", "SELF_ONLY", List.of(mp4(5_000))));

		assertThat(seventh).isInstanceOfSatisfying(PublishOutcome.RateLimited.class,
				r -> assertThat(r.until()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1))));
		assertThat(connector.quotas()).containsExactly(new PublishQuota(6, Duration.ofMinutes(1), PublishQuota.Scope.ACCOUNT,
				"https://developers.tiktok.com/doc/content-posting-api-reference-direct-post"));
	}

	@Test
	void a_failed_post_is_rejected_with_tiktoks_reason() {
		PublishRequest request = request("Hello", "SELF_ONLY", List.of(mp4(5_000)));
		PublishOutcome.Pending pending = (PublishOutcome.Pending) connector.publish(account(), request);
		server.respondOnce("POST", "/v2/post/publish/status/fetch/", r -> new TikTokApiServer.Answer(200,
				"{\"data\":{\"status\":\"FAILED\",\"fail_reason\":\"duration_check_failed\"},\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"x\"}}"));

		PublishOutcome outcome = connector.checkPending(account(), request, pending.remoteRef());

		assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Rejected.class,
				r -> assertThat(r.message()).contains("duration_check_failed"));
	}

	@Test
	void an_expired_access_token_is_refreshed_with_rotation_and_the_new_refresh_token_kept() {
		signedInWith(Duration.ofMinutes(1));
		String oldRefresh = refreshToken;

		PublishOutcome outcome = connector.publish(account(), request("Hello", "SELF_ONLY", List.of(mp4(5_000))));

		assertThat(outcome).isInstanceOf(PublishOutcome.Pending.class);
		Map<String, String> form = server.requests("POST", "/v2/oauth/token/").getFirst().form();
		assertThat(form).containsOnly(Map.entry("client_key", TikTokApiServer.CLIENT_KEY),
				Map.entry("client_secret", TikTokApiServer.CLIENT_SECRET), Map.entry("grant_type", "refresh_token"),
				Map.entry("refresh_token", oldRefresh));
		TokenSet kept = TokenSet.of(stored.get());
		assertThat(kept.refreshToken()).startsWith("rft.").isNotEqualTo(oldRefresh);
		assertThat(kept.expiresAt()).isEqualTo(clock.instant().plus(TikTokApiServer.ACCESS_LIFETIME));
	}

	@Test
	void a_transient_refresh_failure_keeps_the_connection() {
		signedInWith(Duration.ofMinutes(1));
		Credentials before = stored.get();
		server.respondOnce("POST", "/v2/oauth/token/", r -> TikTokApiServer.error(500, "internal_error", "try later"));

		PublishOutcome stillValid = connector.publish(account(), request("Hello", "SELF_ONLY", List.of(mp4(5_000))));

		assertThat(stillValid).as("the current token has a minute left: used").isInstanceOf(PublishOutcome.Pending.class);
		clock.advance(Duration.ofMinutes(2));
		server.respondOnce("POST", "/v2/oauth/token/", r -> TikTokApiServer.error(503, "internal_error", "try later"));

		PublishOutcome expired = connector.publish(account(), request("Hello again", "SELF_ONLY", List.of(mp4(5_000))));

		assertThat(expired).isInstanceOf(PublishOutcome.Transient.class);
		assertThat(stored.get()).isEqualTo(before);
	}

	@Test
	void a_revoked_token_asks_to_reconnect() {
		signedInWith(Duration.ofMinutes(1));
		server.revokeRefresh(refreshToken);
		clock.advance(Duration.ofMinutes(2));

		PublishOutcome outcome = connector.publish(account(), request("Hello", "SELF_ONLY", List.of(mp4(5_000))));

		assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Reauthorize.class,
				r -> assertThat(r.message()).contains("invalid_grant"));
		assertThat(server.requests("POST", "/v2/post/publish/video/init/")).isEmpty();
	}

	@Test
	void an_access_token_refused_by_the_api_is_refreshed_once_and_the_call_repeated() {
		server.respondOnce("POST", "/v2/post/publish/creator_info/query/",
				r -> TikTokApiServer.error(401, "access_token_invalid", "The access token is invalid or not found in the request."));

		PublishOutcome outcome = connector.publish(account(), request("Hello", "SELF_ONLY", List.of(mp4(5_000))));

		assertThat(outcome).isInstanceOf(PublishOutcome.Pending.class);
		assertThat(server.requests("POST", "/v2/oauth/token/")).hasSize(1);
		assertThat(server.requests("POST", "/v2/post/publish/creator_info/query/")).hasSize(2);
	}

	@Test
	void a_lost_answer_to_the_last_part_of_the_video_is_settled_by_the_status_fetch() {
		server.respondOnce("PUT", "/upload/", server::acceptThenHang);
		PublishRequest request = request("Hello", "SELF_ONLY", List.of(mp4(5_000)));

		PublishOutcome outcome = connector.publish(account(), request);

		assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Pending.class,
				p -> assertThat(p.message()).contains("lost"));
		assertThat(untilSettled(request, outcome)).isInstanceOf(PublishOutcome.Published.class);
		assertThat(server.posts()).hasSize(1);
		assertThat(server.requests("POST", "/v2/post/publish/video/init/")).hasSize(1);
	}

	@Test
	void a_photo_post_accepted_but_answer_lost_is_unknown_then_reconciled_from_the_video_list() {
		server.respondOnce("POST", "/v2/post/publish/content/init/", server::acceptThenHang);
		Instant sentAt = clock.instant();
		PublishRequest request = request("Nos  viennoiseries", "SELF_ONLY", List.of(jpeg()));

		PublishOutcome outcome = connector.publish(account(), request);

		assertThat(outcome).isInstanceOf(PublishOutcome.Unknown.class);
		ReconcileOutcome found = connector.reconcile(account(), request, sentAt);
		String postId = server.posts().getFirst().postId;
		assertThat(found).isEqualTo(new ReconcileOutcome.Found(postId,
				"https://www.tiktok.com/@" + TikTokApiServer.USERNAME + "/video/" + postId));
		assertThat(server.requests("POST", "/v2/video/list/").getFirst().json().path("max_count").asInt()).isEqualTo(20);
	}

	@Test
	void a_post_absent_from_the_video_list_is_reported_not_found() {
		ReconcileOutcome outcome = connector.reconcile(account(), request("Never sent", "SELF_ONLY", List.of(jpeg())),
				clock.instant());

		assertThat(outcome).isEqualTo(new ReconcileOutcome.NotFound());
	}

	@Test
	void a_larger_video_goes_in_documented_chunks_the_last_one_taking_the_trailing_bytes() {
		byte[] big = TinyMp4.of(21 * 1024 * 1024 + 123);
		UUID target = UUID.randomUUID();
		PostVariant.Media media = new PostVariant.Media(UUID.randomUUID(), "video/mp4", big.length, 1080, 1920, 30_000L, null);
		PublishRequest request = new PublishRequest(target, target.toString(),
				new PostVariant("Long", null, List.of(media), Map.of("privacy", "SELF_ONLY")), new PublishRequest.MediaAccess() {
					public byte[] read(UUID mediaId) {
						throw new AssertionError("the whole video was read at once; it must go a part at a time");
					}

					public byte[] read(UUID mediaId, long offset, int length) {
						return java.util.Arrays.copyOfRange(big, (int) offset, (int) Math.min(big.length, offset + length));
					}

					public Optional<String> uploaded(UUID mediaId, String scope) {
						return Optional.empty();
					}

					public void rememberUpload(UUID mediaId, String scope, String remoteRef) {
					}
				});

		assertThat(connector.publish(account(), request)).isInstanceOf(PublishOutcome.Pending.class);

		JsonNode source = server.requests("POST", "/v2/post/publish/video/init/").getFirst().json().path("source_info");
		assertThat(source.path("chunk_size").asLong()).isEqualTo(10L * 1024 * 1024);
		assertThat(source.path("total_chunk_count").asLong()).isEqualTo(2);
		List<Recorded> puts = server.requests("PUT", "/upload/");
		assertThat(puts).extracting(r -> r.header("Content-Range")).containsExactly(
				"bytes 0-10485759/" + big.length, "bytes 10485760-" + (big.length - 1) + "/" + big.length);
		ByteArrayOutputStream joined = new ByteArrayOutputStream();
		puts.forEach(p -> joined.writeBytes(p.body()));
		assertThat(joined.toByteArray()).isEqualTo(big);
	}
}
