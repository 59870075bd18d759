package io.vitrine.networks.mastodon;

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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Mastodon instance on 127.0.0.1 that follows the official API description: every request
 * Vitrine makes is checked against it (operation exists, required parameters and body fields
 * present, nothing undeclared sent), and every answer is built from the spec's schemas.
 */
final class MastodonContractServer implements AutoCloseable {

	static final String ACCOUNT_ID = "109348";

	static final String USERNAME = "alice";

	private record App(String clientId, String secret, String redirectUri, String scopes) {
	}

	private record Grant(String clientId, String redirectUri, String challenge) {
	}

	final MastodonSpec spec = MastodonSpec.load();

	private final JsonMapper json = JsonMapper.builder().build();

	private final LocalApiServer api = LocalApiServer.start(this::handle);

	private final Map<String, App> apps = new ConcurrentHashMap<>();

	private final Map<String, Grant> grants = new ConcurrentHashMap<>();

	private final Set<String> tokens = ConcurrentHashMap.newKeySet();

	private final Map<String, ObjectNode> media = new ConcurrentHashMap<>();

	private final Map<String, Integer> mediaPollsLeft = new ConcurrentHashMap<>();

	private final List<ObjectNode> statuses = new CopyOnWriteArrayList<>();

	private final Map<String, ObjectNode> byIdempotencyKey = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong(110_000_000_000_000_000L);

	volatile boolean supportsPkce = true;

	/** 202 and this many "still processing" answers before an uploaded image is ready. */
	volatile int mediaProcessingPolls = 0;

	volatile int maxCharacters = 500;

	MastodonContractServer() {
	}

	String url() {
		return api.url();
	}

	String issueToken() {
		String token = "token-" + ids.incrementAndGet();
		tokens.add(token);
		return token;
	}

	void revoke(String token) {
		tokens.remove(token);
	}

	void respondOnce(String method, String path, Responder responder) {
		api.respondOnce(method, path, responder);
	}

	/** Holds the answer until the test ends: longer than any client timeout. */
	Answer hang() throws InterruptedException {
		return api.hang(Answer.json(503, json.createObjectNode().put("error", "released")));
	}

	List<Request> requests() {
		return api.requests();
	}

	List<Request> requests(String method, String path) {
		return api.requests(method, path);
	}

	List<String> violations() {
		return api.violations();
	}

	List<ObjectNode> statuses() {
		return List.copyOf(statuses);
	}

	int registeredApps() {
		return apps.size();
	}

	/** A status published outside Vitrine, to fill the account's timeline. */
	ObjectNode addStatus(String text, Instant createdAt) {
		ObjectNode status = status(text, List.of(), createdAt);
		statuses.add(status);
		return status;
	}

	/**
	 * What the instance does when the person approves on its authorization page: checks the request
	 * against the spec and the app's registration, then gives the code for the callback.
	 */
	String approve(String authorizeUrl) {
		URI uri = URI.create(authorizeUrl);
		Map<String, String> query = RequestBodies.query(uri.getRawQuery());
		check("GET", uri.getPath(), query, Map.of(), null, new byte[0]);
		App app = apps.get(query.getOrDefault("client_id", ""));
		if (app == null || !app.redirectUri().equals(query.get("redirect_uri"))) {
			throw new IllegalStateException("authorize: unknown client or redirect_uri not registered: " + query);
		}
		if (!Set.of(app.scopes().split(" ")).containsAll(Set.of(query.getOrDefault("scope", "read").split(" ")))) {
			throw new IllegalStateException("authorize: scope is not a subset of the app's scopes");
		}
		String code = "code-" + ids.incrementAndGet();
		grants.put(code, new Grant(app.clientId(), app.redirectUri(), query.get("code_challenge")));
		return code;
	}

	private Answer handle(Request recorded, Optional<Responder> override) throws Exception {
		check(recorded.method(), recorded.path(), recorded.query(), recorded.parts(), recorded.json(), recorded.body());
		String contentType = Optional.ofNullable(recorded.header("Content-Type")).orElse("");
		if (!contentType.isEmpty() && recorded.body().length > 0) {
			checkContentType(recorded.method(), recorded.path(), contentType);
		}
		return override.isPresent() ? override.get().answer(recorded) : behave(recorded);
	}

