package io.vitrine.networks.youtube;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google's token endpoint and the YouTube Data API v3 on 127.0.0.1, answering as Google documents them:
 * <ul>
 * <li>refresh grant and its errors: https://developers.google.com/identity/protocols/oauth2/web-server#offline;</li>
 * <li>channels.list (mine=true, id): https://developers.google.com/youtube/v3/docs/channels/list;</li>
 * <li>playlistItems.list: https://developers.google.com/youtube/v3/docs/playlistItems/list;</li>
 * <li>videos.insert, resumable: https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol
 * (session in Location, 308 Resume Incomplete with Range, the status query {@code bytes *}/N, 200/201 with the video);</li>
 * <li>videos resource limits: https://developers.google.com/youtube/v3/docs/videos;</li>
 * <li>errors {@code {"error": {"code", "message", "errors": [{"domain", "reason", "message"}]}}}:
 * https://developers.google.com/youtube/v3/docs/errors; quota costs https://developers.google.com/youtube/v3/determine_quota_cost.</li>
 * </ul>
 */
final class YouTubeApiServer implements AutoCloseable {

	static final String CLIENT_ID = "1234-vitrine.apps.googleusercontent.com";

	static final String CLIENT_SECRET = "GOCSPX-vitrine";

	static final String CHANNEL_ID = "UCvitrineBakery000000001";

	static final String BRAND_CHANNEL_ID = "UCvitrineBrand0000000002";

	static final String UPLOADS = "UUvitrineBakery000000001";

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

	record Answer(int status, Map<String, String> headers, String body) {
	}

	interface Responder {

		Answer answer(Recorded request) throws Exception;
	}

	static final class Session {

		final String id;

		final long length;

		final JsonNode metadata;

		final ByteArrayOutputStream received = new ByteArrayOutputStream();

		String videoId;

		Session(String id, long length, JsonNode metadata) {
			this.id = id;
			this.length = length;
			this.metadata = metadata;
		}
	}

	record Video(String id, String title, String description, Instant publishedAt) {
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

	final Map<String, Session> sessions = new ConcurrentHashMap<>();

	final List<Video> videos = new CopyOnWriteArrayList<>();

	private final AtomicLong ids = new AtomicLong(1000);

	private final AtomicInteger unitsUsed = new AtomicInteger();

	private final CountDownLatch release = new CountDownLatch(1);

	volatile int dailyUnits = 10_000;

	YouTubeApiServer(Clock clock) {
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

	String[] issueTokens(Duration validFor) {
		String access = "ya29." + ids.incrementAndGet();
		String refresh = "1//refresh" + ids.incrementAndGet();
		accessTokens.put(access, clock.instant().plus(validFor));
		refreshTokens.put(refresh, true);
		return new String[] {access, refresh};
	}

	private final Map<String, String[]> codes = new ConcurrentHashMap<>();

	/**
	 * The person consents on Google (https://developers.google.com/identity/protocols/oauth2/web-server#creatingclient):
	 * the request is checked, PKCE's challenge kept with the code, and they are sent back with the code and state.
	 */
	String approve(String authorizeUrl) {
		java.net.URI uri = java.net.URI.create(authorizeUrl);
		Map<String, String> query = RequestBodies.query(uri.getRawQuery());
		expect(query.get("client_id"), CLIENT_ID, "authorization client_id");
		expect(query.get("response_type"), "code", "authorization response_type");
		expect(query.get("access_type"), "offline", "authorization access_type");
		expect(query.get("prompt"), "consent", "authorization prompt");
		expect(query.get("code_challenge_method"), "S256", "authorization code_challenge_method");
		expect(query.get("scope"), "https://www.googleapis.com/auth/youtube.upload https://www.googleapis.com/auth/youtube.readonly",
				"authorization scope");
		String code = "4/0A" + ids.incrementAndGet();
		codes.put(code, new String[] {query.get("redirect_uri"), query.get("code_challenge")});
		return query.get("redirect_uri") + "?state=" + query.get("state") + "&code=" + code + "&scope="
				+ java.net.URLEncoder.encode(query.get("scope"), StandardCharsets.UTF_8).replace("%2F", "/").replace("%3A", ":");
	}

	void revokeRefresh(String refresh) {
		refreshTokens.put(refresh, false);
	}

	void respondOnce(String method, String path, Responder responder) {
		overrides.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).add(responder);
	}

