package io.vitrine.networks.tiktok;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vitrine.testsupport.RequestBodies;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TikTok's API v2 on 127.0.0.1, answering as its documentation says:
 * <ul>
 * <li>token endpoint, code and refresh grants, rotation: https://developers.tiktok.com/doc/oauth-user-access-token-management,
 * errors https://developers.tiktok.com/doc/oauth-error-handling;</li>
 * <li>user info: https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info;</li>
 * <li>creator info: https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info;</li>
 * <li>video init (6 per minute per token), photo init, chunk upload with Content-Range (206, then 201):
 * https://developers.tiktok.com/doc/content-posting-api-reference-direct-post,
 * https://developers.tiktok.com/doc/content-posting-api-reference-photo-post,
 * https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide;</li>
 * <li>status fetch: https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status;</li>
 * <li>video list: https://developers.tiktok.com/doc/tiktok-api-v2-video-list;</li>
 * <li>errors {@code {"data":{}, "error":{"code","message","log_id"}}} with the documented HTTP statuses:
 * https://developers.tiktok.com/doc/tiktok-api-v2-error-handling.</li>
 * </ul>
 * Anything sent outside those pages is recorded as a violation.
 */
final class TikTokApiServer implements AutoCloseable {

	static final String CLIENT_KEY = "awvitrinetest01";

	static final String CLIENT_SECRET = "tiktok-secret";

	static final String OPEN_ID = "_000Fy3vitrineOpenId";

	static final String USERNAME = "boulangerie.lumiere";

	static final String NICKNAME = "Boulangerie Lumière";

	static final Duration ACCESS_LIFETIME = Duration.ofHours(24);

	record Recorded(String method, String path, Map<String, String> query, Map<String, List<String>> headers, byte[] body) {

		String header(String name) {
			return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
				.map(e -> e.getValue().get(0)).orElse(null);
		}

		String bearer() {
			return Optional.ofNullable(header("Authorization")).orElse("").replaceFirst("^Bearer ", "");
		}

		JsonNode json() {
			return JSON.readTree(body);
		}

		Map<String, String> form() {
			return RequestBodies.query(new String(body, StandardCharsets.UTF_8));
		}
	}

	record Answer(int status, String body, Map<String, String> headers) {

		Answer(int status, String body) {
			this(status, body, Map.of("Content-Type", "application/json; charset=UTF-8"));
		}
	}

	interface Responder {

		Answer answer(Recorded request) throws Exception;
	}

	/** A post as TikTok holds it. */
	static final class Post {

		final String publishId;

		final String kind;

		final long size;

		final ByteArrayOutputStream received = new ByteArrayOutputStream();

		final String caption;

		final Instant created;

		String postId;

		int fetches;

		Post(String publishId, String kind, long size, String caption, Instant created) {
			this.publishId = publishId;
			this.kind = kind;
			this.size = size;
			this.caption = caption;
			this.created = created;
		}

		boolean complete() {
			return kind.equals("PHOTO") || received.size() == size;
		}
	}

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

	private final HttpServer server;

	private final Clock clock;

	private final List<Recorded> requests = new CopyOnWriteArrayList<>();

	private final List<String> violations = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Responder>> overrides = new ConcurrentHashMap<>();

	private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();

	private final Map<String, Boolean> refreshTokens = new ConcurrentHashMap<>();

	private final Map<String, String> codes = new ConcurrentHashMap<>();

	private final Map<String, Post> posts = new ConcurrentHashMap<>();

	private final Map<String, List<Instant>> inits = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong(7_350_000_000_000_000_000L);

	private final CountDownLatch release = new CountDownLatch(1);

	volatile List<String> privacyOptions = List.of("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY");

	volatile int maxVideoSeconds = 300;

	volatile boolean commentDisabled = true;

