package io.vitrine.networks.youtube;

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
import io.vitrine.networks.oauth.OAuthTestKit;
import io.vitrine.networks.oauth.OAuthTokens;
import io.vitrine.networks.oauth.TokenSet;
import io.vitrine.networks.youtube.YouTubeApiServer.Recorded;
import io.vitrine.outbound.OutboundHttp;
import io.vitrine.outbound.OutboundSettings;
import io.vitrine.testsupport.RequestBodies;
import io.vitrine.testsupport.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The YouTube connector against local Google OAuth and YouTube Data API servers built from Google's documentation
 * (pages cited on {@link YouTubeApiServer}): every request checked field by field, each documented error shape once.
 */
class YouTubeConnectorContractTest {

	private static final int GRANULE = YouTubeSettings.CHUNK_GRANULE;

	private final SettableClock clock = new SettableClock(Instant.parse("2026-11-22T07:00:00Z"));

	private YouTubeApiServer server;

	private YouTubeConnector connector;

	private YouTubeOAuth oauth;

	private final AtomicReference<Credentials> stored = new AtomicReference<>();

	private final Map<String, String> sessions = new ConcurrentHashMap<>();

	private final UUID channelId = UUID.randomUUID();

	private final AtomicInteger partsRead = new AtomicInteger();

	private String refreshToken;

	private byte[] video = mp4(40_000);

	@BeforeEach
	void setUp() {
		server = new YouTubeApiServer(clock);
		connectorWith(10_000, 1_600);
		signedInWith(Duration.ofMinutes(50));
	}

	private void connectorWith(int units, int cost) {
		OutboundSettings outbound = new OutboundSettings(true, Duration.ofSeconds(2), Duration.ofSeconds(2), DataSize.ofMegabytes(10));
		YouTubeSettings settings = new YouTubeSettings(YouTubeApiServer.CLIENT_ID, YouTubeApiServer.CLIENT_SECRET,
				server.url() + "/o/oauth2/v2/auth", server.url() + "/token", server.url(), units, cost, "22", GRANULE);
		YouTubeApi api = new YouTubeApi(OutboundHttp.create(outbound), settings);
		oauth = new YouTubeOAuth(settings, api, OAuthTestKit.redirect("http://vitrine.test"));
		OAuthTokens tokens = OAuthTestKit.tokens(oauth, outbound, id -> stored.get(), clock);
		connector = new YouTubeConnector(api, settings, new YouTubeFindPost(api, tokens), tokens, clock);
	}

	private void signedInWith(Duration accessLeft) {
		String[] issued = server.issueTokens(accessLeft);
		refreshToken = issued[1];
		stored.set(new TokenSet(issued[0], issued[1], clock.instant().plus(accessLeft), String.join(" ", YouTubeOAuth.SCOPES))
			.credentials());
	}

	@AfterEach
	void stop() {
		try {
			assertThat(server.violations()).as("what Vitrine sent outside Google's documentation").isEmpty();
		}
		finally {
			server.close();
		}
	}

