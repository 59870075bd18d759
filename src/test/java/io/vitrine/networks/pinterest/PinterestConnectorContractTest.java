package io.vitrine.networks.pinterest;

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
import io.vitrine.testsupport.LocalApiServer;
import io.vitrine.testsupport.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Pinterest connector against a local Pinterest that answers as the official API description
 * (pinterest-v5-openapi.json) says (see {@link PinterestContractServer}); every request is checked against the
 * description field by field, and every documented error shape is answered once.
 */
class PinterestConnectorContractTest {

	private final SettableClock clock = new SettableClock(Instant.parse("2026-03-29T07:00:00Z"));

	private final PinterestTestChannels.Media media = new PinterestTestChannels.Media();

	private PinterestContractServer server;

	private PinterestConnector connector;

	private PinterestOAuth oauth;

	/** The board the next publish uses (the token store reads it). */
	private PinterestTestChannels current;

	@BeforeEach
	void setUp() {
		server = new PinterestContractServer(clock);
		OutboundSettings outbound = new OutboundSettings(true, Duration.ofSeconds(2), Duration.ofSeconds(2), DataSize.ofMegabytes(10));
		PinterestSettings settings = new PinterestSettings(PinterestContractServer.CLIENT_ID, PinterestContractServer.CLIENT_SECRET,
				server.authorizationUri(), server.tokenUri(), server.apiUrl());
		PinterestApi api = new PinterestApi(OutboundHttp.create(outbound), settings);
		oauth = new PinterestOAuth(settings, api, OAuthTestKit.redirect("http://vitrine.test"));
		OAuthTokens tokens = OAuthTestKit.tokens(oauth, outbound, id -> current.stored.get(), clock);
		connector = new PinterestConnector(api, new PinterestFindPin(api, tokens, clock), new PinterestRateLimits(clock), tokens);
	}

	@AfterEach
	void stop() {
		try {
			assertThat(server.violations()).as("what Vitrine sent outside Pinterest's API description").isEmpty();
		}
		finally {
			server.close();
		}
	}

	private PinterestTestChannels board(Duration lifetime) {
		current = new PinterestTestChannels(PinterestContractServer.BOARD_ID, server.issueTokens(lifetime));
		return current;
	}

	private PinterestTestChannels board() {
		return board(Duration.ofDays(30));
	}

	private PublishRequest request(String text, String link, Map<String, String> fields, List<PostVariant.Media> images) {
		UUID target = UUID.randomUUID();
		return new PublishRequest(target, target.toString(), new PostVariant(text, link, images, fields), media);
	}

	private PublishRequest request(String text, List<PostVariant.Media> images) {
		return request(text, null, Map.of(), images);
	}

	private PostVariant.Media image(String type, int size, String alt) {
		UUID id = UUID.randomUUID();
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		media.files.put(id, bytes);
		return PostVariant.Media.image(id, type, size, 1000, 1500, alt);
	}