	TikTokApiServer(Clock clock) {
		this.clock = clock;
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		server.createContext("/", this::handle);
		server.setExecutor(Executors.newCachedThreadPool());
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	String authorizationUri() {
		return url() + "/v2/auth/authorize/";
	}

	/** The person approves on TikTok: a code for this redirect URI. */
	String issueCode(String redirectUri) {
		String code = "code-" + ids.incrementAndGet();
		codes.put(code, redirectUri);
		return code;
	}

	/**
	 * The person approves Vitrine on TikTok (Login Kit for Web): the authorization request is checked, and they are
	 * sent back to redirect_uri with a code, the granted scopes and the state.
	 */
	String approve(String authorizeUrl) {
		java.net.URI uri = java.net.URI.create(authorizeUrl);
		Map<String, String> query = RequestBodies.query(uri.getRawQuery());
		expect(uri.getPath(), "/v2/auth/authorize/", "authorization path");
		expect(query.get("client_key"), CLIENT_KEY, "authorization client_key");
		expect(query.get("response_type"), "code", "authorization response_type");
		expect(query.get("scope"), "user.info.basic,video.publish,video.list", "authorization scope");
		if (query.containsKey("client_id")) {
			violations.add("Login Kit takes client_key, not client_id");
		}
		String code = issueCode(query.get("redirect_uri"));
		return query.get("redirect_uri") + "?code=" + code + "&scopes=" + query.get("scope") + "&state=" + query.get("state");
	}

	/** Tokens as a finished sign-in leaves them: an access token valid {@code validFor}, and its refresh token. */
	String[] issueTokens(Duration validFor) {
		String access = "act." + ids.incrementAndGet();
		String refresh = "rft." + ids.incrementAndGet();
		accessTokens.put(access, clock.instant().plus(validFor));
		refreshTokens.put(refresh, true);
		return new String[] {access, refresh};
	}

	void revokeRefresh(String refresh) {
		refreshTokens.put(refresh, false);
	}

	void respondOnce(String method, String path, Responder responder) {
		overrides.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).add(responder);
	}

	/** Applies the request, then never answers: the client's read times out. */
	Answer acceptThenHang(Recorded request) throws Exception {
		behave(request);
		release.await(30, TimeUnit.SECONDS);
		return error(503, "internal_error", "released");
	}

	List<Recorded> requests(String method, String path) {
		return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
	}

	List<Recorded> requests() {
		return List.copyOf(requests);
	}

	List<String> violations() {
		return List.copyOf(violations);
	}

	List<Post> posts() {
		return List.copyOf(posts.values());
	}

	/** The documented error shape, with the documented status. */
	static Answer error(int status, String code, String message) {
		ObjectNode body = JSON.createObjectNode();
		body.putObject("data");
		ObjectNode error = body.putObject("error");
		error.put("code", code);
		error.put("message", message);
		error.put("log_id", "202611220700000A1B2C3D4E5F");
		return new Answer(status, body.toString());
	}

