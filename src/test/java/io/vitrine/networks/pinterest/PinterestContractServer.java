package io.vitrine.networks.pinterest;

import io.vitrine.testsupport.LocalApiServer;
import io.vitrine.testsupport.LocalApiServer.Answer;
import io.vitrine.testsupport.LocalApiServer.Request;
import io.vitrine.testsupport.LocalApiServer.Responder;
import io.vitrine.testsupport.RequestBodies;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pinterest on 127.0.0.1, as the official API description (pinterest-v5-openapi.json) and the authentication
 * guide (https://developers.pinterest.com/docs/getting-started/set-up-authentication-and-authorization/) say:
 * <ul>
 * <li>the authorization page at {@code /oauth/} (response_type code, comma-separated scopes, state);</li>
 * <li>{@code POST /v5/oauth/token} with HTTP Basic client authentication (securitySchemes.basic), a form body
 * (OauthAccessTokenRequestCode / OauthAccessTokenRequestRefresh), answers of OauthAccessTokenResponseCode and
 * OauthAccessTokenResponseRefresh: 30-day access tokens, continuous refresh tokens (60 days, a new one at every
 * refresh, the old one refused afterwards), errors in the description's Error shape;</li>
 * <li>{@code GET /v5/user_account}, {@code GET /v5/boards} (paged with bookmark), {@code POST /v5/pins},
 * {@code GET /v5/boards/{board_id}/pins}, every request checked against the operation (bearer token with the
 * operation's scopes, declared query parameters, JSON field by field) and every answer against its schema.</li>
 * </ul>
 * Rate limits: the description names no header; a used-up window is answered 429 with the Error shape
 * (Pinterest.Lib.Error) and, as Vitrine accepts them when present, x-ratelimit-remaining and x-ratelimit-reset.
 * What does not fit is listed in {@link #violations()}.
 */
final class PinterestContractServer implements AutoCloseable {

	static final String CLIENT_ID = "1509701";

	static final String CLIENT_SECRET = "pinterest-secret";

	static final String USERNAME = "boulangeriemartin";

	static final String BOARD_ID = "549755885175";

	static final String BOARD_NAME = "Nos pains";

	static final String OTHER_BOARD_ID = "549755885176";

	static final String OTHER_BOARD_NAME = "Pâtisseries";

	static final Set<String> SCOPES = Set.of("user_accounts:read", "boards:read", "pins:read", "pins:write");

	/** A 30-day access token (expires_in 2,592,000 in Pinterest's guide). */
	static final Duration ACCESS_LIFETIME = Duration.ofDays(30);

	/** A continuous refresh token: 60 days, renewed at every refresh. */
	static final Duration REFRESH_LIFETIME = Duration.ofDays(60);

	/** A stored Pin. */
	record Pin(String id, String boardId, String title, String description, String link, String altText, int images,
			Instant createdAt) {
	}

	private record Grant(String redirectUri, Set<String> scopes) {
	}

	final PinterestSpec spec = PinterestSpec.load();

	private final LocalApiServer api = LocalApiServer.start(this::handle);

	private final JsonMapper json = JsonMapper.builder().build();

	private final Clock clock;

	private final Map<String, Grant> grants = new ConcurrentHashMap<>();

	private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();

	private final Map<String, Instant> refreshTokens = new ConcurrentHashMap<>();

	/** The person's boards, in the order Pinterest lists them (a LinkedHashMap filled in order: Map.of has none). */
	private final Map<String, String> boards = new LinkedHashMap<>();

	private final List<Pin> pins = new CopyOnWriteArrayList<>();

	private final AtomicLong ids = new AtomicLong(813_744_226_420_795_000L);

	private final AtomicInteger refreshes = new AtomicInteger();

	/** Pins one user may create per minute before 429. */
	volatile int pinsPerMinute = 100;

	/** Boards per page at most, to exercise the bookmark. */
	volatile int boardsPage = 250;

	/** Pins per page of a board at most, to exercise the bookmark. */
	volatile int pinsPage = 250;

	PinterestContractServer(Clock clock) {
		this.clock = clock;
		boards.put(BOARD_ID, BOARD_NAME);
		boards.put(OTHER_BOARD_ID, OTHER_BOARD_NAME);
	}

	String url() {
		return api.url();
	}

	String authorizationUri() {
		return api.url() + "/oauth/";
	}

	String tokenUri() {
		return api.url() + "/v5/oauth/token";
	}

	String apiUrl() {
		return api.url() + "/v5";
	}

	/** Tokens as a finished authorization gives them, without the browser. */
	Map<String, String> issueTokens(Duration lifetime) {
		String access = "pina_" + ids.incrementAndGet();
		String refresh = "pinr_" + ids.incrementAndGet();
		accessTokens.put(access, clock.instant().plus(lifetime));
		refreshTokens.put(refresh, clock.instant().plus(REFRESH_LIFETIME));
		return Map.of("accessToken", access, "refreshToken", refresh, "expiresAt", clock.instant().plus(lifetime).toString(),
				"scope", String.join(" ", SCOPES));
	}

	/** The person removed Vitrine from their Pinterest apps: every token of the grant stops working. */
	void revokeAll() {
		accessTokens.clear();
		refreshTokens.clear();
	}

	void respondOnce(String method, String path, Responder responder) {
		api.respondOnce(method, path, responder);
	}

	/** Creates the Pin, then never answers: the request reached Pinterest, its answer is lost. */
	Answer acceptThenHang(Request request) throws InterruptedException {
		createPin(request);
		return api.hang(error(503, 0, "released"));
	}

	List<Request> requests(String method, String path) {
		return api.requests(method, path);
	}

	List<Request> requests() {
		return api.requests();
	}

	List<String> violations() {
		return api.violations();
	}

	List<Pin> pins() {
		return List.copyOf(pins);
	}

	int refreshes() {
		return refreshes.get();
	}

	/** A Pin made outside Vitrine. */
	void addPin(String boardId, String title, String description, Instant createdAt) {
		pins.add(new Pin(Long.toString(ids.incrementAndGet()), boardId, title, description, null, null, 1, createdAt));
	}

	/** The Error shape of the description (components.schemas.Error, Pinterest.Lib.Error). */
	Answer error(int status, int code, String message) {
		return Answer.json(status, json.createObjectNode().put("code", code).put("message", message));
	}

	JsonMapper json() {
		return json;
	}

	/** What Pinterest does when the person clicks "Give access": checks the request, sends them back with a code. */
	String approve(String authorizeUrl) {
		Map<String, String> query = RequestBodies.query(URI.create(authorizeUrl).getRawQuery());
		List<String> problems = new ArrayList<>();
		if (!"code".equals(query.get("response_type"))) {
			problems.add("response_type is " + query.get("response_type"));
		}
		if (!CLIENT_ID.equals(query.get("client_id"))) {
			problems.add("client_id is " + query.get("client_id"));
		}
		if (query.getOrDefault("state", "").isBlank()) {
			problems.add("state missing");
		}
		if (query.getOrDefault("redirect_uri", "").isBlank()) {
			problems.add("redirect_uri missing");
		}
		Set<String> scopes = new LinkedHashSet<>(List.of(query.getOrDefault("scope", "").split(",")));
		if (!scopes.equals(SCOPES)) {
			problems.add("scope " + query.get("scope") + " is not the comma-separated " + SCOPES);
		}
		if (!problems.isEmpty()) {
			api.report("authorize: " + problems);
			throw new IllegalStateException("authorize: " + problems);
		}
		String code = "pinc_" + ids.incrementAndGet();
		grants.put(code, new Grant(query.get("redirect_uri"), scopes));
		return query.get("redirect_uri") + "?code=" + code + "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
	}

	private Answer handle(Request r, Optional<Responder> canned) throws Exception {
		if (r.path().startsWith("/oauth")) {
			return authorizePage(r);
		}
		if (r.path().equals("/v5/oauth/token")) {
			checkTokenRequest(r);
			return canned.isPresent() ? canned.get().answer(r) : token(r);
		}
		if (!r.path().startsWith("/v5/")) {
			return Answer.empty(404); // a browser's /favicon.ico
		}
		String path = r.path().substring("/v5".length());
		Optional<JsonNode> operation = spec.operation(r.method(), path);
		if (operation.isEmpty()) {
			api.report(r.route() + " is not in the Pinterest API description");
			return error(404, 404, "Not found");
		}
		checkRequest(r, operation.get());
		Answer answer = canned.isPresent() ? canned.get().answer(r) : behave(r, path);
		checkAnswer(r, operation.get(), answer);
		return answer;
	}

	private void checkRequest(Request r, JsonNode operation) {
		String where = r.route();
		if (r.bearer() == null) {
			api.report(where + ": no Authorization: Bearer");
		}
		Set<String> declared = new LinkedHashSet<>();
		for (JsonNode parameter : spec.parameters(operation, "query")) {
			String name = parameter.path("name").asString();
			declared.add(name);
			if (parameter.path("required").asBoolean(false) && !r.query().containsKey(name)) {
				api.report(where + ": required query parameter '" + name + "' missing");
			}
			if (r.query().containsKey(name)) {
				List<String> problems = new ArrayList<>();
				spec.checkString(parameter.path("schema"), r.query().get(name), where + " query " + name, problems);
				api.reportAll(problems);
			}
		}
		r.query().keySet().stream().filter(name -> !declared.contains(name))
			.forEach(name -> api.report(where + ": undeclared query parameter '" + name + "'"));
		if (operation.path("requestBody").path("required").asBoolean(false)) {
			if (r.json() == null) {
				api.report(where + ": a JSON body is required");
			}
			else {
				api.reportAll(spec.problems(spec.requestSchema(operation, "application/json"), r.json(), where + " JSON"));
			}
		}
	}

	private void checkAnswer(Request r, JsonNode operation, Answer answer) {
		if (answer.body().isEmpty() || answer.body().contains("\"released\"")) {
			return;
		}
		Optional<JsonNode> schema = spec.answerSchema(operation, answer.status());
		if (schema.isEmpty()) {
			api.report(r.route() + ": answer " + answer.status() + " is not described");
			return;
		}
		api.reportAll(spec.problems(schema.get(), json.readTree(answer.body()), "answer of " + r.route() + " (" + answer.status() + ")"));
	}

	private void checkTokenRequest(Request r) {
		if (!Optional.ofNullable(r.header("Content-Type")).orElse("").startsWith("application/x-www-form-urlencoded")) {
			api.report("token: not a form (the description's requestBody is application/x-www-form-urlencoded)");
		}
		JsonNode form = json.valueToTree(r.form());
		String grant = r.form().getOrDefault("grant_type", "");
		JsonNode schema = spec.schema(switch (grant) {
			case "authorization_code" -> "OauthAccessTokenRequestCode";
			case "refresh_token" -> "OauthAccessTokenRequestRefresh";
			default -> "OauthAccessTokenRequest";
		});
		api.reportAll(spec.problems(schema, form, "token form"));
	}

	/** Pinterest's authorization page, reduced to its one button. */
	private Answer authorizePage(Request r) {
		if (r.path().equals("/oauth/")) {
			String approveUrl = api.url() + "/oauth/approve?" + URLEncoder.encode(api.url() + r.path() + "?" + rawQuery(r),
					StandardCharsets.UTF_8);
			return Answer.html("<!DOCTYPE html><html><head><title>Pinterest</title></head><body><main>"
					+ "<h1>Vitrine would like to access your Pinterest account</h1>"
					+ "<a id=\"approve\" role=\"button\" href=\"" + approveUrl.replace("&", "&amp;") + "\">Give access</a>"
					+ "</main></body></html>");
		}
		String authorize = r.query().keySet().iterator().next(); // already decoded once, as a query name
		return Answer.redirect(approve(authorize));
	}

	private static String rawQuery(Request r) {
		StringBuilder out = new StringBuilder();
		r.query().forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
			.append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
		return out.toString();
	}

	private Answer token(Request r) {
		String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		if (!expected.equals(r.header("Authorization"))) {
			return error(401, 2, "Authentication failed.");
		}
		Map<String, String> form = r.form();
		switch (form.getOrDefault("grant_type", "")) {
			case "authorization_code" -> {
				Grant grant = grants.remove(form.getOrDefault("code", ""));
				if (grant == null || !grant.redirectUri().equals(form.get("redirect_uri"))) {
					return error(400, 1, "Invalid authorization code.");
				}
				return tokens("authorization_code");
			}
			case "refresh_token" -> {
				refreshes.incrementAndGet();
				Instant expires = refreshTokens.remove(form.getOrDefault("refresh_token", ""));
				if (expires == null || !expires.isAfter(clock.instant())) {
					return error(400, 1, "Invalid refresh token.");
				}
				return tokens("refresh_token");
			}
			default -> {
				return error(400, 1, "grant_type is not supported");
			}
		}
	}

	private Answer tokens(String responseType) {
		String access = "pina_" + ids.incrementAndGet();
		String refresh = "pinr_" + ids.incrementAndGet();
		Instant now = clock.instant();
		accessTokens.put(access, now.plus(ACCESS_LIFETIME));
		refreshTokens.put(refresh, now.plus(REFRESH_LIFETIME));
		ObjectNode answer = json.createObjectNode().put("access_token", access).put("refresh_token", refresh)
			.put("response_type", responseType).put("token_type", "bearer").put("expires_in", ACCESS_LIFETIME.toSeconds())
			.put("refresh_token_expires_in", REFRESH_LIFETIME.toSeconds())
			.put("refresh_token_expires_at", now.plus(REFRESH_LIFETIME).getEpochSecond())
			.put("scope", String.join(" ", SCOPES));
		api.reportAll(spec.problems(spec.schema(responseType.equals("refresh_token") ? "OauthAccessTokenResponseRefresh"
				: "OauthAccessTokenResponseCode"), answer, "token answer"));
		return Answer.json(200, answer);
	}

	private Answer behave(Request r, String path) {
		Instant expires = accessTokens.get(Optional.ofNullable(r.bearer()).orElse(""));
		if (expires == null || !expires.isAfter(clock.instant())) {
			return error(401, 2, "Authentication failed.");
		}
		if (r.route().equals("GET /v5/user_account")) {
			return Answer.json(200, json.createObjectNode().put("username", USERNAME).put("account_type", "BUSINESS")
				.put("id", "2783136121146311751").put("business_name", "Boulangerie Martin"));
		}
		if (r.route().equals("GET /v5/boards")) {
			List<ObjectNode> all = new ArrayList<>();
			boards.forEach((id, name) -> all.add(json.createObjectNode().put("id", id).put("name", name).put("privacy", "PUBLIC")));
			return page(all, r, boardsPage);
		}
		if (r.route().equals("POST /v5/pins")) {
			return createPin(r);
		}
		if (r.method().equals("GET") && path.matches("/boards/\\d+/pins")) {
			String board = path.split("/")[2];
			if (!boards.containsKey(board)) {
				return error(404, 404, "Board not found.");
			}
			List<ObjectNode> all = new ArrayList<>();
			pins.reversed().stream().filter(p -> p.boardId().equals(board)).forEach(p -> all.add(asJson(p)));
			return page(all, r, pinsPage);
		}
		return error(404, 404, "Not found");
	}

	private Answer createPin(Request r) {
		Instant now = clock.instant();
		long recent = pins.stream().filter(p -> p.createdAt().isAfter(now.minus(Duration.ofMinutes(1)))).count();
		if (recent >= pinsPerMinute) {
			return error(429, 8, "You have exceeded your rate limit. Try again later.")
				.with("x-ratelimit-remaining", "0").with("x-ratelimit-reset", "60");
		}
		JsonNode body = r.json();
		String board = body.path("board_id").asString("");
		if (!boards.containsKey(board)) {
			return error(404, 404, "Board not found.");
		}
		JsonNode source = body.path("media_source");
		int images = switch (source.path("source_type").asString("")) {
			case "image_base64" -> 1;
			case "multiple_image_base64" -> source.path("items").size();
			default -> 0;
		};
		if (images == 0) {
			return error(400, 1, "Invalid Pin media_source.");
		}
		Pin pin = new Pin(Long.toString(ids.incrementAndGet()), board, text(body, "title"), text(body, "description"),
				text(body, "link"), text(body, "alt_text"), images, now);
		pins.add(pin);
		return Answer.json(201, asJson(pin)).with("x-ratelimit-remaining", Long.toString(pinsPerMinute - recent - 1))
			.with("x-ratelimit-reset", "60");
	}

	private static String text(JsonNode body, String field) {
		return body.path(field).isString() ? body.path(field).asString() : null;
	}

	private ObjectNode asJson(Pin pin) {
		ObjectNode node = json.createObjectNode().put("id", pin.id()).put("board_id", pin.boardId())
			.put("created_at", pin.createdAt().truncatedTo(ChronoUnit.SECONDS).toString())
			.put("title", pin.title()).put("description", pin.description()).put("link", pin.link())
			.put("alt_text", pin.altText()).put("is_owner", true);
		node.putObject("board_owner").put("username", USERNAME);
		node.putObject("media").put("media_type", pin.images() > 1 ? "multiple_images" : "image");
		return node;
	}

	/** One page of items, with a bookmark to the next page when there is one (Paginated). */
	private Answer page(List<ObjectNode> all, Request r, int cap) {
		int size = Math.min(cap, Integer.parseInt(r.query().getOrDefault("page_size", "25")));
		int from = r.query().containsKey("bookmark") ? Integer.parseInt(new String(Base64.getDecoder().decode(r.query().get("bookmark")),
				StandardCharsets.UTF_8)) : 0;
		ObjectNode answer = json.createObjectNode();
		ArrayNode items = answer.putArray("items");
		all.subList(Math.min(from, all.size()), Math.min(from + size, all.size())).forEach(items::add);
		if (from + size < all.size()) {
			answer.put("bookmark", Base64.getEncoder().encodeToString(Integer.toString(from + size).getBytes(StandardCharsets.UTF_8)));
		}
		else {
			answer.putNull("bookmark");
		}
		return Answer.json(200, answer);
	}

	@Override
	public void close() {
		api.close();
	}
}