	private void check(String method, String path, Map<String, String> query, Map<String, Part> parts, JsonNode jsonBody,
			byte[] body) {
		Optional<JsonNode> operation = spec.operation(method, path);
		if (operation.isEmpty()) {
			api.report(method + " " + path + " is not in the Mastodon API description");
			return;
		}
		JsonNode op = operation.get();
		Set<String> declaredQuery = new LinkedHashSet<>();
		for (JsonNode parameter : spec.parameters(op, "query")) {
			String name = parameter.path("name").asString();
			declaredQuery.add(name);
			if (parameter.path("required").asBoolean(false) && !query.containsKey(name)) {
				api.report(method + " " + path + ": required query parameter '" + name + "' missing");
			}
		}
		query.keySet().stream().filter(name -> !declaredQuery.contains(name))
			.forEach(name -> api.report(method + " " + path + ": undeclared query parameter '" + name + "'"));
		Set<String> contentTypes = spec.requestContentTypes(op);
		if (op.path("requestBody").path("required").asBoolean(false) && body.length == 0) {
			api.report(method + " " + path + ": request body required");
		}
		if (jsonBody != null && contentTypes.contains("application/json")) {
			Set<String> sent = new LinkedHashSet<>(jsonBody.propertyNames());
			spec.problems(spec.requestSchema(op, "application/json"), sent)
				.forEach(problem -> api.report(method + " " + path + " JSON body: " + problem));
		}
		if (!parts.isEmpty() && contentTypes.contains("multipart/form-data")) {
			spec.problems(spec.requestSchema(op, "multipart/form-data"), parts.keySet())
				.forEach(problem -> api.report(method + " " + path + " multipart body: " + problem));
		}
	}

	private void checkContentType(String method, String path, String contentType) {
		spec.operation(method, path).ifPresent(op -> {
			String sent = contentType.split(";")[0].strip();
			if (!spec.requestContentTypes(op).contains(sent)) {
				api.report(method + " " + path + ": content type " + sent + " not in " + spec.requestContentTypes(op));
			}
		});
	}

	private Answer behave(Request r) throws Exception {
		String route = r.method() + " " + r.path();
		if (route.equals("GET /api/v2/instance")) {
			return Answer.json(200, instance());
		}
		if (route.equals("GET /.well-known/oauth-authorization-server")) {
			if (!supportsPkce) {
				return error(404, "Not Found");
			}
			ObjectNode metadata = (ObjectNode) spec.example("DiscoverOauthServerConfigurationResponse200Example");
			metadata.putArray("code_challenge_methods_supported").add("S256");
			return Answer.json(200, metadata);
		}
		if (route.equals("POST /api/v1/apps")) {
			String clientId = "client-" + ids.incrementAndGet();
			String redirect = r.json().path("redirect_uris").path(0).asString();
			App app = new App(clientId, "secret-" + ids.incrementAndGet(), redirect, r.json().path("scopes").asString("read"));
			apps.put(clientId, app);
			ObjectNode answer = spec.skeleton("CredentialApplication");
			answer.put("id", Long.toString(ids.incrementAndGet())).put("name", r.json().path("client_name").asString())
				.put("client_id", clientId).put("client_secret", app.secret()).put("redirect_uri", redirect);
			answer.putArray("redirect_uris").add(redirect);
			ArrayNode scopes = answer.putArray("scopes");
			for (String scope : app.scopes().split(" ")) {
				scopes.add(scope);
			}
			return Answer.json(200, answer);
		}
		if (route.equals("POST /oauth/token")) {
			return token(r.json());
		}
		String token = bearer(r);
		if (token == null || !tokens.contains(token)) {
			return error(401, "The access token is invalid");
		}
		if (route.equals("GET /api/v1/accounts/verify_credentials")) {
			return Answer.json(200, account("CredentialAccount"));
		}
		if (route.equals("POST /api/v2/media")) {
			Part file = r.parts().get("file");
			if (file == null || file.contentType() == null) {
				return error(422, "Validation failed: File can't be blank");
			}
			String id = Long.toString(ids.incrementAndGet());
			ObjectNode attachment = spec.skeleton("MediaAttachment");
			attachment.put("id", id).put("type", "image");
			Part description = r.parts().get("description");
			attachment.put("description", description == null ? null : description.text());
			boolean processing = mediaProcessingPolls > 0;
			attachment.put("url", processing ? null : url() + "/media/" + id);
			media.put(id, attachment);
			mediaPollsLeft.put(id, mediaProcessingPolls);
			return Answer.json(processing ? 202 : 200, attachment);
		}
		if (r.method().equals("GET") && r.path().startsWith("/api/v1/media/")) {
			String id = r.path().substring("/api/v1/media/".length());
			ObjectNode attachment = media.get(id);
			if (attachment == null) {
				return error(404, "Record not found");
			}
			int left = mediaPollsLeft.merge(id, -1, Integer::sum);
			if (left >= 0) {
				return new Answer(206, Map.of(), "");
			}
			attachment.put("url", url() + "/media/" + id);
			return Answer.json(200, attachment);
		}
		if (route.equals("POST /api/v1/statuses")) {
			return postStatus(r);
		}
		if (route.equals("GET /api/v1/accounts/" + ACCOUNT_ID + "/statuses")) {
			ArrayNode list = json.createArrayNode();
			List<ObjectNode> newestFirst = new ArrayList<>(statuses);
			newestFirst.sort((a, b) -> b.path("created_at").asString().compareTo(a.path("created_at").asString()));
			int limit = Integer.parseInt(r.query().getOrDefault("limit", "20"));
			String maxId = r.query().get("max_id");
			newestFirst.stream()
				.dropWhile(s -> maxId != null && !s.path("id").asString().equals(maxId))
				.skip(maxId == null ? 0 : 1)
				.limit(limit)
				.forEach(list::add);
			return Answer.json(200, list);
		}
		return error(404, "Record not found");
	}

