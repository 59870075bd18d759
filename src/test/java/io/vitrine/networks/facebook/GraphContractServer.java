package io.vitrine.networks.facebook;

import io.vitrine.testsupport.RequestBodies;
import io.vitrine.testsupport.RequestBodies.Part;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facebook on 127.0.0.1, built from Meta's documentation (no machine-readable description is published):
 * <ul>
 * <li>Facebook Login's manual flow, https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow:
 * the dialog, then {@code /{version}/oauth/access_token} answering a short-lived user token;</li>
 * <li>the long-lived exchange ({@code grant_type=fb_exchange_token}) and Page tokens from {@code /me/accounts},
 * https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived;</li>
 * <li>{@code POST /{page-id}/feed}, https://developers.facebook.com/docs/graph-api/reference/page/feed/, and
 * {@code POST /{page-id}/photos}, https://developers.facebook.com/docs/graph-api/reference/page/photos/, which
 * answer only to that Page's token (a user token gets error 200);</li>
 * <li>{@code GET /{page-id}/published_posts}, https://developers.facebook.com/docs/graph-api/reference/page/published_posts/;</li>
 * <li>{@code POST /{page-id}/videos} with file_url and {@code GET /{page-id}/videos},
 * https://developers.facebook.com/docs/graph-api/reference/page/videos/, and a video's status
 * ({@code GET /{video-id}?fields=status}, https://developers.facebook.com/docs/graph-api/reference/video-status/:
 * video_status processing, then ready or error, with the processing phase's errors);</li>
 * <li>errors in the one Graph shape, https://developers.facebook.com/docs/graph-api/guides/error-handling, and
 * throttling with X-Business-Use-Case-Usage, https://developers.facebook.com/docs/graph-api/overview/rate-limiting.</li>
 * </ul>
 */
final class GraphContractServer implements AutoCloseable {

	static final String APP_ID = "1234567890123";

	static final String APP_SECRET = "meta-app-secret";

	static final String VERSION = "v24.0";

	static final String PAGE_ID = "104857600123456";

	static final String PAGE_NAME = "Boulangerie Martin";

	static final String OTHER_PAGE_ID = "104857600654321";

	static final String OTHER_PAGE_NAME = "Martin Traiteur";

	static final Set<String> SCOPES = Set.of("pages_show_list", "pages_manage_posts", "pages_read_engagement");

	record Recorded(String method, String path, Map<String, String> query, Map<String, List<String>> headers, byte[] body,
			Map<String, String> form, Map<String, Part> parts) {

		String header(String name) {
			return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
				.map(e -> e.getValue().get(0)).orElse(null);
		}
	}

	record Answer(int status, Map<String, String> headers, String body) {

		Answer with(String header, String value) {
			Map<String, String> all = new LinkedHashMap<>(headers);
			all.put(header, value);
			return new Answer(status, all, body);
		}
	}

	interface Responder {

		Answer answer(Recorded request) throws Exception;
	}

	record Post(String id, String pageId, String message, String link, List<String> photos, Instant createdAt) {
	}

	/** Where Vitrine's sealed public media links point in these tests (Facebook fetches a video from there). */
	static final String PUBLIC_MEDIA = "http://vitrine.test/public/media/";

	/** A Page video: its status moves from processing to ready or error when a test says so. */
	record Video(String id, String pageId, String fileUrl, String description, Instant createdAt, String status, String error) {

		Video with(String newStatus, String newError) {
			return new Video(id, pageId, fileUrl, description, createdAt, newStatus, newError);
		}
	}

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer server;

	private final Clock clock;

	private final List<Recorded> requests = new CopyOnWriteArrayList<>();

	private final List<String> violations = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Responder>> overrides = new ConcurrentHashMap<>();

	private final Map<String, String> codes = new ConcurrentHashMap<>();

	private final Set<String> shortUserTokens = ConcurrentHashMap.newKeySet();

	private final Set<String> longUserTokens = ConcurrentHashMap.newKeySet();

	/** Page token → page id. */
	private final Map<String, String> pageTokens = new ConcurrentHashMap<>();

	private final Map<String, byte[]> photos = new ConcurrentHashMap<>();

	private final Set<String> unpublished = ConcurrentHashMap.newKeySet();

	private final List<Post> posts = new CopyOnWriteArrayList<>();

	private final Map<String, Video> videos = new java.util.concurrent.ConcurrentSkipListMap<>();

	private final AtomicLong ids = new AtomicLong(900_000_000_000_000L);

	private final CountDownLatch release = new CountDownLatch(1);

	GraphContractServer(Clock clock) {
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
		return url() + "/" + VERSION + "/dialog/oauth";
	}

	/** A Page token as Vitrine keeps it after the person chose the Page. */
	String issuePageToken(String pageId) {
		String token = "EAAP" + ids.incrementAndGet();
		pageTokens.put(token, pageId);
		return token;
	}

	/** The person removed Vitrine from their Business Integrations: every token stops working. */
	void revokeAll() {
		shortUserTokens.clear();
		longUserTokens.clear();
		pageTokens.clear();
	}

	void respondOnce(String method, String path, Responder responder) {
		overrides.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).add(responder);
	}

	Answer hang() throws InterruptedException {
		release.await(30, TimeUnit.SECONDS);
		return error(503, "released", 2, null, true);
	}

	Answer acceptThenHang(Recorded request) throws Exception {
		behave(request);
		return hang();
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
		return List.copyOf(posts);
	}

	List<Video> videos() {
		return List.copyOf(videos.values());
	}

	/** Facebook finished processing the video: its status reads ready. */
	void videoReady(String id) {
		videos.computeIfPresent(id, (k, v) -> v.with("ready", null));
	}

	/** Facebook could not process the video. */
	void videoFailed(String id, String error) {
		videos.computeIfPresent(id, (k, v) -> v.with("error", error));
	}

	byte[] photo(String id) {
		return photos.get(id);
	}

	String path(String tail) {
		return "/" + VERSION + tail;
	}

	/** What Facebook does when the person clicks "Continue": checks the dialog request, sends them back with a code. */
	String approve(String authorizeUrl) {
		Map<String, String> query = RequestBodies.query(URI.create(authorizeUrl).getRawQuery());
		List<String> problems = new ArrayList<>();
		if (!APP_ID.equals(query.get("client_id"))) {
			problems.add("client_id is " + query.get("client_id"));
		}
		if (query.getOrDefault("state", "").isBlank() || query.getOrDefault("redirect_uri", "").isBlank()) {
			problems.add("state or redirect_uri missing");
		}
		Set<String> scopes = Set.of(query.getOrDefault("scope", "").split("[ ,]"));
		if (!scopes.equals(SCOPES)) {
			problems.add("scope " + scopes + " is not " + SCOPES);
		}
		if (!problems.isEmpty()) {
			violations.add("dialog: " + problems);
			throw new IllegalStateException("dialog: " + problems);
		}
		String code = "AQD" + ids.incrementAndGet();
		codes.put(code, query.get("redirect_uri"));
		return query.get("redirect_uri") + "?code=" + code + "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			URI uri = exchange.getRequestURI();
			byte[] body = exchange.getRequestBody().readAllBytes();
			String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
			Map<String, String> form = contentType.startsWith("application/x-www-form-urlencoded")
					? RequestBodies.query(new String(body, StandardCharsets.UTF_8)) : Map.of();
			Map<String, Part> parts = contentType.startsWith("multipart/form-data") ? RequestBodies.multipart(contentType, body) : Map.of();
			Recorded r = new Recorded(exchange.getRequestMethod(), uri.getPath(), RequestBodies.query(uri.getRawQuery()),
					Map.copyOf(exchange.getRequestHeaders()), body, form, parts);
			requests.add(r);
			Deque<Responder> queue = overrides.get(r.method() + " " + r.path());
			Responder override = queue == null ? null : queue.poll();
			Answer answer;
			if (r.path().startsWith(path("/dialog/oauth"))) {
				answer = dialog(r);
			}
			else if (r.path().equals("/favicon.ico")) {
				answer = new Answer(404, Map.of(), ""); // the browser's, on the login dialog
			}
			else if (!r.path().startsWith("/" + VERSION + "/")) {
				violations.add(r.method() + " " + r.path() + ": no Graph API version in the path");
				answer = error(400, "Unknown path components", 2500, null, false);
			}
			else if (override != null) {
				answer = override.answer(r);
			}
			else {
				answer = behave(r);
			}
			send(exchange, answer);
		}
		catch (Exception e) {
			violations.add("server error: " + e);
			send(exchange, error(500, "test server: " + e, 1, null, false));
		}
	}

	private Answer dialog(Recorded r) {
		if (r.path().equals(path("/dialog/oauth"))) {
			StringBuilder raw = new StringBuilder();
			r.query().forEach((k, v) -> raw.append(raw.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
				.append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
			String go = url() + path("/dialog/oauth/continue?")
					+ URLEncoder.encode(url() + r.path() + "?" + raw, StandardCharsets.UTF_8);
			String page = "<!DOCTYPE html><html><head><title>Facebook</title></head><body><main>"
					+ "<h1>Vitrine is requesting access to your Pages</h1>"
					+ "<a role=\"button\" href=\"" + go.replace("&", "&amp;") + "\">Continue</a></main></body></html>";
			return new Answer(200, Map.of("Content-Type", "text/html; charset=utf-8"), page);
		}
		return new Answer(302, Map.of("Location", approve(r.query().keySet().iterator().next())), "");
	}

	private Answer behave(Recorded r) throws Exception {
		String route = r.method() + " " + r.path();
		if (route.equals("POST " + path("/oauth/access_token"))) {
			return codeExchange(r);
		}
		if (route.equals("GET " + path("/oauth/access_token"))) {
			return longLived(r);
		}
		String token = Optional.ofNullable(r.header("Authorization")).orElse("").replaceFirst("^Bearer ", "");
		if (r.query().containsKey("access_token")) {
			violations.add(route + ": a token in the address");
		}
		boolean user = longUserTokens.contains(token) || shortUserTokens.contains(token);
		String page = pageTokens.get(token);
		if (!user && page == null) {
			return error(401, "Error validating access token: The user has not authorized application " + APP_ID + ".", 190, 458,
					false);
		}
		if (route.equals("GET " + path("/me/accounts"))) {
			if (!longUserTokens.contains(token)) {
				violations.add("/me/accounts read with a short-lived user token: its Page tokens would expire within hours");
			}
			expectFields(r, "id,name,access_token,tasks");
			ObjectNode answer = json.createObjectNode();
			ArrayNode data = answer.putArray("data");
			page(data, PAGE_ID, PAGE_NAME, List.of("ANALYZE", "ADVERTISE", "MODERATE", "CREATE_CONTENT", "MANAGE"));
			page(data, OTHER_PAGE_ID, OTHER_PAGE_NAME, List.of("ANALYZE", "CREATE_CONTENT"));
			page(data, "104857600999999", "Read-only Page", List.of("ANALYZE"));
			answer.putObject("paging").putObject("cursors").put("before", "QVFI").put("after", "QVFJ");
			return json(200, answer);
		}
		Matcher node = Pattern.compile("/" + Pattern.quote(VERSION) + "/(\\d+)").matcher(r.path());
		if (node.matches() && r.method().equals("GET") && videos.containsKey(node.group(1))) {
			return videoStatus(r, videos.get(node.group(1)), page);
		}
		Matcher edge = Pattern.compile("/" + Pattern.quote(VERSION) + "/(\\d+)/(feed|photos|published_posts|videos)").matcher(r.path());
		if (!edge.matches()) {
			violations.add(route + " is not an operation Vitrine should call");
			return error(400, "Unsupported request", 100, null, false);
		}
		if (!edge.group(1).equals(page)) {
			// What the reference pages answer when a user token (or another Page's) is used on a Page edge.
			return error(403, "(#200) If posting to a page, requires both pages_read_engagement and pages_manage_posts as an "
					+ "admin with sufficient administrative permission", 200, null, false);
		}
		return switch (r.method() + " " + edge.group(2)) {
			case "POST feed" -> feed(r, page);
			case "POST photos" -> photos(r, page);
			case "GET published_posts" -> published(r, page);
			case "POST videos" -> postVideo(r, page);
			case "GET videos" -> listVideos(r, page);
			default -> {
				violations.add(route + ": wrong method");
				yield error(400, "Unsupported request", 100, null, false);
			}
		};
	}

	private void page(ArrayNode data, String id, String name, List<String> tasks) {
		String token = issuePageToken(id);
		ObjectNode page = data.addObject().put("access_token", token).put("category", "Bakery").put("name", name).put("id", id);
		ArrayNode list = page.putArray("tasks");
		tasks.forEach(list::add);
	}

	private Answer codeExchange(Recorded r) {
		Map<String, String> form = r.form();
		if (!APP_ID.equals(form.get("client_id")) || !APP_SECRET.equals(form.get("client_secret"))) {
			return error(400, "Error validating client secret.", 1, 463, false);
		}
		if (form.containsKey("code_verifier")) {
			violations.add("token: a code_verifier for a server-side app");
		}
		String redirect = codes.remove(form.getOrDefault("code", ""));
		if (redirect == null || !redirect.equals(form.get("redirect_uri"))) {
			return error(400, "This authorization code has been used.", 100, 36009, false);
		}
		String token = "EAAU" + ids.incrementAndGet();
		shortUserTokens.add(token);
		return json(200, json.createObjectNode().put("access_token", token).put("token_type", "bearer").put("expires_in", 5400));
	}

	private Answer longLived(Recorded r) {
		Map<String, String> q = r.query();
		if (!"fb_exchange_token".equals(q.get("grant_type")) || !APP_ID.equals(q.get("client_id"))
				|| !APP_SECRET.equals(q.get("client_secret"))) {
			violations.add("long-lived exchange: " + q.keySet());
			return error(400, "Invalid exchange", 100, null, false);
		}
		if (!shortUserTokens.contains(q.getOrDefault("fb_exchange_token", ""))) {
			return error(400, "Error validating access token: Session has expired.", 190, 463, false);
		}
		String token = "EAAL" + ids.incrementAndGet();
		longUserTokens.add(token);
		return json(200, json.createObjectNode().put("access_token", token).put("token_type", "bearer").put("expires_in", 5_183_944));
	}

	private Answer feed(Recorded r, String page) {
		Map<String, String> form = r.form();
		Set<String> allowed = Set.of("message", "link", "published", "scheduled_publish_time");
		java.util.TreeMap<Integer, String> attachedByIndex = new java.util.TreeMap<>();
		for (String name : form.keySet()) {
			Matcher attached = Pattern.compile("attached_media\\[(\\d+)]").matcher(name);
			if (attached.matches()) {
				String fbid = json.readTree(form.get(name)).path("media_fbid").asString("");
				if (!unpublished.remove(fbid)) {
					violations.add("feed: attached_media " + fbid + " is not an unpublished photo of this Page");
				}
				attachedByIndex.put(Integer.parseInt(attached.group(1)), fbid);
			}
			else if (!allowed.contains(name)) {
				violations.add("feed: undeclared field " + name);
			}
		}
		List<String> photos = List.copyOf(attachedByIndex.values());
		if (!form.containsKey("message") && !form.containsKey("link") && photos.isEmpty()) {
			return error(400, "(#100) Missing message or attachment", 100, null, false);
		}
		String id = page + "_" + ids.incrementAndGet();
		posts.add(new Post(id, page, form.get("message"), form.get("link"), photos, clock.instant()));
		return json(200, json.createObjectNode().put("id", id));
	}

	private Answer photos(Recorded r, String page) {
		Set<String> allowed = Set.of("source", "url", "caption", "published", "no_story", "alt_text_custom");
		r.parts().keySet().stream().filter(n -> !allowed.contains(n)).forEach(n -> violations.add("photos: undeclared field " + n));
		Part source = r.parts().get("source");
		if (source == null || source.content().length == 0 || source.fileName() == null) {
			return error(400, "(#324) Requires upload file", 324, null, false);
		}
		String id = Long.toString(ids.incrementAndGet());
		photos.put(id, source.content());
		boolean published = !r.parts().containsKey("published") || !"false".equals(r.parts().get("published").text());
		if (!published) {
			unpublished.add(id);
			return json(200, json.createObjectNode().put("id", id));
		}
		String postId = page + "_" + ids.incrementAndGet();
		String caption = r.parts().containsKey("caption") ? r.parts().get("caption").text() : null;
		posts.add(new Post(postId, page, caption, null, List.of(id), clock.instant()));
		return json(200, json.createObjectNode().put("id", id).put("post_id", postId));
	}

	private Answer published(Recorded r, String page) {
		expectFields(r, "id,message,created_time");
		Instant since = Instant.ofEpochSecond(Long.parseLong(r.query().getOrDefault("since", "0")));
		List<Post> mine = new ArrayList<>(posts.stream().filter(p -> p.pageId().equals(page) && !p.createdAt().isBefore(since))
			.toList());
		java.util.Collections.reverse(mine);
		ObjectNode answer = json.createObjectNode();
		ArrayNode data = answer.putArray("data");
		DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx").withZone(ZoneOffset.UTC);
		for (Post post : mine) {
			ObjectNode item = data.addObject().put("id", post.id()).put("created_time", format.format(post.createdAt()));
			if (post.message() != null) {
				item.put("message", post.message());
			}
		}
		answer.putObject("paging").putObject("cursors").put("before", "QVFI").put("after", "QVFJ");
		return json(200, answer);
	}

	private Answer postVideo(Recorded r, String page) {
		Map<String, String> form = r.form();
		Set<String> allowed = Set.of("file_url", "description", "title", "published");
		form.keySet().stream().filter(n -> !allowed.contains(n)).forEach(n -> violations.add("videos: undeclared field " + n));
		String url = form.getOrDefault("file_url", "");
		if (url.isEmpty()) {
			return error(400, "(#100) file_url or source is required", 100, null, false);
		}
		if (!url.startsWith(PUBLIC_MEDIA) || url.length() < PUBLIC_MEDIA.length() + 40) {
			violations.add("videos: a file_url Facebook cannot fetch, or guessable: " + url);
		}
		String id = Long.toString(ids.incrementAndGet());
		videos.put(id, new Video(id, page, url, form.get("description"), clock.instant(), "processing", null));
		return json(200, json.createObjectNode().put("id", id));
	}

	private Answer videoStatus(Recorded r, Video video, String page) {
		if (!video.pageId().equals(page)) {
			return error(400, "Unsupported get request. Object with ID '" + video.id() + "' does not exist", 100, 33, false);
		}
		expectFields(r, "id,status,permalink_url");
		ObjectNode answer = json.createObjectNode().put("id", video.id())
			.put("permalink_url", "/" + video.pageId() + "/videos/" + video.id() + "/");
		ObjectNode status = answer.putObject("status").put("video_status", video.status());
		status.putObject("uploading_phase").put("status", "complete");
		ObjectNode processing = status.putObject("processing_phase")
			.put("status", switch (video.status()) { case "ready" -> "complete"; case "error" -> "error"; default -> "in_progress"; });
		if (video.error() != null) {
			processing.putArray("errors").addObject().put("code", 1363008).put("message", video.error());
		}
		status.putObject("publishing_phase").put("status", video.status().equals("ready") ? "complete" : "not_started");
		return json(200, answer);
	}

	private Answer listVideos(Recorded r, String page) {
		expectFields(r, "id,description,created_time,permalink_url");
		Instant since = Instant.ofEpochSecond(Long.parseLong(r.query().getOrDefault("since", "0")));
		List<Video> mine = new ArrayList<>(videos.values().stream()
			.filter(v -> v.pageId().equals(page) && !v.createdAt().isBefore(since)).toList());
		java.util.Collections.reverse(mine);
		ObjectNode answer = json.createObjectNode();
		ArrayNode data = answer.putArray("data");
		DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx").withZone(ZoneOffset.UTC);
		for (Video video : mine) {
			ObjectNode item = data.addObject().put("id", video.id()).put("created_time", format.format(video.createdAt()))
				.put("permalink_url", "/" + video.pageId() + "/videos/" + video.id() + "/");
			if (video.description() != null) {
				item.put("description", video.description());
			}
		}
		answer.putObject("paging").putObject("cursors").put("before", "QVFI").put("after", "QVFJ");
		return json(200, answer);
	}

	private void expectFields(Recorded r, String fields) {
		if (!fields.equals(r.query().get("fields"))) {
			violations.add(r.path() + ": fields " + r.query().get("fields"));
		}
	}

	Answer json(int status, tools.jackson.databind.JsonNode body) {
		return new Answer(status, Map.of("Content-Type", "application/json; charset=UTF-8"), body.toString());
	}

	/** The Graph error shape. */
	Answer error(int status, String message, int code, Integer subcode, boolean isTransient) {
		ObjectNode error = json.createObjectNode();
		ObjectNode e = error.putObject("error").put("message", message).put("type", code == 190 ? "OAuthException" : "GraphMethodException")
			.put("code", code);
		if (subcode != null) {
			e.put("error_subcode", subcode);
		}
		if (isTransient) {
			e.put("is_transient", true);
		}
		e.put("fbtrace_id", "AbCdEf" + ids.incrementAndGet());
		return json(status, error);
	}

	private void send(HttpExchange exchange, Answer answer) throws IOException {
		answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
		if (bytes.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		exchange.close();
	}

	@Override
	public void close() {
		release.countDown();
		server.stop(0);
	}
}