	Answer acceptThenHang(Recorded request) throws Exception {
		behave(request);
		release.await(30, TimeUnit.SECONDS);
		return error(503, "backendError", "global", "released");
	}

	List<Recorded> requests(String method, String path) {
		return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
	}

	List<String> violations() {
		return List.copyOf(violations);
	}

	static Answer error(int status, String reason, String domain, String message) {
		ObjectNode body = JSON.createObjectNode();
		ObjectNode error = body.putObject("error");
		error.put("code", status);
		error.put("message", message);
		ObjectNode item = error.putArray("errors").addObject();
		item.put("message", message);
		item.put("domain", domain);
		item.put("reason", reason);
		return new Answer(status, Map.of("Content-Type", "application/json; charset=UTF-8"), body.toString());
	}

	private static Answer json(int status, JsonNode body) {
		return new Answer(status, Map.of("Content-Type", "application/json; charset=UTF-8"), body.toString());
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
				answer = error(500, "backendError", "global", e.toString());
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
		if (route.equals("POST /token")) {
			return token(request);
		}
		if (route.equals("GET /favicon.ico")) {
			return new Answer(404, Map.of(), ""); // the browser's own request on the consent page
		}
		if (route.equals("GET /o/oauth2/v2/auth")) {
			StringBuilder original = new StringBuilder(url() + request.path() + "?");
			request.query().forEach((k, v) -> original.append(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
				.append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
			String go = url() + "/o/oauth2/v2/auth/continue?next=" + java.net.URLEncoder.encode(original.toString(), StandardCharsets.UTF_8);
			String page = "<!DOCTYPE html><html><head><title>Sign in - Google Accounts</title></head><body><main><h1>Vitrine wants "
					+ "access to your Google Account</h1><a role=\"button\" href=\"" + go.replace("&", "&amp;") + "\">Continue</a></main></body></html>";
			return new Answer(200, Map.of("Content-Type", "text/html; charset=utf-8"), page);
		}
		if (route.equals("GET /o/oauth2/v2/auth/continue")) {
			return new Answer(302, Map.of("Location", approve(request.query().get("next"))), "");
		}
		Instant expires = accessTokens.get(request.bearer());
		if (expires == null || !expires.isAfter(clock.instant())) {
			return error(401, "authError", "global", "Invalid Credentials");
		}
		return switch (route) {
			case "GET /youtube/v3/channels" -> channels(request);
			case "GET /youtube/v3/playlistItems" -> playlistItems(request);
			case "POST /upload/youtube/v3/videos" -> startUpload(request);
			case "PUT /upload/youtube/v3/videos" -> putBytes(request);
			default -> {
				violations.add("undocumented route " + route);
				yield error(404, "notFound", "global", "Not Found");
			}
		};
	}

	private Answer token(Recorded request) {
		Map<String, String> form = request.form();
		if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
			return new Answer(401, Map.of("Content-Type", "application/json"),
					"{\"error\":\"invalid_client\",\"error_description\":\"The OAuth client was not found.\"}");
		}
		if ("authorization_code".equals(form.get("grant_type"))) {
			String[] pending = codes.remove(Optional.ofNullable(form.get("code")).orElse(""));
			if (pending == null || !pending[0].equals(form.get("redirect_uri")) || !pending[1].equals(challenge(form.get("code_verifier")))) {
				violations.add("code exchange refused: " + form.keySet() + " code " + form.get("code") + " known " + codes.keySet()
						+ (pending == null ? "" : " redirect " + pending[0] + " vs " + form.get("redirect_uri")));
				return new Answer(400, Map.of("Content-Type", "application/json"),
						"{\"error\":\"invalid_grant\",\"error_description\":\"Bad Request\"}");
			}
			String[] tokens = issueTokens(Duration.ofSeconds(3599));
			ObjectNode body = JSON.createObjectNode();
			body.put("access_token", tokens[0]);
			body.put("expires_in", 3599);
			body.put("refresh_token", tokens[1]);
			body.put("scope", "https://www.googleapis.com/auth/youtube.upload https://www.googleapis.com/auth/youtube.readonly");
			body.put("token_type", "Bearer");
			return json(200, body);
		}
		if (!"refresh_token".equals(form.get("grant_type")) || !Boolean.TRUE.equals(refreshTokens.get(form.get("refresh_token")))) {
			return new Answer(400, Map.of("Content-Type", "application/json"),
					"{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}");
		}
		String access = "ya29." + ids.incrementAndGet();
		accessTokens.put(access, clock.instant().plus(Duration.ofSeconds(3599)));
		ObjectNode body = JSON.createObjectNode();
		body.put("access_token", access);
		body.put("expires_in", 3599);
		body.put("scope", "https://www.googleapis.com/auth/youtube.upload https://www.googleapis.com/auth/youtube.readonly");
		body.put("token_type", "Bearer");
		return json(200, body); // Google's refresh answer carries no refresh token
	}

	private static String challenge(String verifier) {
		if (verifier == null) {
			return "";
		}
		try {
			byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private Answer channels(Recorded request) {
		ObjectNode body = JSON.createObjectNode();
		body.put("kind", "youtube#channelListResponse");
		var items = body.putArray("items");
		if ("true".equals(request.query().get("mine"))) {
			expect(request.query().get("part"), "snippet,contentDetails", "channels.list part");
			channel(items.addObject(), CHANNEL_ID, "Boulangerie Lumière", "@boulangerielumiere", UPLOADS);
			channel(items.addObject(), BRAND_CHANNEL_ID, "Lumière Pâtisserie", "@lumierepatisserie", "UUvitrineBrand0000000002");
		}
		else if (CHANNEL_ID.equals(request.query().get("id"))) {
			expect(request.query().get("part"), "contentDetails", "channels.list part");
			channel(items.addObject(), CHANNEL_ID, "Boulangerie Lumière", "@boulangerielumiere", UPLOADS);
		}
		else {
			violations.add("channels.list without mine=true or a known id: " + request.query());
		}
		return json(200, body);
	}

	private static void channel(ObjectNode item, String id, String title, String handle, String uploads) {
		item.put("kind", "youtube#channel");
		item.put("id", id);
		item.putObject("snippet").put("title", title).put("customUrl", handle);
		item.putObject("contentDetails").putObject("relatedPlaylists").put("uploads", uploads);
	}

	private Answer playlistItems(Recorded request) {
		expect(request.query().get("playlistId"), UPLOADS, "playlistItems playlistId");
		expect(request.query().get("part"), "snippet", "playlistItems part");
		ObjectNode body = JSON.createObjectNode();
		var items = body.putArray("items");
		List<Video> newestFirst = new ArrayList<>(videos);
		newestFirst.sort((a, b) -> b.publishedAt().compareTo(a.publishedAt()));
		for (Video video : newestFirst) {
			ObjectNode snippet = items.addObject().putObject("snippet");
			snippet.put("publishedAt", video.publishedAt().toString());
			snippet.put("channelId", CHANNEL_ID);
			snippet.put("title", video.title());
			snippet.put("description", video.description());
			snippet.put("playlistId", UPLOADS);
			snippet.putObject("resourceId").put("kind", "youtube#video").put("videoId", video.id());
		}
		return json(200, body);
	}

	private Answer startUpload(Recorded request) {
		expect(request.query().get("uploadType"), "resumable", "uploadType");
		expect(request.query().get("part"), "snippet,status", "part");
		expect(Optional.ofNullable(request.header("Content-Type")).orElse("").replaceFirst(";.*", ""), "application/json",
				"session Content-Type");
		long length = Long.parseLong(Optional.ofNullable(request.header("X-Upload-Content-Length")).orElse("-1"));
		if (length <= 0 || request.header("X-Upload-Content-Type") == null || !request.header("X-Upload-Content-Type").startsWith("video/")) {
			violations.add("session without X-Upload-Content-Length/Type");
			return error(400, "badRequest", "global", "missing upload headers");
		}
		JsonNode metadata = request.json();
		String title = metadata.path("snippet").path("title").asString("");
		String description = metadata.path("snippet").path("description").asString("");
		if (title.isBlank() || title.codePointCount(0, title.length()) > 100 || title.matches(".*[<>].*")) {
			return error(400, "invalidTitle", "youtube.video", "The request metadata specifies an invalid video title.");
		}
		if (description.getBytes(StandardCharsets.UTF_8).length > 5000 || description.matches("(?s).*[<>].*")) {
			return error(400, "invalidDescription", "youtube.video", "The request metadata specifies an invalid video description.");
		}
		if (!List.of("public", "unlisted", "private").contains(metadata.path("status").path("privacyStatus").asString(""))) {
			return error(400, "invalidVideoMetadata", "youtube.video", "The request metadata is invalid.");
		}
		if (unitsUsed.get() + 1600 > dailyUnits) {
			return error(403, "quotaExceeded", "youtube.quota", "The request cannot be completed because you have exceeded your quota.");
		}
		unitsUsed.addAndGet(1600);
		String id = "AEnB2U" + ids.incrementAndGet();
		sessions.put(id, new Session(id, length, metadata));
		return new Answer(200, Map.of("Location", url() + "/upload/youtube/v3/videos?uploadType=resumable&upload_id=" + id), "");
	}

	private Answer putBytes(Recorded request) {
		Session session = sessions.get(Optional.ofNullable(request.query().get("upload_id")).orElse(""));
		if (session == null) {
			return error(404, "notFound", "global", "upload session not found");
		}
		String range = Optional.ofNullable(request.header("Content-Range")).orElse("");
		if (range.equals("bytes */" + session.length)) {
			if (request.body().length != 0) {
				violations.add("a status query carries no bytes");
			}
			return session.videoId != null ? videoResource(session) : incomplete(session);
		}
		Matcher m = RANGE.matcher(range);
		if (!m.matches() || Long.parseLong(m.group(1)) != session.received.size()
				|| Long.parseLong(m.group(2)) != session.received.size() + request.body().length - 1
				|| Long.parseLong(m.group(3)) != session.length) {
			violations.add("Content-Range " + range + " for bytes from " + session.received.size() + " of " + session.length);
			return error(400, "badContent", "global", "Content-Range does not follow the stored bytes");
		}
		session.received.writeBytes(request.body());
		if (session.received.size() < session.length) {
			return incomplete(session);
		}
		if (session.videoId == null) {
			session.videoId = "dQw4" + ids.incrementAndGet();
			JsonNode snippet = session.metadata.path("snippet");
			videos.add(new Video(session.videoId, snippet.path("title").asString(), snippet.path("description").asString(),
					clock.instant()));
		}
		return videoResource(session);
	}

	private static Answer incomplete(Session session) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (session.received.size() > 0) {
			headers.put("Range", "bytes=0-" + (session.received.size() - 1));
		}
		return new Answer(308, headers, "");
	}

	private Answer videoResource(Session session) {
		ObjectNode body = JSON.createObjectNode();
		body.put("kind", "youtube#video");
		body.put("id", session.videoId);
		body.set("snippet", session.metadata.path("snippet"));
		body.putObject("status").put("uploadStatus", "uploaded")
			.put("privacyStatus", session.metadata.path("status").path("privacyStatus").asString());
		return json(200, body);
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