	private Answer token(JsonNode body) throws Exception {
		Grant grant = grants.remove(body.path("code").asString(""));
		App app = apps.get(body.path("client_id").asString(""));
		if (app == null || !app.secret().equals(body.path("client_secret").asString(""))) {
			return Answer.json(401, json.createObjectNode().put("error", "invalid_client")
				.put("error_description", "Client authentication failed due to unknown client."));
		}
		boolean verifierOk = grant == null || grant.challenge() == null || grant.challenge().equals(Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256")
				.digest(body.path("code_verifier").asString("").getBytes(StandardCharsets.US_ASCII))));
		if (grant == null || !grant.clientId().equals(app.clientId()) || !grant.redirectUri().equals(body.path("redirect_uri").asString(""))
				|| !verifierOk) {
			return Answer.json(400, json.createObjectNode().put("error", "invalid_grant").put("error_description",
					"The provided authorization grant is invalid, expired, revoked, does not match the redirection URI "
							+ "used in the authorization request, or was issued to another client."));
		}
		ObjectNode token = spec.skeleton("Token");
		token.put("access_token", issueToken()).put("token_type", "Bearer").put("scope", app.scopes())
			.put("created_at", Instant.now().getEpochSecond());
		return Answer.json(200, token);
	}

	private Answer postStatus(Request r) {
		String key = r.header("Idempotency-Key");
		if (key != null && byIdempotencyKey.containsKey(key)) {
			return Answer.json(200, byIdempotencyKey.get(key));
		}
		String text = r.json().path("status").asString("");
		List<String> mediaIds = new ArrayList<>();
		r.json().path("media_ids").forEach(id -> mediaIds.add(id.asString()));
		if (text.isBlank() && mediaIds.isEmpty()) {
			return error(422, "Validation failed: Text can't be blank");
		}
		if (text.codePointCount(0, text.length()) > maxCharacters) {
			return error(422, "Validation failed: Text character limit of " + maxCharacters + " exceeded");
		}
		for (String id : mediaIds) {
			ObjectNode attachment = media.get(id);
			if (attachment == null || attachment.path("url").isNull()) {
				return error(422, "Cannot attach files that have not finished processing. Try again in a moment!");
			}
		}
		ObjectNode status = status(text, mediaIds, Instant.now());
		statuses.add(status);
		if (key != null) {
			byIdempotencyKey.put(key, status);
		}
		return Answer.json(200, status);
	}

	private ObjectNode status(String text, List<String> mediaIds, Instant createdAt) {
		ObjectNode status = spec.skeleton("Status");
		String id = Long.toString(ids.incrementAndGet());
		status.put("id", id)
			.put("created_at", createdAt.toString())
			.put("content", html(text))
			.put("visibility", "public")
			.put("uri", url() + "/users/" + USERNAME + "/statuses/" + id)
			.put("url", url() + "/@" + USERNAME + "/" + id);
		status.set("account", account("Account"));
		ArrayNode attachments = status.putArray("media_attachments");
		mediaIds.forEach(mediaId -> attachments.add(media.get(mediaId)));
		return status;
	}

	private ObjectNode account(String schema) {
		ObjectNode account = spec.skeleton(schema);
		account.put("id", ACCOUNT_ID).put("username", USERNAME).put("acct", USERNAME).put("display_name", "Alice Martin")
			.put("url", url() + "/@" + USERNAME);
		return account;
	}

	private ObjectNode instance() {
		ObjectNode instance = (ObjectNode) spec.example("Instance200Example");
		instance.put("domain", "social.example");
		ObjectNode statusesConfig = (ObjectNode) instance.path("configuration").path("statuses");
		statusesConfig.put("max_characters", maxCharacters);
		return instance;
	}

	/** Mastodon's rendering: escaped text in paragraphs and line breaks, remote mentions shown as @user. */
	private static String html(String text) {
		String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
			.replace("'", "&#39;");
		escaped = MastodonTextLength.MENTION.matcher(escaped).replaceAll(m ->
				"<span class=\"h-card\"><a href=\"https://elsewhere.example/@" + m.group(2)
						+ "\" class=\"u-url mention\">@<span>" + m.group(2) + "</span></a></span>");
		return "<p>" + escaped.replace("\n\n", "</p><p>").replace("\n", "<br />") + "</p>";
	}

	Answer error(int status, String message) {
		return Answer.json(status, json.createObjectNode().put("error", message));
	}

	private static String bearer(Request r) {
		String authorization = r.header("Authorization");
		return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
	}

	@Override
	public void close() {
		api.close();
	}
}
