package io.vitrine.networks.x;

import io.vitrine.testsupport.LocalApiServer;
import io.vitrine.testsupport.LocalApiServer.Answer;
import io.vitrine.testsupport.LocalApiServer.Request;
import io.vitrine.testsupport.LocalApiServer.Responder;
import io.vitrine.testsupport.RequestBodies;
import io.vitrine.testsupport.RequestBodies.Part;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * X on 127.0.0.1: the API as the official description (x-api-v2-openapi.json) says, and the OAuth
 * 2.0 authorization server as X's documentation says
 * (https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/user-access-token: code with
 * PKCE S256, confidential clients with HTTP Basic, access tokens for 7,200 s, refresh tokens with
 * offline.access, rotated at each use, a dead one answered 400 invalid_request).
 *
 * <p>Every API request is checked against the description (operation, bearer token, query
 * parameters, JSON and multipart fields) and every answer is checked against its response schema;
 * what does not fit is listed in {@link #violations()}.
 */
final class XContractServer implements AutoCloseable {

	static final String CLIENT_ID = "vitrine-client";

	static final String CLIENT_SECRET = "vitrine-secret";

	static final String USER_ID = "1849301753";

	static final String USERNAME = "boulangerie";

	static final Set<String> SCOPES = Set.of("tweet.read", "tweet.write", "users.read", "offline.access", "media.write");

	private record Grant(String redirectUri, String challenge, Set<String> scopes) {
	}

	/** @param replyTo the post it answers (a thread's next post), or null */
	private record Post(String id, String text, Instant createdAt, List<String> mediaKeys, String replyTo) {
	}

	final XSpec spec = XSpec.load();

	private final JsonMapper json = JsonMapper.builder().build();

	private final LocalApiServer api = LocalApiServer.start(this::handle);

	private final Clock clock;

	private final Map<String, Grant> grants = new ConcurrentHashMap<>();

	private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();

	private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();

	private final Map<String, Integer> processingPolls = new ConcurrentHashMap<>();

	private final Map<String, String> mediaKeys = new ConcurrentHashMap<>();

	private final List<Post> posts = new CopyOnWriteArrayList<>();

	private final AtomicLong ids = new AtomicLong(1_800_000_000_000_000_000L);

	private final AtomicInteger refreshes = new AtomicInteger();

	/** Posts a user may create per 15-minute window before 429. */
	volatile int postsPerWindow = 100;

	/** "pending" answers before a chunked upload is processed. */
	volatile int gifProcessingPolls = 1;

	/** Page size cap of the user timeline, to exercise pagination. */
	volatile int timelinePage = 100;

	/** Holds each refresh until released (to see that one account refreshes once at a time). */
	volatile CountDownLatch holdRefresh;

	XContractServer(Clock clock) {
		this.clock = clock;
	}

	String url() {
		return api.url();
	}

	String authorizationUri() {
		return url() + "/i/oauth2/authorize";
	}

	String tokenUri() {
		return url() + "/2/oauth2/token";
	}

	/** Tokens as a finished authorization would give them, without going through the browser. */
	Map<String, String> issueTokens(Duration lifetime) {
		String access = "access-" + ids.incrementAndGet();
		String refresh = "refresh-" + ids.incrementAndGet();
		accessTokens.put(access, clock.instant().plus(lifetime));
		refreshTokens.add(refresh);
		return Map.of("accessToken", access, "refreshToken", refresh, "expiresAt", clock.instant().plus(lifetime).toString(),
				"scope", String.join(" ", SCOPES));
	}

	/** The person revoked Vitrine in X's settings: every token of the grant stops working. */
	void revokeAll() {
		accessTokens.clear();
		refreshTokens.clear();
	}

	void respondOnce(String method, String path, Responder responder) {
		api.respondOnce(method, path, responder);
	}

	/** Holds the answer longer than any client timeout: the request arrived, its answer is lost. */
	Answer hang() throws InterruptedException {
		return api.hang(Answer.json(503, json.createObjectNode().put("title", "released")));
	}

	/** Creates the post as X would, with X's answer (for a test that answers the next request itself). */
	Answer create(Request request) {
		return createPost(request);
	}

	/** Creates the post, then never answers: the request reached X, its answer is lost. */
	Answer acceptThenHang(Request request) throws InterruptedException {
		createPost(request);
		return hang();
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

	int posts() {
		return posts.size();
	}

	/** The thread from {@code headId}: its posts' texts in reply order, following each reply to the one before. */
	List<String> thread(String headId) {
		List<String> texts = new ArrayList<>();
		String at = headId;
		while (at != null) {
			String id = at;
			Post post = posts.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
			texts.add(post.text());
			List<Post> replies = posts.stream().filter(p -> id.equals(p.replyTo())).toList();
			if (replies.size() > 1) {
				throw new AssertionError("post " + id + " has " + replies.size() + " replies: a thread step was sent twice");
			}
			at = replies.isEmpty() ? null : replies.getFirst().id();
		}
		return texts;
	}

	int refreshes() {
		return refreshes.get();
	}

	/** A post published outside Vitrine, to fill the timeline. */
	void addPost(String text, Instant createdAt) {
		posts.add(new Post(Long.toString(ids.incrementAndGet()), text, createdAt, List.of(), null));
	}

	/**
	 * What X does when the person approves on its authorization page: checks the request as X's
	 * documentation describes it, then sends the person back with a code.
	 */
	String approve(String authorizeUrl) {
		URI uri = URI.create(authorizeUrl);
		Map<String, String> query = RequestBodies.query(uri.getRawQuery());
		List<String> problems = new ArrayList<>();
		expect(query, "response_type", "code", problems);
		expect(query, "client_id", CLIENT_ID, problems);
		expect(query, "code_challenge_method", "S256", problems);
		if (query.getOrDefault("code_challenge", "").length() < 43) {
			problems.add("code_challenge missing or too short");
		}
		if (query.getOrDefault("state", "").isBlank()) {
			problems.add("state missing");
		}
		Set<String> scopes = Set.of(query.getOrDefault("scope", "").split(" "));
		if (!scopes.equals(SCOPES)) {
			problems.add("scope " + scopes + " is not " + SCOPES);
		}
		if (!problems.isEmpty()) {
			api.report("authorize: " + problems);
			throw new IllegalStateException("authorize: " + problems);
		}
		String code = "code-" + ids.incrementAndGet();
		grants.put(code, new Grant(query.get("redirect_uri"), query.get("code_challenge"), scopes));
		return query.get("redirect_uri") + "?state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8) + "&code="
				+ code;
	}

	private static void expect(Map<String, String> query, String name, String value, List<String> problems) {
		if (!value.equals(query.get(name))) {
			problems.add(name + " is " + query.get(name) + ", not " + value);
		}
	}

	private Answer handle(Request recorded, Optional<Responder> override) throws Exception {
		if (recorded.path().startsWith("/i/oauth2/")) {
			return authorizePage(recorded);
		}
		if (!recorded.path().startsWith("/2/")) {
			return Answer.empty(404); // a browser's /favicon.ico
		}
		if (recorded.path().equals("/2/oauth2/token")) {
			return override.isPresent() ? override.get().answer(recorded) : token(recorded);
		}
		checkRequest(recorded, Optional.ofNullable(recorded.header("Content-Type")).orElse(""));
		Answer answer = override.isPresent() ? override.get().answer(recorded) : behave(recorded);
		checkAnswer(recorded, answer);
		return answer;
	}

	private void checkRequest(Request r, String contentType) {
		String where = r.method() + " " + r.path();
		Optional<JsonNode> found = spec.operation(r.method(), r.path());
		if (found.isEmpty()) {
			api.report(where + " is not in the X API description");
			return;
		}
		JsonNode op = found.get();
		String authorization = Optional.ofNullable(r.header("Authorization")).orElse("");
		if (!spec.acceptsUserToken(op) || !authorization.startsWith("Bearer ")) {
			api.report(where + ": no OAuth 2 user token (Authorization: Bearer)");
		}
		Set<String> declared = new LinkedHashSet<>();
		for (JsonNode parameter : spec.parameters(op, "query")) {
			String name = parameter.path("name").asString();
			declared.add(name);
			if (parameter.path("required").asBoolean(false) && !r.query().containsKey(name)) {
				api.report(where + ": required query parameter '" + name + "' missing");
			}
			String value = r.query().get(name);
			if (value != null) {
				JsonNode schema = spec.resolve(parameter.path("schema"));
				List<String> problems = new ArrayList<>();
				if ("array".equals(schema.path("type").asString(""))) {
					for (String item : value.split(",")) {
						spec.checkString(schema.path("items"), item, where + " query " + name, problems);
					}
				}
				else if ("integer".equals(schema.path("type").asString(""))) {
					int n = Integer.parseInt(value);
					if (schema.has("minimum") && n < schema.path("minimum").asInt() || schema.has("maximum") && n > schema.path("maximum").asInt()) {
						problems.add(where + " query " + name + ": " + n + " out of range");
					}
				}
				else {
					spec.checkString(schema, value, where + " query " + name, problems);
				}
				api.reportAll(problems);
			}
		}
		r.query().keySet().stream().filter(name -> !declared.contains(name))
			.forEach(name -> api.report(where + ": undeclared query parameter '" + name + "'"));
		Set<String> types = spec.requestContentTypes(op);
		if (op.path("requestBody").path("required").asBoolean(false) && r.body().length == 0) {
			api.report(where + ": request body required");
		}
		if (r.body().length > 0) {
			String sent = contentType.split(";")[0].strip();
			if (!types.contains(sent)) {
				api.report(where + ": content type '" + sent + "' not in " + types);
			}
		}
		if (r.json() != null) {
			api.reportAll(spec.problems(spec.requestSchema(op, "application/json"), r.json(), where + " JSON"));
		}
		if (!r.parts().isEmpty()) {
			JsonNode schema = spec.requestSchema(op, "multipart/form-data");
			for (JsonNode required : schema.path("required")) {
				if (!r.parts().containsKey(required.asString())) {
					api.report(where + " multipart: missing required '" + required.asString() + "'");
				}
			}
			for (Part part : r.parts().values()) {
				JsonNode field = spec.resolve(schema.path("properties").path(part.name()));
				if (field.isMissingNode()) {
					api.report(where + " multipart: undeclared '" + part.name() + "'");
				}
				else if ("string".equals(field.path("type").asString(""))) {
					List<String> problems = new ArrayList<>();
					spec.checkString(field, part.text(), where + " multipart " + part.name(), problems);
					api.reportAll(problems);
				}
				else if ("integer".equals(field.path("type").asString("")) && !part.text().matches("\\d+")) {
					api.report(where + " multipart " + part.name() + ": not an integer");
				}
			}
		}
	}

	private void checkAnswer(Request r, Answer answer) {
		if (answer.body().isEmpty() || answer.status() == 503 && answer.body().contains("released")) {
			return;
		}
		spec.operation(r.method(), r.path()).ifPresent(op -> {
			String type = answer.headers().getOrDefault("Content-Type", "application/json").split(";")[0].strip();
			Optional<JsonNode> schema = spec.answerSchema(op, answer.status(), type);
			if (schema.isEmpty()) {
				api.report(r.method() + " " + r.path() + ": answer " + answer.status() + " " + type + " is not described");
				return;
			}
			api.reportAll(spec.problems(schema.get(), json.readTree(answer.body()),
					"answer of " + r.method() + " " + r.path() + " (" + answer.status() + ")"));
		});
	}

	/** X's authorization page, reduced to its one button. */
	private Answer authorizePage(Request r) {
		if (r.path().equals("/i/oauth2/authorize")) {
			String approveUrl = url() + "/i/oauth2/approve?" + URLEncoder.encode(url() + r.path() + "?" + rawQuery(r), StandardCharsets.UTF_8);
			String page = "<!DOCTYPE html><html><head><title>Authorize app</title></head><body><main>"
					+ "<h1>Vitrine wants to access your X account</h1>"
					+ "<a id=\"approve\" role=\"button\" href=\"" + approveUrl.replace("&", "&amp;") + "\">Authorize app</a>"
					+ "</main></body></html>";
			return new Answer(200, Map.of("Content-Type", "text/html; charset=utf-8"), page);
		}
		String authorize = r.query().keySet().iterator().next(); // already decoded once, as a query name
		return new Answer(302, Map.of("Location", approve(authorize)), "");
	}

	private static String rawQuery(Request r) {
		StringBuilder out = new StringBuilder();
		r.query().forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
			.append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
		return out.toString();
	}

	private Answer token(Request r) throws Exception {
		String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		if (!expected.equals(r.header("Authorization"))) {
			return oauthError(401, "invalid_client", "Missing or invalid client authentication.");
		}
		if (!Optional.ofNullable(r.header("Content-Type")).orElse("").startsWith("application/x-www-form-urlencoded")) {
			api.report("token: not a form");
		}
		Map<String, String> form = r.form();
		switch (form.getOrDefault("grant_type", "")) {
			case "authorization_code" -> {
				Grant grant = grants.remove(form.getOrDefault("code", ""));
				if (grant == null || !grant.redirectUri().equals(form.get("redirect_uri"))
						|| !challenge(form.getOrDefault("code_verifier", "")).equals(grant.challenge())) {
					return oauthError(400, "invalid_request", "Value passed for the authorization code was invalid.");
				}
				return tokens(grant.scopes());
			}
			case "refresh_token" -> {
				refreshes.incrementAndGet();
				CountDownLatch hold = holdRefresh;
				if (hold != null) {
					hold.await(10, TimeUnit.SECONDS);
				}
				// Rotation: the refresh token works once.
				if (!refreshTokens.remove(form.getOrDefault("refresh_token", ""))) {
					return oauthError(400, "invalid_request", "Value passed for the token was invalid.");
				}
				return tokens(SCOPES);
			}
			default -> {
				return oauthError(400, "unsupported_grant_type", "grant_type is not supported");
			}
		}
	}

	private Answer tokens(Set<String> scopes) {
		String access = "access-" + ids.incrementAndGet();
		String refresh = "refresh-" + ids.incrementAndGet();
		accessTokens.put(access, clock.instant().plusSeconds(7200));
		refreshTokens.add(refresh);
		ObjectNode answer = json.createObjectNode().put("token_type", "bearer").put("expires_in", 7200)
			.put("access_token", access).put("scope", String.join(" ", scopes)).put("refresh_token", refresh);
		return Answer.json(200, answer);
	}

	Answer oauthError(int status, String error, String description) {
		return Answer.json(status, json.createObjectNode().put("error", error).put("error_description", description));
	}

	private static String challenge(String verifier) throws Exception {
		return Base64.getUrlEncoder().withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
	}

	private Answer behave(Request r) {
		String token = Optional.ofNullable(r.header("Authorization")).orElse("").replaceFirst("^Bearer ", "");
		Instant expires = accessTokens.get(token);
		if (expires == null || !expires.isAfter(clock.instant())) {
			return unauthorized();
		}
		String route = r.method() + " " + r.path();
		if (route.equals("GET /2/users/me")) {
			ObjectNode answer = json.createObjectNode();
			answer.putObject("data").put("id", USER_ID).put("name", "Boulangerie Martin").put("username", USERNAME);
			return Answer.json(200, answer);
		}
		if (route.equals("POST /2/tweets")) {
			return createPost(r);
		}
		if (route.equals("POST /2/media/upload")) {
			return media(200, newMediaId(), null, r.parts().get("media").content().length);
		}
		if (route.equals("POST /2/media/upload/initialize")) {
			ObjectNode answer = json.createObjectNode();
			String id = newMediaId();
			answer.putObject("data").put("id", id).put("media_key", mediaKeys.get(id)).put("expires_after_secs", 86400);
			return Answer.json(200, answer);
		}
		if (r.path().matches("/2/media/upload/\\d+/append")) {
			ObjectNode answer = json.createObjectNode();
			answer.putObject("data").put("expires_at", clock.instant().plus(Duration.ofDays(1)).getEpochSecond());
			return Answer.json(200, answer);
		}
		if (r.path().matches("/2/media/upload/\\d+/finalize")) {
			String id = r.path().split("/")[4];
			processingPolls.put(id, gifProcessingPolls);
			return media(200, id, gifProcessingPolls > 0 ? "pending" : "succeeded", 0);
		}
		if (route.equals("GET /2/media/upload")) {
			String id = r.query().get("media_id");
			int left = processingPolls.merge(id, -1, Integer::sum);
			return media(200, id, left > 0 ? "in_progress" : "succeeded", 0);
		}
		if (route.equals("POST /2/media/metadata")) {
			ObjectNode answer = json.createObjectNode();
			ObjectNode data = answer.putObject("data").put("id", r.json().path("id").asString());
			data.set("associated_metadata", r.json().path("metadata"));
			return Answer.json(200, answer);
		}
		if (r.method().equals("GET") && r.path().matches("/2/users/\\d+/tweets")) {
			return timeline(r);
		}
		return Answer.problem(404, problem("https://api.x.com/2/problems/resource-not-found", "Not Found Error",
				"Could not find " + route).put("resource_type", "route"));
	}

	private Answer createPost(Request r) {
		Instant now = clock.instant();
		long recent = posts.stream().filter(p -> p.createdAt().isAfter(now.minus(Duration.ofMinutes(15)))).count();
		long reset = now.plus(Duration.ofMinutes(15)).getEpochSecond();
		if (recent >= postsPerWindow) {
			// The Error shape of the description, with X's code 88 (https://docs.x.com/fundamentals/rate-limits).
			return Answer.json(429, error(88, "Rate limit exceeded"))
				.with("x-rate-limit-limit", Integer.toString(postsPerWindow))
				.with("x-rate-limit-remaining", "0")
				.with("x-rate-limit-reset", Long.toString(reset));
		}
		List<String> keys = new ArrayList<>();
		r.json().path("media").path("media_ids").forEach(id -> keys.add(mediaKeys.getOrDefault(id.asString(), "3_" + id.asString())));
		String text = r.json().path("text").asString("");
		String replyTo = r.json().path("reply").path("in_reply_to_tweet_id").asString(null);
		if (replyTo != null && posts.stream().noneMatch(p -> p.id().equals(replyTo))) {
			// What X answers a reply to a post that does not exist (or is not visible): a 400 Problem.
			return Answer.problem(400, problem("https://api.x.com/2/problems/invalid-request", "Invalid Request",
					"One or more parameters to your request was invalid."));
		}
		Post post = new Post(Long.toString(ids.incrementAndGet()), text, now, keys, replyTo);
		posts.add(post);
		ObjectNode answer = json.createObjectNode();
		ObjectNode data = answer.putObject("data").put("id", post.id()).put("text", asReturned(post));
		data.putArray("edit_history_post_ids").add(post.id());
		return Answer.json(201, answer)
			.with("x-rate-limit-limit", Integer.toString(postsPerWindow))
			.with("x-rate-limit-remaining", Long.toString(postsPerWindow - recent - 1))
			.with("x-rate-limit-reset", Long.toString(reset));
	}

	/** X returns links as t.co links, the media's own t.co link appended, and &, <, > escaped. */
	private static final Pattern LINK = Pattern.compile("https?://\\S+");

	private String asReturned(Post post) {
		String text = LINK.matcher(post.text()).replaceAll("https://t.co/abc123XYZ")
			.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
		return post.mediaKeys().isEmpty() ? text : text + " https://t.co/mEdIa01";
	}

	private Answer timeline(Request r) {
		Instant since = r.query().containsKey("start_time") ? Instant.parse(r.query().get("start_time")) : Instant.EPOCH;
		long sinceId = Long.parseLong(r.query().getOrDefault("since_id", "0"));
		boolean noReplies = Set.of(r.query().getOrDefault("exclude", "").split(",")).contains("replies");
		boolean conversation = Set.of(r.query().getOrDefault("post.fields", "").split(",")).contains("conversation_id");
		int size = Math.min(timelinePage, Integer.parseInt(r.query().getOrDefault("max_results", "10")));
		List<Post> newestFirst = new ArrayList<>(posts.stream().filter(p -> !p.createdAt().isBefore(since))
			.filter(p -> Long.parseLong(p.id()) > sinceId).filter(p -> !(noReplies && p.replyTo() != null)).toList());
		java.util.Collections.reverse(newestFirst);
		int from = r.query().containsKey("pagination_token") ? Integer.parseInt(r.query().get("pagination_token").substring(1)) : 0;
		List<Post> page = newestFirst.subList(Math.min(from, newestFirst.size()), Math.min(from + size, newestFirst.size()));
		ObjectNode answer = json.createObjectNode();
		ArrayNode data = answer.putArray("data");
		for (Post post : page) {
			ObjectNode item = data.addObject().put("id", post.id()).put("text", asReturned(post))
				.put("created_at", post.createdAt().truncatedTo(ChronoUnit.MILLIS).toString());
			item.putArray("edit_history_post_ids").add(post.id());
			if (conversation) {
				item.put("conversation_id", root(post));
			}
			if (!post.mediaKeys().isEmpty()) {
				ArrayNode keys = item.putObject("attachments").putArray("media_keys");
				post.mediaKeys().forEach(keys::add);
			}
		}
		ObjectNode meta = answer.putObject("meta").put("result_count", page.size());
		if (!page.isEmpty()) {
			meta.put("newest_id", page.get(0).id()).put("oldest_id", page.get(page.size() - 1).id());
		}
		if (from + size < newestFirst.size()) {
			meta.put("next_token", "p" + (from + size));
		}
		if (page.isEmpty()) {
			answer.remove("data");
		}
		return Answer.json(200, answer);
	}

	/** A conversation is named after its first post: the reply chain followed up to its root. */
	private String root(Post post) {
		Post at = post;
		while (at.replyTo() != null) {
			String parent = at.replyTo();
			at = posts.stream().filter(p -> p.id().equals(parent)).findFirst().orElseThrow();
		}
		return at.id();
	}

	private String newMediaId() {
		String id = Long.toString(ids.incrementAndGet());
		mediaKeys.put(id, "3_" + id);
		return id;
	}

	private Answer media(int status, String id, String state, int size) {
		ObjectNode answer = json.createObjectNode();
		ObjectNode data = answer.putObject("data").put("id", id).put("media_key", mediaKeys.getOrDefault(id, "3_" + id))
			.put("expires_after_secs", 86400);
		if (size > 0) {
			data.put("size", size);
		}
		if (state != null) {
			data.putObject("processing_info").put("state", state).put("check_after_secs", 1).put("progress_percent",
					"succeeded".equals(state) ? 100 : 40);
		}
		return Answer.json(status, answer);
	}

	/** The Error shape of the description, with X's code 89 for an invalid or expired token. */
	Answer unauthorized() {
		return Answer.json(401, error(89, "Invalid or expired token."));
	}

	ObjectNode error(int code, String message) {
		return json.createObjectNode().put("code", code).put("message", message);
	}

	ObjectNode problem(String type, String title, String detail) {
		return json.createObjectNode().put("type", type).put("title", title).put("detail", detail);
	}

	JsonMapper json() {
		return json;
	}

	@Override
	public void close() {
		api.close();
	}
}