	@Test
	void pins_one_image_to_the_board_with_title_description_link_and_alt_text_as_base64() {
		PinterestTestChannels board = board();
		PostVariant.Media jpeg = image("image/jpeg", 3000, "Une baguette sur une planche");

		PublishOutcome outcome = connector.publish(board.open(), request("La baguette de tradition, cuite deux fois par jour.",
				"https://boulangerie-martin.fr/pains", Map.of("title", "Baguette de tradition"), List.of(jpeg)));

		assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Published.class, published -> {
			assertThat(published.remoteId()).matches("\\d+");
			assertThat(published.remoteUrl()).isEqualTo("https://www.pinterest.com/pin/" + published.remoteId() + "/");
		});
		LocalApiServer.Request create = server.requests("POST", "/v5/pins").getFirst();
		assertThat(create.header("Authorization")).isEqualTo("Bearer " + board.stored.get().require("accessToken"));
		assertThat(create.header("Content-Type")).startsWith("application/json");
		assertThat(create.json().propertyNames()).containsExactlyInAnyOrder("board_id", "title", "description", "link", "alt_text",
				"media_source");
		assertThat(create.json().path("board_id").asString()).isEqualTo(PinterestContractServer.BOARD_ID);
		assertThat(create.json().path("title").asString()).isEqualTo("Baguette de tradition");
		assertThat(create.json().path("description").asString()).isEqualTo("La baguette de tradition, cuite deux fois par jour.");
		assertThat(create.json().path("link").asString()).isEqualTo("https://boulangerie-martin.fr/pains");
		assertThat(create.json().path("alt_text").asString()).isEqualTo("Une baguette sur une planche");
		var source = create.json().path("media_source");
		assertThat(source.propertyNames()).containsExactlyInAnyOrder("source_type", "content_type", "data");
		assertThat(source.path("source_type").asString()).isEqualTo("image_base64");
		assertThat(source.path("content_type").asString()).isEqualTo("image/jpeg");
		assertThat(Base64.getDecoder().decode(source.path("data").asString())).isEqualTo(media.files.get(jpeg.mediaId()));
		assertThat(server.pins()).singleElement().satisfies(pin -> assertThat(pin.boardId()).isEqualTo(PinterestContractServer.BOARD_ID));
	}

	@Test
	void several_images_go_as_one_multiple_image_pin_and_blank_fields_are_left_out() {
		PostVariant.Media png = image("image/png", 1000, null);
		PostVariant.Media jpeg = image("image/jpeg", 2000, null);

		PublishOutcome outcome = connector.publish(board().open(), request("Deux photos", List.of(png, jpeg)));

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		var body = server.requests("POST", "/v5/pins").getFirst().json();
		assertThat(body.propertyNames()).containsExactlyInAnyOrder("board_id", "description", "media_source");
		assertThat(body.path("media_source").path("source_type").asString()).isEqualTo("multiple_image_base64");
		var items = body.path("media_source").path("items");
		assertThat(items).hasSize(2);
		assertThat(items.get(0).path("content_type").asString()).isEqualTo("image/png");
		assertThat(Base64.getDecoder().decode(items.get(1).path("data").asString())).isEqualTo(media.files.get(jpeg.mediaId()));
		assertThat(server.pins().getFirst().images()).isEqualTo(2);
	}

	@Test
	void a_pin_breaking_a_rule_is_rejected_before_anything_is_sent() {
		PublishOutcome outcome = connector.publish(board().open(), request("Sans image", List.of()));

		assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Rejected.class,
				r -> assertThat(r.message()).isEqualTo("A Pin needs an image (JPEG or PNG)."));
		assertThat(server.requests()).isEmpty();
	}

	@Test
	void a_400_is_rejected_with_pinterests_own_message() {
		server.respondOnce("POST", "/v5/pins", r -> server.error(400, 1, "Invalid parameters."));

		assertThat(connector.publish(board().open(), request("Bad", List.of(image("image/png", 10, null)))))
			.isInstanceOfSatisfying(PublishOutcome.Rejected.class,
					r -> assertThat(r.message()).isEqualTo("Pinterest refused the Pin: Invalid parameters. (code 1)"));
	}

	@Test
	void a_403_and_a_404_are_rejected_with_pinterests_own_message() {
		server.respondOnce("POST", "/v5/pins", r -> server.error(403, 29, "You are not permitted to access that resource."));
		PinterestTestChannels gone = new PinterestTestChannels("999", server.issueTokens(Duration.ofDays(30)));
		current = gone;

		assertThat(connector.publish(gone.open(), request("Forbidden", List.of(image("image/png", 10, null)))))
			.isInstanceOfSatisfying(PublishOutcome.Rejected.class, r -> assertThat(r.message()).contains("not permitted"));
		assertThat(connector.publish(gone.open(), request("No board", List.of(image("image/png", 11, null)))))
			.isInstanceOfSatisfying(PublishOutcome.Rejected.class, r -> assertThat(r.message()).contains("Board not found."));
	}

	@Test
	void quota_reached_defers_the_post_until_the_window_pinterest_names_and_sends_nothing_meanwhile() {
		server.pinsPerMinute = 1;
		PinterestTestChannels board = board();
		assertThat(connector.publish(board.open(), request("Première", List.of(image("image/png", 10, null)))))
			.isInstanceOf(PublishOutcome.Published.class);

		PublishOutcome second = connector.publish(board.open(), request("Seconde", List.of(image("image/png", 11, null))));

		assertThat(second).isInstanceOfSatisfying(PublishOutcome.RateLimited.class, limited -> {
			assertThat(limited.until()).isEqualTo(clock.instant().plusSeconds(60));
			assertThat(limited.message()).contains("used up");
		});
		assertThat(server.requests("POST", "/v5/pins")).as("the first answer said none remained: nothing sent").hasSize(1);
		clock.advance(Duration.ofSeconds(61));
		assertThat(connector.publish(board.open(), request("Seconde", List.of(image("image/png", 11, null)))))
			.isInstanceOf(PublishOutcome.Published.class);
	}

	@Test
	void a_429_is_rate_limited_until_retry_after_and_later_pins_wait_without_a_request() {
		PinterestTestChannels board = board();
		server.respondOnce("POST", "/v5/pins", r -> server.error(429, 8, "You have exceeded your rate limit. Try again later.")
			.with("Retry-After", "120"));

		PublishOutcome outcome = connector.publish(board.open(), request("Trop", List.of(image("image/png", 10, null))));

		assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.RateLimited.class, limited -> {
			assertThat(limited.until()).isEqualTo(clock.instant().plusSeconds(120));
			assertThat(limited.message()).contains("exceeded your rate limit");
		});
		assertThat(connector.publish(board.open(), request("Encore", List.of(image("image/png", 11, null)))))
			.isInstanceOf(PublishOutcome.RateLimited.class);
		assertThat(server.requests("POST", "/v5/pins")).hasSize(1);
	}

	@Test
	void a_5xx_on_the_create_is_unknown_and_reconciliation_says_whether_it_exists() {
		PinterestTestChannels board = board();
		PublishRequest request = request("Peut-être", List.of(image("image/png", 10, null)));
		server.respondOnce("POST", "/v5/pins", r -> server.error(500, 0, "Internal server error"));

		assertThat(connector.publish(board.open(), request)).isInstanceOf(PublishOutcome.Unknown.class);
		assertThat(connector.reconcile(board.open(), request, clock.instant())).isInstanceOf(ReconcileOutcome.NotFound.class);
	}

	@Test
	void accepted_but_response_lost_is_unknown_then_reconciled_by_reading_the_boards_pins_page_by_page() {
		server.pinsPage = 2;
		PinterestTestChannels board = board();
		server.addPin(PinterestContractServer.BOARD_ID, "Ancienne", "Hier", clock.instant().minus(Duration.ofDays(1)));
		PublishRequest request = request("Fournée   spéciale", "https://boulangerie-martin.fr", Map.of("title", "Fournée"),
				List.of(image("image/jpeg", 10, null)));
		Instant sentAt = clock.instant();
		server.respondOnce("POST", "/v5/pins", server::acceptThenHang);

		assertThat(connector.publish(board.open(), request)).isInstanceOf(PublishOutcome.Unknown.class);
		server.addPin(PinterestContractServer.BOARD_ID, "Autre", "Après", clock.instant());
		server.addPin(PinterestContractServer.BOARD_ID, "Encore", "Après", clock.instant());

		ReconcileOutcome found = connector.reconcile(board.open(), request, sentAt);

		String id = server.pins().get(1).id();
		assertThat(found).isEqualTo(new ReconcileOutcome.Found(id, "https://www.pinterest.com/pin/" + id + "/"));
		List<LocalApiServer.Request> reads = server.requests("GET", "/v5/boards/" + PinterestContractServer.BOARD_ID + "/pins");
		assertThat(reads).hasSize(2);
		assertThat(reads.get(1).query()).containsKey("bookmark");
	}

	@Test
	void a_refused_token_is_refreshed_once_with_http_basic_and_the_pin_sent_with_the_new_one() {
		PinterestTestChannels board = board();
		String oldAccess = board.stored.get().require("accessToken");
		String oldRefresh = board.stored.get().require("refreshToken");
		server.respondOnce("POST", "/v5/pins", r -> server.error(401, 2, "Authentication failed."));

		PublishOutcome outcome = connector.publish(board.open(), request("Après un rafraîchissement", List.of(image("image/png", 10, null))));

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		LocalApiServer.Request refresh = server.requests("POST", "/v5/oauth/token").getFirst();
		assertThat(refresh.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
			.encodeToString((PinterestContractServer.CLIENT_ID + ":" + PinterestContractServer.CLIENT_SECRET).getBytes()));
		assertThat(refresh.form()).containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", oldRefresh)
			.doesNotContainKey("client_secret");
		assertThat(board.stored.get().require("accessToken")).isNotEqualTo(oldAccess);
		assertThat(board.stored.get().require("refreshToken")).as("the continuous refresh token is renewed and kept")
			.isNotEqualTo(oldRefresh);
		assertThat(server.pins()).hasSize(1);
	}

	@Test
	void a_token_about_to_expire_is_refreshed_before_the_pin_and_the_new_refresh_token_stored_first() {
		PinterestTestChannels board = board(Duration.ofMinutes(3));
		String oldRefresh = board.stored.get().require("refreshToken");

		assertThat(connector.publish(board.open(), request("Frais", List.of(image("image/png", 10, null)))))
			.isInstanceOf(PublishOutcome.Published.class);

		assertThat(server.refreshes()).isEqualTo(1);
		assertThat(board.stored.get().require("refreshToken")).isNotEqualTo(oldRefresh);
		assertThat(board.stored.get().require("expiresAt")).isEqualTo(clock.instant().plus(Duration.ofDays(30)).toString());
	}

	@Test
	void revoked_token_asks_to_reconnect() {
		PinterestTestChannels board = board();
		server.revokeAll();

		PublishOutcome outcome = connector.publish(board.open(), request("Révoqué", List.of(image("image/png", 10, null))));

		assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Reauthorize.class,
				r -> assertThat(r.message()).contains("reconnect the account"));
		assertThat(server.pins()).isEmpty();
	}

	@Test
	void transient_refresh_failure_keeps_the_connection_and_uses_the_token_while_it_lasts() {
		PinterestTestChannels board = board(Duration.ofMinutes(3));
		server.respondOnce("POST", "/v5/oauth/token", r -> server.error(503, 0, "Service unavailable"));

		PublishOutcome outcome = connector.publish(board.open(), request("Encore valable", List.of(image("image/png", 10, null))));

		assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
		assertThat(board.stored.get().get("refreshToken")).isPresent();
	}

	@Test
	void transient_refresh_failure_of_an_expired_token_is_transient_never_reconnect() {
		PinterestTestChannels board = board(Duration.ofMinutes(3));
		clock.advance(Duration.ofMinutes(4));
		server.respondOnce("POST", "/v5/oauth/token", r -> server.error(503, 0, "Service unavailable"));

		PublishOutcome outcome = connector.publish(board.open(), request("Plus tard", List.of(image("image/png", 10, null))));

		assertThat(outcome).isInstanceOf(PublishOutcome.Transient.class);
		assertThat(server.pins()).isEmpty();
	}

	@Test
	void the_boards_of_the_sign_in_are_the_accounts_to_choose_read_page_by_page() {
		server.boardsPage = 1;
		Map<String, String> issued = server.issueTokens(Duration.ofDays(30));
		TokenSet tokens = new TokenSet(issued.get("accessToken"), issued.get("refreshToken"), null, null);

		List<NewConnection> boards = oauth.accounts(tokens);

		assertThat(boards).extracting(NewConnection::remoteAccountId)
			.containsExactly(PinterestContractServer.BOARD_ID, PinterestContractServer.OTHER_BOARD_ID);
		assertThat(boards).extracting(NewConnection::handle)
			.containsExactly(PinterestContractServer.BOARD_NAME, PinterestContractServer.OTHER_BOARD_NAME);
		assertThat(boards.getFirst().displayName()).isEqualTo("pinterest.com/" + PinterestContractServer.USERNAME);
		assertThat(boards.getFirst().serverUrl()).isEqualTo("https://www.pinterest.com");
		List<LocalApiServer.Request> pages = server.requests("GET", "/v5/boards");
		assertThat(pages).hasSize(2);
		assertThat(pages.get(0).query()).containsEntry("page_size", "250").doesNotContainKey("bookmark");
		assertThat(pages.get(1).query()).containsKey("bookmark");
	}

	@Test
	void a_sign_in_whose_boards_cannot_be_listed_connects_nothing_and_says_why() {
		Map<String, String> issued = server.issueTokens(Duration.ofDays(30));
		server.respondOnce("GET", "/v5/boards", r -> server.error(403, 29, "You are not permitted to access that resource."));

		assertThatThrownBy(() -> oauth.accounts(new TokenSet(issued.get("accessToken"), null, null, null)))
			.isInstanceOf(OAuthNetwork.ConnectFailed.class)
			.hasMessageContaining("did not list the boards").hasMessageContaining("not permitted");
	}
}
