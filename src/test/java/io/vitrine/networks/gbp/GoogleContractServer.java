package io.vitrine.networks.gbp;

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
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Google on 127.0.0.1, built from Google's reference pages (there is no machine-readable description here):
 * <ul>
 * <li>OAuth 2.0 for web server apps, https://developers.google.com/identity/protocols/oauth2/web-server: the
 * authorization page (PKCE S256, access_type=offline for a refresh token, prompt), {@code POST /token} with
 * client_id and client_secret in the form, one-hour access tokens ({@code expires_in} 3599), refresh answers
 * without a new refresh token, a revoked grant answered 400 {@code invalid_grant};</li>
 * <li>accounts.list, https://developers.google.com/my-business/reference/accountmanagement/rest/v1/accounts/list;</li>
 * <li>accounts.locations.list (readMask required),
 * https://developers.google.com/my-business/reference/businessinformation/rest/v1/accounts.locations/list;</li>
 * <li>accounts.locations.localPosts create and list and the LocalPost resource,
 * https://developers.google.com/my-business/reference/rest/v4/accounts.locations.localPosts (event required for
 * EVENT and OFFER, callToAction ignored for OFFER, no url for CALL), https://developers.google.com/my-business/content/posts-data;</li>
 * <li>errors in Google's error model, https://cloud.google.com/apis/design/errors ({@code error.code},
 * {@code message}, {@code status}, {@code details}).</li>
 * </ul>
 * Every request is checked field by field; what does not fit is listed in {@link #violations()}.
 */
final class GoogleContractServer implements AutoCloseable {

	static final String CLIENT_ID = "1234-vitrine.apps.googleusercontent.com";

	static final String CLIENT_SECRET = "GOCSPX-vitrine";

	/** Where Vitrine's sealed public media links point in these tests (Google fetches a post's photo from there). */
	static final String PUBLIC_MEDIA = "http://vitrine.test/public/media/";

	static final String SCOPE = "https://www.googleapis.com/auth/business.manage";

	static final String ACCOUNT = "accounts/108473922581";

	static final String LOCATION = ACCOUNT + "/locations/4429912380417";

	static final String LOCATION_TITLE = "Boulangerie Martin";

	static final String OTHER_LOCATION = ACCOUNT + "/locations/4429912380418";

	static final String OTHER_LOCATION_TITLE = "Boulangerie Martin Croix-Rousse";

	private static final Set<String> LOCAL_POST_FIELDS = Set.of("languageCode", "summary", "callToAction", "event", "media",
			"topicType", "alertType", "offer");

	private static final Set<String> ACTION_TYPES = Set.of("BOOK", "ORDER", "SHOP", "LEARN_MORE", "SIGN_UP", "GET_OFFER", "CALL");

	record Post(String name, String location, JsonNode body, Instant createTime) {
	}

	private record Grant(String redirectUri, String challenge, boolean offline) {
	}

	private final LocalApiServer api = LocalApiServer.start(this::handle);

	private final JsonMapper json = JsonMapper.builder().build();

	private final Clock clock;

	private final Map<String, Grant> grants = new ConcurrentHashMap<>();

	private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();

	private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();

	private final List<Post> posts = new CopyOnWriteArrayList<>();

	private final AtomicLong ids = new AtomicLong(1_000_000_000L);

	volatile int postsPage = 100;

	GoogleContractServer(Clock clock) {
		this.clock = clock;
	}

	String url() {
		return api.url();
	}

	String authorizationUri() {
		return api.url() + "/o/oauth2/v2/auth";
	}

	String tokenUri() {
		return api.url() + "/token";
	}

	Map<String, String> issueTokens(Duration lifetime) {
		String access = "ya29." + ids.incrementAndGet();
		String refresh = "1//" + ids.incrementAndGet();
		accessTokens.put(access, clock.instant().plus(lifetime));
		refreshTokens.add(refresh);
		return Map.of("accessToken", access, "refreshToken", refresh, "expiresAt", clock.instant().plus(lifetime).toString(),
				"scope", SCOPE);
	}

	/** The person removed Vitrine's access in their Google Account: every token of the grant stops working. */
	void revokeAll() {
		accessTokens.clear();
		refreshTokens.clear();
	}

	void respondOnce(String method, String path, Responder responder) {
		api.respondOnce(method, path, responder);
	}

	Answer acceptThenHang(Request request) throws InterruptedException {
		create(request, LOCATION);
		return api.hang(error(503, "released", "UNAVAILABLE"));
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

	List<Post> posts() {
		return List.copyOf(posts);
	}

	void addPost(String location, String summary, Instant createTime) {
		ObjectNode body = json.createObjectNode().put("summary", summary).put("topicType", "STANDARD");
		posts.add(new Post(location + "/localPosts/" + ids.incrementAndGet(), location, body, createTime));
	}

	/** Google's error model. */
	Answer error(int status, String message, String canonical) {
		ObjectNode body = json.createObjectNode();
		body.putObject("error").put("code", status).put("message", message).put("status", canonical).putArray("details");
		return Answer.json(status, body);
	}

	String approve(String authorizeUrl) {
		Map<String, String> query = RequestBodies.query(URI.create(authorizeUrl).getRawQuery());
		List<String> problems = new ArrayList<>();
		expect(query, "response_type", "code", problems);
		expect(query, "client_id", CLIENT_ID, problems);
		expect(query, "scope", SCOPE, problems);
		expect(query, "access_type", "offline", problems);
		expect(query, "code_challenge_method", "S256", problems);
		if (query.getOrDefault("code_challenge", "").length() < 43) {
			problems.add("code_challenge missing");
		}
		if (query.getOrDefault("state", "").isBlank() || query.getOrDefault("redirect_uri", "").isBlank()) {
			problems.add("state or redirect_uri missing");
		}
		if (!problems.isEmpty()) {
			api.report("authorize: " + problems);
			throw new IllegalStateException("authorize: " + problems);
		}
		String code = "4/" + ids.incrementAndGet();
		grants.put(code, new Grant(query.get("redirect_uri"), query.get("code_challenge"), true));
		return query.get("redirect_uri") + "?state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8) + "&code="
				+ code + "&scope=" + URLEncoder.encode(SCOPE, StandardCharsets.UTF_8);
	}

	private static void expect(Map<String, String> query, String name, String value, List<String> problems) {
		if (!value.equals(query.get(name))) {
			problems.add(name + " is " + query.get(name) + ", not " + value);
		}
	}

	private Answer handle(Request r, Optional<Responder> canned) throws Exception {
		if (r.path().startsWith("/o/oauth2/")) {
			return authorizePage(r);
		}
		if (r.path().equals("/token")) {
			return canned.isPresent() ? canned.get().answer(r) : token(r);
		}
		if (!r.path().startsWith("/v1/") && !r.path().startsWith("/v4/")) {
			return Answer.empty(404);
		}
		if (r.bearer() == null) {
			api.report(r.route() + ": no Authorization: Bearer");
		}
		checkRequest(r);
		return canned.isPresent() ? canned.get().answer(r) : behave(r);
	}

	private Answer authorizePage(Request r) {
		if (r.path().equals("/o/oauth2/v2/auth")) {
			StringBuilder raw = new StringBuilder();
			r.query().forEach((k, v) -> raw.append(raw.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
				.append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
			String approveUrl = api.url() + "/o/oauth2/approve?" + URLEncoder.encode(api.url() + r.path() + "?" + raw,
					StandardCharsets.UTF_8);
			return Answer.html("<!DOCTYPE html><html><head><title>Sign in - Google Accounts</title></head><body><main>"
					+ "<h1>Vitrine wants to access your Google Account</h1>"
					+ "<a id=\"approve\" role=\"button\" href=\"" + approveUrl.replace("&", "&amp;") + "\">Continue</a>"
					+ "</main></body></html>");
		}
		return Answer.redirect(approve(r.query().keySet().iterator().next()));
	}

	private Answer token(Request r) throws Exception {
		Map<String, String> form = r.form();
		if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
			return Answer.json(401, json.createObjectNode().put("error", "invalid_client").put("error_description", "Unauthorized"));
		}
		switch (form.getOrDefault("grant_type", "")) {
			case "authorization_code" -> {
				Grant grant = grants.remove(form.getOrDefault("code", ""));
				if (grant == null || !grant.redirectUri().equals(form.get("redirect_uri"))
						|| !challenge(form.getOrDefault("code_verifier", "")).equals(grant.challenge())) {
					return invalidGrant("Bad Request");
				}
				String refresh = "1//" + ids.incrementAndGet();
				refreshTokens.add(refresh);
				return Answer.json(200, tokens().put("refresh_token", refresh));
			}
			case "refresh_token" -> {
				if (!refreshTokens.contains(form.getOrDefault("refresh_token", ""))) {
					return invalidGrant("Token has been expired or revoked.");
				}
				return Answer.json(200, tokens()); // Google keeps the refresh token: none in the answer
			}
			default -> {
				return Answer.json(400, json.createObjectNode().put("error", "unsupported_grant_type")
					.put("error_description", "Invalid grant_type: " + form.get("grant_type")));
			}
		}
	}

	private ObjectNode tokens() {
		String access = "ya29." + ids.incrementAndGet();
		accessTokens.put(access, clock.instant().plusSeconds(3599));
		return json.createObjectNode().put("access_token", access).put("expires_in", 3599).put("scope", SCOPE)
			.put("token_type", "Bearer");
	}

	private Answer invalidGrant(String description) {
		return Answer.json(400, json.createObjectNode().put("error", "invalid_grant").put("error_description", description));
	}

	private static String challenge(String verifier) throws Exception {
		return Base64.getUrlEncoder().withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
	}

	private void checkRequest(Request r) {
		String where = r.route();
		if (r.path().equals("/v1/accounts")) {
			allowOnly(r, Set.of("pageSize", "pageToken", "parentAccount", "filter"));
			int size = Integer.parseInt(r.query().getOrDefault("pageSize", "20"));
			if (size < 1 || size > 20) {
				api.report(where + ": pageSize " + size + " (1 to 20)");
			}
		}
		else if (r.path().matches("/v1/accounts/\\d+/locations")) {
			allowOnly(r, Set.of("pageSize", "pageToken", "filter", "orderBy", "readMask"));
			if (!r.query().containsKey("readMask")) {
				api.report(where + ": readMask is required");
			}
			if (Integer.parseInt(r.query().getOrDefault("pageSize", "10")) > 100) {
				api.report(where + ": pageSize over 100");
			}
		}
		else if (r.path().matches("/v4/accounts/\\d+/locations/\\d+/localPosts")) {
			if (r.method().equals("GET")) {
				allowOnly(r, Set.of("pageSize", "pageToken"));
				if (Integer.parseInt(r.query().getOrDefault("pageSize", "20")) > 100) {
					api.report(where + ": pageSize over 100");
				}
			}
			else {
				checkLocalPost(where, r.json());
			}
		}
		else {
			api.report(where + " is not an operation Vitrine should call");
		}
	}

	private void allowOnly(Request r, Set<String> names) {
		r.query().keySet().stream().filter(n -> !names.contains(n)).forEach(n -> api.report(r.route() + ": unexpected query " + n));
	}

	private void checkLocalPost(String where, JsonNode post) {
		if (post == null) {
			api.report(where + ": no JSON body");
			return;
		}
		post.propertyNames().forEach(name -> {
			if (!LOCAL_POST_FIELDS.contains(name)) {
				api.report(where + ": " + name + " is not a LocalPost field Vitrine may set");
			}
		});
		String topic = post.path("topicType").asString("");
		if (!Set.of("STANDARD", "EVENT", "OFFER", "ALERT").contains(topic)) {
			api.report(where + ": topicType " + topic);
		}
		if ((topic.equals("EVENT") || topic.equals("OFFER"))) {
			JsonNode event = post.path("event");
			if (event.path("title").asString("").isBlank() || !event.has("schedule")) {
				api.report(where + ": event title and schedule are required for " + topic);
			}
			for (String part : List.of("startDate", "endDate")) {
				JsonNode date = event.path("schedule").path(part);
				if (!date.path("year").isInt() || !date.path("month").isInt() || !date.path("day").isInt()) {
					api.report(where + ": schedule." + part + " is not a Date");
				}
			}
			for (String part : List.of("startTime", "endTime")) {
				JsonNode time = event.path("schedule").path(part);
				if (time.path("hours").asInt(-1) < 0 || time.path("hours").asInt() > 23 || !time.path("minutes").isInt()) {
					api.report(where + ": schedule." + part + " is not a TimeOfDay");
				}
			}
		}
		JsonNode media = post.path("media");
		if (!media.isMissingNode()) {
			// MediaItem in a LocalPost: "source_url is the only supported data field", fetched by Google from the web.
			if (!media.isArray() || media.isEmpty()) {
				api.report(where + ": media is not a list of MediaItem");
			}
			for (JsonNode item : media) {
				item.propertyNames().stream().filter(n -> !Set.of("mediaFormat", "sourceUrl").contains(n))
					.forEach(n -> api.report(where + ": media." + n + " is not set on a LocalPost's MediaItem"));
				if (!Set.of("PHOTO", "VIDEO").contains(item.path("mediaFormat").asString(""))) {
					api.report(where + ": media.mediaFormat " + item.path("mediaFormat"));
				}
				String url = item.path("sourceUrl").asString("");
				if (!url.startsWith(PUBLIC_MEDIA) || url.length() < PUBLIC_MEDIA.length() + 40) {
					api.report(where + ": media.sourceUrl Google cannot fetch, or guessable: " + url);
				}
			}
		}
		if (post.has("offer") && !topic.equals("OFFER")) {
			api.report(where + ": offer on a " + topic + " post");
		}
		JsonNode button = post.path("callToAction");
		if (!button.isMissingNode()) {
			String type = button.path("actionType").asString("");
			if (!ACTION_TYPES.contains(type)) {
				api.report(where + ": callToAction.actionType " + type);
			}
			if (type.equals("CALL") == button.has("url")) {
				api.report(where + ": callToAction.url must be set, except for CALL where it must not");
			}
		}
	}

	private Answer behave(Request r) {
		Instant expires = accessTokens.get(Optional.ofNullable(r.bearer()).orElse(""));
		if (expires == null || !expires.isAfter(clock.instant())) {
			return error(401, "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie "
					+ "or other valid authentication credential.", "UNAUTHENTICATED");
		}
		if (r.route().equals("GET /v1/accounts")) {
			ObjectNode answer = json.createObjectNode();
			answer.putArray("accounts").addObject().put("name", ACCOUNT).put("accountName", "Marie Martin").put("type", "PERSONAL")
				.put("verificationState", "VERIFIED");
			return Answer.json(200, answer);
		}
		if (r.method().equals("GET") && r.path().equals("/v1/" + ACCOUNT + "/locations")) {
			ObjectNode answer = json.createObjectNode();
			ArrayNode locations = answer.putArray("locations");
			location(locations.addObject(), LOCATION, LOCATION_TITLE, "Lyon");
			location(locations.addObject(), OTHER_LOCATION, OTHER_LOCATION_TITLE, "Lyon");
			answer.put("totalSize", 2);
			return Answer.json(200, answer);
		}
		String path = r.path().substring("/v4/".length());
		if (path.endsWith("/localPosts")) {
			String location = path.substring(0, path.length() - "/localPosts".length());
			if (!location.equals(LOCATION) && !location.equals(OTHER_LOCATION)) {
				return error(403, "The caller does not have permission", "PERMISSION_DENIED");
			}
			return r.method().equals("POST") ? create(r, location) : list(r, location);
		}
		return error(404, "Requested entity was not found.", "NOT_FOUND");
	}

	private static void location(ObjectNode node, String name, String title, String city) {
		node.put("name", name.substring(ACCOUNT.length() + 1)).put("title", title);
		node.putObject("storefrontAddress").put("regionCode", "FR").put("locality", city).putArray("addressLines").add("1 rue");
	}

	private Answer create(Request r, String location) {
		Post post = new Post(location + "/localPosts/" + ids.incrementAndGet(), location, r.json(), clock.instant());
		posts.add(post);
		return Answer.json(200, asJson(post));
	}

	private ObjectNode asJson(Post post) {
		ObjectNode node = ((ObjectNode) post.body()).deepCopy();
		node.put("name", post.name()).put("createTime", post.createTime().truncatedTo(ChronoUnit.SECONDS).toString())
			.put("updateTime", post.createTime().truncatedTo(ChronoUnit.SECONDS).toString()).put("state", "LIVE")
			.put("searchUrl", "https://local.google.com/place?id=4429912380417&use=posts&lpsid=" + post.name().replaceAll(".*/", ""));
		return node;
	}

	private Answer list(Request r, String location) {
		List<Post> newestFirst = posts.reversed().stream().filter(p -> p.location().equals(location)).toList();
		int size = Math.min(postsPage, Integer.parseInt(r.query().getOrDefault("pageSize", "20")));
		int from = Integer.parseInt(r.query().getOrDefault("pageToken", "0"));
		ObjectNode answer = json.createObjectNode();
		ArrayNode items = answer.putArray("localPosts");
		newestFirst.subList(Math.min(from, newestFirst.size()), Math.min(from + size, newestFirst.size()))
			.forEach(p -> items.add(asJson(p)));
		if (from + size < newestFirst.size()) {
			answer.put("nextPageToken", Integer.toString(from + size));
		}
		return Answer.json(200, answer);
	}

	@Override
	public void close() {
		api.close();
	}
}