	private static Answer ok(ObjectNode data) {
		ObjectNode body = JSON.createObjectNode();
		body.set("data", data);
		ObjectNode error = body.putObject("error");
		error.put("code", "ok");
		error.put("message", "");
		error.put("log_id", "202611220700000A1B2C3D4E5F");
		return new Answer(200, body.toString());
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			Recorded request = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					RequestBodies.query(exchange.getRequestURI().getRawQuery()), Map.copyOf(exchange.getRequestHeaders()),
					exchange.getRequestBody().readAllBytes());
			requests.add(request);
			Answer answer;
			try {
				Deque<Responder> queue = overrides.get(request.method() + " " + request.path());
				Responder override = queue == null ? null : queue.poll();
				answer = override != null ? override.answer(request) : behave(request);
			}
			catch (Exception e) {
				violations.add(e.toString());
				answer = error(500, "internal_error", e.toString());
			}
			byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
			answer.headers().forEach(exchange.getResponseHeaders()::add);
			exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
			if (bytes.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			}
		}
	}

	Answer behave(Recorded request) {
		String route = request.method() + " " + request.path();
		return switch (route) {
			case "GET /favicon.ico" -> new Answer(404, "", Map.of()); // the browser's own request on the consent page
			case "GET /v2/auth/authorize/" -> consentPage(request);
			case "GET /v2/auth/authorize/continue" -> new Answer(302, "", Map.of("Location", approve(request.query().get("next"))));
			case "POST /v2/oauth/token/" -> token(request);
			case "GET /v2/user/info/" -> authorized(request, () -> userInfo(request));
			case "POST /v2/post/publish/creator_info/query/" -> authorized(request, this::creatorInfo);
			case "POST /v2/post/publish/video/init/" -> authorized(request, () -> initVideo(request));
			case "POST /v2/post/publish/content/init/" -> authorized(request, () -> initPhotos(request));
			case "PUT /upload/" -> upload(request);
			case "POST /v2/post/publish/status/fetch/" -> authorized(request, () -> status(request));
			case "POST /v2/video/list/" -> authorized(request, () -> videoList(request));
			default -> {
				violations.add("undocumented route " + route);
				yield error(404, "invalid_params", "no such endpoint");
			}
		};
	}

	/** TikTok's authorization window, reduced to its "Continue" button. */
	private Answer consentPage(Recorded request) {
		StringBuilder original = new StringBuilder(url() + request.path() + "?");
		request.query().forEach((k, v) -> original.append(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
			.append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
		String go = url() + "/v2/auth/authorize/continue?next=" + java.net.URLEncoder.encode(original.toString(), StandardCharsets.UTF_8);
		String page = "<!DOCTYPE html><html><head><title>TikTok</title></head><body><main><h1>Vitrine would like to access your "
				+ "TikTok account</h1><a role=\"button\" href=\"" + go.replace("&", "&amp;") + "\">Continue</a></main></body></html>";
		return new Answer(200, page, Map.of("Content-Type", "text/html; charset=utf-8"));
	}

	private Answer token(Recorded request) {
		// a charset parameter is a valid part of the media type
		expect(Optional.ofNullable(request.header("Content-Type")).orElse("").replaceFirst(";.*", ""),
				"application/x-www-form-urlencoded", "token Content-Type");
		Map<String, String> form = request.form();
		if (!CLIENT_KEY.equals(form.get("client_key")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
			violations.add("token request without the app's client_key and client_secret: " + form.keySet());
			return oauthError(401, "invalid_client", "Client key or secret is incorrect.");
		}
		if (form.containsKey("client_id")) {
			violations.add("TikTok names the client client_key, not client_id");
		}
		String grant = form.getOrDefault("grant_type", "");
		if (grant.equals("authorization_code")) {
			String redirect = codes.remove(form.getOrDefault("code", ""));
			if (redirect == null || !redirect.equals(form.get("redirect_uri"))) {
				return oauthError(400, "invalid_grant", "Authorization code is expired.");
			}
			String[] tokens = issueTokens(ACCESS_LIFETIME);
			return tokenAnswer(tokens);
		}
		if (grant.equals("refresh_token")) {
			if (!Boolean.TRUE.equals(refreshTokens.get(form.getOrDefault("refresh_token", "")))) {
				return oauthError(400, "invalid_grant", "Refresh token is invalid or expired.");
			}
			refreshTokens.put(form.get("refresh_token"), false); // rotated: the old one stops working
			return tokenAnswer(issueTokens(ACCESS_LIFETIME));
		}
		violations.add("unknown grant_type " + grant);
		return oauthError(400, "unsupported_grant_type", "Grant type is not supported.");
	}

	private static Answer tokenAnswer(String[] tokens) {
		ObjectNode body = JSON.createObjectNode();
		body.put("access_token", tokens[0]);
		body.put("expires_in", ACCESS_LIFETIME.toSeconds());
		body.put("open_id", OPEN_ID);
		body.put("refresh_expires_in", 31_536_000);
		body.put("refresh_token", tokens[1]);
		body.put("scope", "user.info.basic,video.publish,video.list");
		body.put("token_type", "Bearer");
		return new Answer(200, body.toString());
	}

	static Answer oauthError(int status, String error, String description) {
		ObjectNode body = JSON.createObjectNode();
		body.put("error", error);
		body.put("error_description", description);
		body.put("log_id", "20261122070000OAUTHLOG");
		return new Answer(status, body.toString());
	}

	private Answer authorized(Recorded request, java.util.function.Supplier<Answer> then) {
		Instant expires = accessTokens.get(request.bearer());
		if (expires == null || !expires.isAfter(clock.instant())) {
			return error(401, "access_token_invalid", "The access token is invalid or not found in the request.");
		}
		return then.get();
	}

	private Answer userInfo(Recorded request) {
		expect(request.query().get("fields"), "open_id,avatar_url,display_name", "user info fields");
		ObjectNode data = JSON.createObjectNode();
		ObjectNode user = data.putObject("user");
		user.put("open_id", OPEN_ID);
		user.put("avatar_url", "https://p16-sign.tiktokcdn-us.com/avatar.jpeg");
		user.put("display_name", NICKNAME);
		return ok(data);
	}

	private Answer creatorInfo() {
		ObjectNode data = JSON.createObjectNode();
		data.put("creator_avatar_url", "https://lf16-tt4d.tiktokcdn.com/avatar.jpeg");
		data.put("creator_username", USERNAME);
		data.put("creator_nickname", NICKNAME);
		privacyOptions.forEach(data.putArray("privacy_level_options")::add);
		data.put("comment_disabled", commentDisabled);
		data.put("duet_disabled", false);
		data.put("stitch_disabled", true);
		data.put("max_video_post_duration_sec", maxVideoSeconds);
		return ok(data);
	}

	/** 6 inits per minute per token, video and photo alike. */
	private Optional<Answer> rateLimited(Recorded request) {
		List<Instant> recent = inits.computeIfAbsent(request.bearer(), k -> new CopyOnWriteArrayList<>());
		Instant now = clock.instant();
		recent.removeIf(at -> !at.isAfter(now.minus(Duration.ofMinutes(1))));
		if (recent.size() >= 6) {
			return Optional.of(error(429, "rate_limit_exceeded", "The API rate limit was exceeded. Please try again later."));
		}
		recent.add(now);
		return Optional.empty();
	}

	private Answer initVideo(Recorded request) {
		expect(request.header("Content-Type"), "application/json; charset=UTF-8", "init Content-Type");
		Optional<Answer> limited = rateLimited(request);
		if (limited.isPresent()) {
			return limited.get();
		}
		JsonNode body = request.json();
		JsonNode post = body.path("post_info");
		Optional<Answer> bad = checkPostInfo(post, post.path("title").asString(""), 2200);
		if (bad.isPresent()) {
			return bad.get();
		}
		JsonNode source = body.path("source_info");
		if (!source.path("source").asString("").equals("FILE_UPLOAD")) {
			return error(400, "invalid_params", "source must be FILE_UPLOAD or PULL_FROM_URL");
		}
		long size = source.path("video_size").asLong(-1);
		long chunk = source.path("chunk_size").asLong(-1);
		long count = source.path("total_chunk_count").asLong(-1);
		boolean whole = size < 5L * 1024 * 1024 && chunk == size && count == 1;
		boolean chunked = chunk >= 5L * 1024 * 1024 && chunk <= 64L * 1024 * 1024 && count == size / chunk;
		if (size <= 0 || !(whole || chunked)) {
			return error(400, "invalid_params", "video_size, chunk_size and total_chunk_count disagree");
		}
		String publishId = "v_pub_file~v2-1." + ids.incrementAndGet();
		posts.put(publishId, new Post(publishId, "VIDEO", size, post.path("title").asString(""), clock.instant()));
		ObjectNode data = JSON.createObjectNode();
		data.put("publish_id", publishId);
		data.put("upload_url", url() + "/upload/?upload_id=" + publishId.substring(publishId.indexOf('.') + 1)
				+ "&upload_token=tok" + publishId.hashCode());
		return ok(data);
	}

	private Answer initPhotos(Recorded request) {
		expect(request.header("Content-Type"), "application/json; charset=UTF-8", "init Content-Type");
		Optional<Answer> limited = rateLimited(request);
		if (limited.isPresent()) {
			return limited.get();
		}
		JsonNode body = request.json();
		expect(body.path("post_mode").asString(""), "DIRECT_POST", "post_mode");
		expect(body.path("media_type").asString(""), "PHOTO", "media_type");
		JsonNode post = body.path("post_info");
		Optional<Answer> bad = checkPostInfo(post, post.path("description").asString(""), 4000);
		if (bad.isPresent()) {
			return bad.get();
		}
		JsonNode source = body.path("source_info");
		JsonNode images = source.path("photo_images");
		if (!source.path("source").asString("").equals("PULL_FROM_URL") || !images.isArray() || images.isEmpty()
				|| images.size() > 35 || source.path("photo_cover_index").asInt(-1) >= images.size()) {
			return error(400, "invalid_params", "photo_images must hold 1 to 35 URLs and photo_cover_index one of them");
		}
		for (JsonNode image : images) {
			if (!image.asString("").startsWith("http")) {
				return error(400, "invalid_params", "photo_images must be URLs");
			}
		}
		String publishId = "p_pub_url~v2." + ids.incrementAndGet();
		posts.put(publishId, new Post(publishId, "PHOTO", 0, post.path("description").asString(""), clock.instant()));
		ObjectNode data = JSON.createObjectNode();
		data.put("publish_id", publishId);
		return ok(data);
	}

	private Optional<Answer> checkPostInfo(JsonNode post, String caption, int max) {
		if (caption.length() > max) {
			return Optional.of(error(400, "invalid_params", "title is too long"));
		}
		String privacy = post.path("privacy_level").asString("");
		if (!privacyOptions.contains(privacy)) {
			return Optional.of(error(400, "privacy_level_option_mismatch",
					"privacy_level is not among the creator's privacy_level_options"));
		}
		if (commentDisabled && !post.path("disable_comment").asBoolean(false)) {
			violations.add("comments were enabled on a post of a creator who disabled them");
		}
		return Optional.empty();
	}

	private Answer upload(Recorded request) {
		String uploadId = request.query().get("upload_id");
		Post post = posts.values().stream().filter(p -> p.publishId.endsWith("." + uploadId)).findFirst().orElse(null);
		if (post == null || request.query().get("upload_token") == null) {
			violations.add("upload to an unknown upload_url");
			return error(404, "invalid_params", "unknown upload");
		}
		if (request.header("Authorization") != null) {
			violations.add("the upload_url takes no Authorization header");
		}
		expect(request.header("Content-Type"), "video/mp4", "upload Content-Type");
		Matcher range = RANGE.matcher(Optional.ofNullable(request.header("Content-Range")).orElse(""));
		if (!range.matches() || Long.parseLong(range.group(1)) != post.received.size()
				|| Long.parseLong(range.group(2)) != post.received.size() + request.body().length - 1
				|| Long.parseLong(range.group(3)) != post.size) {
			violations.add("Content-Range " + request.header("Content-Range") + " for bytes from " + post.received.size());
			return error(400, "invalid_file_upload", "Content-Range does not follow the uploaded bytes");
		}
		post.received.writeBytes(request.body());
		return new Answer(post.complete() ? 201 : 206, "");
	}

	private Answer status(Recorded request) {
		Post post = posts.get(request.json().path("publish_id").asString(""));
		if (post == null) {
			return error(400, "invalid_params", "publish_id not found");
		}
		ObjectNode data = JSON.createObjectNode();
		post.fetches++;
		if (!post.complete()) {
			data.put("status", "PROCESSING_UPLOAD");
			data.put("uploaded_bytes", post.received.size());
		}
		else if (post.fetches == 1) {
			data.put("status", post.kind.equals("PHOTO") ? "PROCESSING_DOWNLOAD" : "PROCESSING_UPLOAD");
		}
		else {
			if (post.postId == null) {
				post.postId = Long.toString(ids.incrementAndGet());
			}
			data.put("status", "PUBLISH_COMPLETE");
			data.putArray("publicaly_available_post_id").add(Long.parseLong(post.postId));
		}
		return ok(data);
	}

	private Answer videoList(Recorded request) {
		expect(request.query().get("fields"), "id,title,video_description,create_time,share_url", "video list fields");
		ObjectNode data = JSON.createObjectNode();
		var videos = data.putArray("videos");
		List<Post> newestFirst = new ArrayList<>(posts.values());
		newestFirst.sort((a, b) -> b.created.compareTo(a.created));
		for (Post post : newestFirst) {
			if (post.postId == null) {
				post.postId = Long.toString(ids.incrementAndGet());
			}
			ObjectNode video = videos.addObject();
			video.put("id", post.postId);
			video.put("title", post.caption);
			video.put("video_description", post.caption);
			video.put("create_time", post.created.getEpochSecond());
			video.put("share_url", "https://www.tiktok.com/@" + USERNAME + "/video/" + post.postId);
		}
		data.put("cursor", 0);
		data.put("has_more", false);
		return ok(data);
	}

	private void expect(String actual, String expected, String what) {
		if (!expected.equals(actual)) {
			violations.add(what + ": expected " + expected + ", got " + actual);
		}
	}

	@Override
	public void close() {
		release.countDown();
		server.stop(0);
	}
}