	/** A small MP4 built box by box (ISO/IEC 14496-12): ftyp, then an mdat of {@code payload} bytes. */
	static byte[] mp4(int payload) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] brands = "isom\0\0\2\0isomiso2avc1mp41".getBytes(StandardCharsets.ISO_8859_1);
		out.writeBytes(ByteBuffer.allocate(8).putInt(8 + brands.length).put("ftyp".getBytes(StandardCharsets.ISO_8859_1)).array());
		out.writeBytes(brands);
		out.writeBytes(ByteBuffer.allocate(8).putInt(8 + payload).put("mdat".getBytes(StandardCharsets.ISO_8859_1)).array());
		for (int i = 0; i < payload; i++) {
			out.write(i * 13 + 5);
		}
		return out.toByteArray();
	}

	private Channel channel() {
		Credentials snapshot = stored.get();
		return new Channel() {
			public UUID id() {
				return channelId;
			}

			public NetworkId network() {
				return YouTubeConnector.ID;
			}

			public String serverUrl() {
				return YouTubeOAuth.SERVER;
			}

			public String remoteAccountId() {
				return YouTubeApiServer.CHANNEL_ID;
			}

			public String handle() {
				return "@boulangerielumiere";
			}

			public NetworkLimits limits() {
				return YouTubeRules.LIMITS;
			}

			public Credentials credentials() {
				return snapshot;
			}

			public void updateCredentials(Credentials updated) {
				stored.set(updated);
			}
		};
	}

	private PublishRequest request(String title, String description) {
		UUID target = UUID.randomUUID();
		UUID mediaId = UUID.randomUUID();
		PostVariant.Media media = new PostVariant.Media(mediaId, "video/mp4", video.length, 1920, 1080, 12_000L, null);
		return new PublishRequest(target, target.toString(), new PostVariant(description, null, List.of(media),
				Map.of("title", title, "tags", "pain, levain, boulangerie du coin", "privacy", "unlisted")),
				new PublishRequest.MediaAccess() {
					public byte[] read(UUID id) {
						throw new AssertionError("the whole video was read at once; it must go a part at a time");
					}

					public byte[] read(UUID id, long offset, int length) {
						partsRead.incrementAndGet();
						return Arrays.copyOfRange(video, (int) offset, (int) Math.min(video.length, offset + length));
					}

					public Optional<String> uploaded(UUID id, String scope) {
						return Optional.ofNullable(sessions.get(id + scope));
					}

					public void rememberUpload(UUID id, String scope, String remoteRef) {
						sessions.put(id + scope, remoteRef);
					}
				});
	}

	private String watch(String id) {
		return "https://www.youtube.com/watch?v=" + id;
	}

	@Test
	void sign_in_asks_google_for_offline_access_with_consent_and_offers_each_channel() {
		OAuth2AuthorizationRequest start = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri(server.url() + "/o/oauth2/v2/auth")
			.clientId(YouTubeApiServer.CLIENT_ID)
			.redirectUri("http://vitrine.test/connections/youtube/callback")
			.scopes(new java.util.LinkedHashSet<>(YouTubeOAuth.SCOPES))
			.state("st4te")
			.build();

		Map<String, String> query = RequestBodies.query(URI.create(oauth.authorizationAddress(start)).getRawQuery());

		assertThat(query).containsEntry("access_type", "offline").containsEntry("prompt", "consent")
			.containsEntry("client_id", YouTubeApiServer.CLIENT_ID).containsEntry("response_type", "code")
			.containsEntry("scope", String.join(" ", YouTubeOAuth.SCOPES));
		assertThat(oauth.pkce()).isTrue();

		List<NewConnection> channels = oauth.accounts(TokenSet.of(stored.get()));

		assertThat(channels).extracting(NewConnection::remoteAccountId, NewConnection::handle, NewConnection::displayName)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(YouTubeApiServer.CHANNEL_ID, "@boulangerielumiere", "Boulangerie Lumière"),
					org.assertj.core.groups.Tuple.tuple(YouTubeApiServer.BRAND_CHANNEL_ID, "@lumierepatisserie", "Lumière Pâtisserie"));
	}

	@Test
	void a_video_is_uploaded_through_a_resumable_session_with_its_title_description_tags_and_privacy() {
		PublishOutcome outcome = connector.publish(channel(), request("Le levain du matin", "Notre pain au levain, cuit à 6 h."));

		String id = server.videos.getFirst().id();
		assertThat(outcome).isEqualTo(new PublishOutcome.Published(id, watch(id)));
		Recorded start = server.requests("POST", "/upload/youtube/v3/videos").getFirst();
		assertThat(start.query()).containsOnly(Map.entry("uploadType", "resumable"), Map.entry("part", "snippet,status"));
		assertThat(start.header("X-Upload-Content-Length")).isEqualTo(Integer.toString(video.length));
		assertThat(start.header("X-Upload-Content-Type")).isEqualTo("video/mp4");
		assertThat(start.bearer()).isEqualTo(TokenSet.of(stored.get()).accessToken());
		JsonNode snippet = start.json().path("snippet");
		assertThat(snippet.path("title").asString()).isEqualTo("Le levain du matin");
		assertThat(snippet.path("description").asString()).isEqualTo("Notre pain au levain, cuit à 6 h.");
		assertThat(snippet.path("tags")).extracting(JsonNode::asString).containsExactly("pain", "levain", "boulangerie du coin");
		assertThat(snippet.path("categoryId").asString()).isEqualTo("22");
		assertThat(start.json().path("status").path("privacyStatus").asString()).isEqualTo("unlisted");
		Recorded put = server.requests("PUT", "/upload/youtube/v3/videos").getFirst();
		assertThat(put.header("Content-Range")).isEqualTo("bytes 0-" + (video.length - 1) + "/" + video.length);
		assertThat(put.header("Content-Type")).isEqualTo("video/mp4");
		assertThat(put.body()).isEqualTo(video);
	}

	@Test
	void a_larger_video_goes_in_parts_each_continuing_where_the_308_range_says() {
		video = mp4(2 * GRANULE + 1000);

		PublishOutcome outcome = connector.publish(channel(), request("Parts", "In three parts"));

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		assertThat(server.requests("PUT", "/upload/youtube/v3/videos")).extracting(r -> r.header("Content-Range")).containsExactly(
				"bytes 0-" + (GRANULE - 1) + "/" + video.length,
				"bytes " + GRANULE + "-" + (2 * GRANULE - 1) + "/" + video.length,
				"bytes " + 2 * GRANULE + "-" + (video.length - 1) + "/" + video.length);
		assertThat(server.sessions.values().iterator().next().received.toByteArray()).isEqualTo(video);
		assertThat(partsRead).as("read a part at a time from the library, never whole").hasValue(3);
	}

	@Test
	void a_5xx_on_a_part_is_resumed_from_what_the_status_query_says_arrived() {
		video = mp4(2 * GRANULE);
		server.respondOnce("PUT", "/upload/youtube/v3/videos", r -> {
			server.behave(r); // the first part arrived, but the answer is a 503
			return YouTubeApiServer.error(503, "backendError", "global", "Backend Error");
		});

		PublishOutcome outcome = connector.publish(channel(), request("Resumed", "After a 503"));

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		List<Recorded> puts = server.requests("PUT", "/upload/youtube/v3/videos");
		assertThat(puts).extracting(r -> r.header("Content-Range")).containsExactly(
				"bytes 0-" + (GRANULE - 1) + "/" + video.length, "bytes */" + video.length,
				"bytes " + GRANULE + "-" + (2 * GRANULE - 1) + "/" + video.length,
				"bytes " + 2 * GRANULE + "-" + (video.length - 1) + "/" + video.length);
		assertThat(puts.get(1).body()).isEmpty();
		assertThat(server.videos).hasSize(1);
	}

	@Test
	void a_lost_answer_to_the_last_part_is_settled_by_the_status_query_without_a_second_video() {
		server.respondOnce("PUT", "/upload/youtube/v3/videos", server::acceptThenHang);

		PublishOutcome outcome = connector.publish(channel(), request("Lost", "The answer was lost"));

		String id = server.videos.getFirst().id();
		assertThat(outcome).isEqualTo(new PublishOutcome.Published(id, watch(id)));
		assertThat(server.videos).hasSize(1);
		assertThat(server.requests("POST", "/upload/youtube/v3/videos")).hasSize(1);
	}

	@Test
	void accepted_but_every_answer_lost_is_unknown_then_reconciled_from_the_uploads_playlist() {
		Instant sentAt = clock.instant();
		server.respondOnce("PUT", "/upload/youtube/v3/videos", server::acceptThenHang);
		for (int i = 0; i < YouTubeConnector.RESUMES; i++) {
			server.respondOnce("PUT", "/upload/youtube/v3/videos", r -> YouTubeApiServer.error(503, "backendError", "global", "down"));
		}
		PublishRequest request = request("Unknown", "Nobody answered");

		PublishOutcome outcome = connector.publish(channel(), request);

		assertThat(outcome).isInstanceOf(PublishOutcome.Unknown.class);
		ReconcileOutcome found = connector.reconcile(channel(), request, sentAt);
		String id = server.videos.getFirst().id();
		assertThat(found).isEqualTo(new ReconcileOutcome.Found(id, watch(id)));
		assertThat(server.requests("GET", "/youtube/v3/playlistItems").getFirst().query())
			.containsEntry("playlistId", YouTubeApiServer.UPLOADS);
	}

	@Test
	void a_retry_of_an_interrupted_upload_resumes_the_remembered_session() {
		video = mp4(2 * GRANULE);
		server.respondOnce("PUT", "/upload/youtube/v3/videos", r -> {
			server.behave(r);
			return YouTubeApiServer.error(503, "backendError", "global", "down");
		});
		for (int i = 0; i < YouTubeConnector.RESUMES; i++) {
			server.respondOnce("PUT", "/upload/youtube/v3/videos", r -> YouTubeApiServer.error(503, "backendError", "global", "down"));
		}
		PublishRequest request = request("Retried", "Later");

		assertThat(connector.publish(channel(), request)).isInstanceOf(PublishOutcome.Transient.class);
		PublishOutcome retried = connector.publish(channel(), request);

		assertThat(retried).isInstanceOf(PublishOutcome.Published.class);
		assertThat(server.requests("POST", "/upload/youtube/v3/videos")).hasSize(1);
		assertThat(server.videos).hasSize(1);
	}

	@Test
	void quota_reached_defers_the_post_until_midnight_pacific_and_the_daily_cap_is_declared() {
		server.respondOnce("POST", "/upload/youtube/v3/videos", r -> YouTubeApiServer.error(403, "quotaExceeded", "youtube.quota",
				"The request cannot be completed because you have exceeded your quota."));

		PublishOutcome outcome = connector.publish(channel(), request("Quota", "Over"));

		assertThat(outcome).as("07:00 UTC is 23:00 the day before in California").isInstanceOfSatisfying(
				PublishOutcome.RateLimited.class, r -> assertThat(r.until()).isEqualTo(Instant.parse("2026-11-22T08:00:00Z")));
		assertThat(server.requests("PUT", "/upload/youtube/v3/videos")).isEmpty();
		assertThat(connector.quotas()).containsExactly(new PublishQuota(6, Duration.ofHours(24), PublishQuota.Scope.APP,
				"https://developers.google.com/youtube/v3/determine_quota_cost"));
		connectorWith(1_000_000, 1_600);
		assertThat(connector.quotas().getFirst().max()).isEqualTo(625);
	}

	@ParameterizedTest(name = "{1} {0} → {3}")
	@CsvSource({
		"uploadLimitExceeded, 400, youtube.video, RateLimited",
		"rateLimitExceeded, 403, usageLimits, RateLimited",
		"invalidTitle, 400, youtube.video, Rejected",
		"invalidDescription, 400, youtube.video, Rejected",
		"invalidCategoryId, 400, youtube.video, Rejected",
		"forbidden, 403, youtube.video, Rejected",
		"insufficientPermissions, 403, global, Reauthorize",
		"backendError, 500, global, Transient"
	})
	void each_documented_insert_error_falls_in_the_closed_set(String reason, int status, String domain, String kind) {
		server.respondOnce("POST", "/upload/youtube/v3/videos", r -> YouTubeApiServer.error(status, reason, domain, "documented " + reason));

		PublishOutcome outcome = connector.publish(channel(), request("Errors", "One each"));

		assertThat(outcome.getClass().getSimpleName()).isEqualTo(kind);
		assertThat(outcome.toString()).contains(reason);
		assertThat(server.videos).isEmpty();
	}

	@Test
	void a_post_without_a_title_is_refused_before_anything_is_sent() {
		PublishRequest untitled = request("", "No title");
		PublishRequest withoutTitle = new PublishRequest(untitled.targetId(), untitled.idempotencyKey(),
				new PostVariant("No title", null, untitled.variant().media(), Map.of("privacy", "private")), untitled.media());

		PublishOutcome outcome = connector.publish(channel(), withoutTitle);

		assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Rejected.class, r -> assertThat(r.message()).contains("title"));
		assertThat(server.requests("POST", "/upload/youtube/v3/videos")).isEmpty();
	}

	@Test
	void an_access_token_refused_twice_asks_to_reconnect_after_one_refresh() {
		server.respondOnce("POST", "/upload/youtube/v3/videos", r -> YouTubeApiServer.error(401, "authError", "global", "Invalid Credentials"));
		server.respondOnce("POST", "/upload/youtube/v3/videos", r -> YouTubeApiServer.error(401, "authError", "global", "Invalid Credentials"));

		PublishOutcome outcome = connector.publish(channel(), request("Refused", "Twice"));

		assertThat(outcome).isInstanceOf(PublishOutcome.Reauthorize.class);
		assertThat(server.requests("POST", "/token")).hasSize(1);
	}

	@Test
	void a_refresh_keeps_the_stored_refresh_token_google_does_not_repeat() {
		signedInWith(Duration.ofMinutes(2));

		assertThat(connector.publish(channel(), request("Refreshed", "Token"))).isInstanceOf(PublishOutcome.Published.class);

		Map<String, String> form = server.requests("POST", "/token").getFirst().form();
		assertThat(form).containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", refreshToken)
			.containsEntry("client_id", YouTubeApiServer.CLIENT_ID).containsEntry("client_secret", YouTubeApiServer.CLIENT_SECRET);
		assertThat(TokenSet.of(stored.get()).refreshToken()).isEqualTo(refreshToken);
		assertThat(TokenSet.of(stored.get()).expiresAt()).isEqualTo(clock.instant().plusSeconds(3599));
	}

	@Test
	void a_transient_refresh_failure_keeps_the_connection() {
		signedInWith(Duration.ofMinutes(2));
		Credentials before = stored.get();
		clock.advance(Duration.ofMinutes(3));
		server.respondOnce("POST", "/token", r -> new YouTubeApiServer.Answer(503, Map.of(), ""));

		PublishOutcome outcome = connector.publish(channel(), request("Later", "Token endpoint down"));

		assertThat(outcome).isInstanceOf(PublishOutcome.Transient.class);
		assertThat(stored.get()).isEqualTo(before);
	}

	@Test
	void a_revoked_token_asks_to_reconnect() {
		signedInWith(Duration.ofMinutes(2));
		server.revokeRefresh(refreshToken);
		clock.advance(Duration.ofMinutes(3));

		PublishOutcome outcome = connector.publish(channel(), request("Revoked", "Gone"));

		assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Reauthorize.class,
				r -> assertThat(r.message()).contains("invalid_grant"));
		assertThat(server.requests("POST", "/upload/youtube/v3/videos")).isEmpty();
	}
}
