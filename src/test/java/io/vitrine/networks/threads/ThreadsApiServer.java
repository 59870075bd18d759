package io.vitrine.networks.threads;

import io.vitrine.networks.meta.MetaApiServer;
import io.vitrine.testsupport.RequestBodies;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Threads on 127.0.0.1, built from Meta's Threads documentation (and its Postman collection, fbsamples/threads_api):
 * <ul>
 * <li>authorization and tokens, https://developers.facebook.com/docs/threads/get-started/get-access-tokens-and-permissions:
 * {@code /oauth/authorize} sends the person back with a code; {@code POST /oauth/access_token} answers
 * {@code {"access_token", "user_id"}} (no token_type);</li>
 * <li>long-lived tokens, https://developers.facebook.com/docs/threads/get-started/long-lived-tokens:
 * {@code GET /access_token?grant_type=th_exchange_token&client_secret&access_token} and
 * {@code GET /refresh_access_token?grant_type=th_refresh_token&access_token} (60 days; a token is renewable once a
 * day old and while not expired);</li>
 * <li>posts, https://developers.facebook.com/docs/threads/posts: {@code POST /{user-id}/threads} (media_type TEXT,
 * IMAGE, VIDEO, CAROUSEL; text, image_url, video_url, is_carousel_item, children) then
 * {@code POST /{user-id}/threads_publish?creation_id=}; container status
 * {@code GET /{container-id}?fields=status,error_message}
 * (https://developers.facebook.com/docs/threads/troubleshooting);</li>
 * <li>{@code GET /{user-id}/threads_publishing_limit} (quota_usage, config.quota_total 250 over 86,400 s), profile
 * {@code /me}, media {@code /{id}?fields=permalink} and {@code /{user-id}/threads}
 * (https://developers.facebook.com/docs/threads/threads-media);</li>
 * <li>errors in the Graph shape.</li>
 * </ul>
 */
final class ThreadsApiServer extends MetaApiServer {

	static final String APP_ID = "3456789012345";

	static final String APP_SECRET = "threads-app-secret";

	static final String USER_ID = "25300000000000001";

	static final String USERNAME = "boulangerie.martin";

	static final String NAME = "Boulangerie Martin";

	static final String PUBLIC_MEDIA = "http://vitrine.test/public/media/";

	static final Duration LONG_LIVED = Duration.ofSeconds(5_183_944);

	static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx").withZone(ZoneOffset.UTC);

	record Token(String value, boolean longLived, Instant issuedAt, Instant expiresAt) {
	}

	record Container(String id, Map<String, String> fields, List<String> children, String status) {

		Container with(String newStatus) {
			return new Container(id, fields, children, newStatus);
		}
	}

	record Post(String id, String text, String mediaType, Instant at) {
	}

	private final Clock clock;

	private final Map<String, String> codes = new ConcurrentHashMap<>();

	private final Map<String, Token> tokens = new ConcurrentHashMap<>();

	private final Map<String, Container> containers = new ConcurrentHashMap<>();

	private final List<Post> posts = new CopyOnWriteArrayList<>();

	ThreadsApiServer(Clock clock) {
		this.clock = clock;
	}

	String authorizationUri() {
		return url() + "/oauth/authorize";
	}

	String path(String tail) {
		return "/v1.0" + tail;
	}

	/** A long-lived token issued {@code age} ago, as Vitrine keeps it after connecting. */
	String issueLongLived(Duration age) {
		Instant issued = clock.instant().minus(age);
		Token token = new Token("THAA" + newId(), true, issued, issued.plus(LONG_LIVED));
		tokens.put(token.value(), token);
		return token.value();
	}

	Token token(String value) {
		return tokens.get(value);
	}

	void revokeAll() {
		tokens.clear();
	}

	void finishProcessing(String id) {
		containers.computeIfPresent(id, (k, c) -> c.with("FINISHED"));
	}

	void failProcessing(String id) {
		containers.computeIfPresent(id, (k, c) -> c.with("ERROR"));
	}

	Container container(String id) {
		return containers.get(id);
	}

	List<Post> posts() {
		return List.copyOf(posts);
	}

	void alreadyPublished(int count) {
		for (int i = 0; i < count; i++) {
			posts.add(new Post(newId(), "earlier " + i, "TEXT_POST", clock.instant()));
		}
	}

	/** The person approves Vitrine on threads.net: checks the authorization request, sends them back with a code. */
	@Override
	public String approve(String authorizeUrl) {
		Map<String, String> q = RequestBodies.query(URI.create(authorizeUrl).getRawQuery());
		Set<String> scopes = Set.of(q.getOrDefault("scope", "").split("[ ,]"));
		if (!APP_ID.equals(q.get("client_id")) || !"code".equals(q.get("response_type"))
				|| !scopes.equals(Set.of("threads_basic", "threads_content_publish")) || q.getOrDefault("state", "").isBlank()) {
			violation("authorize: " + q);
			throw new IllegalStateException("authorize: " + q);
		}
		String code = "AQB" + newId();
		codes.put(code, q.get("redirect_uri"));
		return q.get("redirect_uri") + "?code=" + code + "&state=" + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8);
	}

	@Override
	protected Answer behave(Recorded r) throws Exception {
		String route = r.method() + " " + r.path();
		switch (route) {
			case "GET /oauth/authorize" -> {
				return consentPage(r, "Threads", "/oauth/authorize/continue");
			}
			case "GET /oauth/authorize/continue" -> {
				return consented(r);
			}
			case "POST /oauth/access_token" -> {
				return codeExchange(r);
			}
			case "GET /access_token" -> {
				return exchange(r);
			}
			case "GET /refresh_access_token" -> {
				return refresh(r);
			}
			default -> {
			}
		}
		if (!r.path().startsWith("/v1.0/")) {
			violation(route + " is not an operation Vitrine should call");
			return error(400, "Unsupported request", 100, null, false);
		}
		if (r.query().containsKey("access_token")) {
			violation(route + ": a token in the address");
		}
		Token token = tokens.get(r.bearer());
		if (token == null || !token.expiresAt().isAfter(clock.instant())) {
			return error(401, "Error validating access token: Session has expired or the user has revoked access.", 190, 460,
					false);
		}
		if (route.equals("GET " + path("/me"))) {
			expectFields(r, "id,username,name");
			return json(200, json.createObjectNode().put("id", USER_ID).put("username", USERNAME).put("name", NAME));
		}
		Matcher edge = Pattern.compile("/v1\\.0/(\\d+)(?:/(threads|threads_publish|threads_publishing_limit))?").matcher(r.path());
		if (!edge.matches()) {
			violation(route + " is not an operation Vitrine should call");
			return error(400, "Unsupported request", 100, null, false);
		}
		String what = edge.group(2) == null ? "" : edge.group(2);
		if (!what.isEmpty() && !edge.group(1).equals(USER_ID)) {
			return error(400, "(#10) Application does not have permission for this action", 10, null, false);
		}
		return switch (r.method() + " " + what) {
			case "POST threads" -> create(r);
			case "POST threads_publish" -> publish(r);
			case "GET threads_publishing_limit" -> limit(r);
			case "GET threads" -> recent(r);
			case "GET " -> node(r, edge.group(1));
			default -> {
				violation(route + ": wrong method");
				yield error(400, "Unsupported request", 100, null, false);
			}
		};
	}

	private Answer codeExchange(Recorded r) {
		Map<String, String> f = r.form();
		if (!APP_ID.equals(f.get("client_id")) || !APP_SECRET.equals(f.get("client_secret"))
				|| !"authorization_code".equals(f.get("grant_type"))) {
			return error(400, "Error validating client secret.", 1, 463, false);
		}
		String redirect = codes.remove(f.getOrDefault("code", ""));
		if (redirect == null || !redirect.equals(f.get("redirect_uri"))) {
			return error(400, "This authorization code has been used.", 100, 36009, false);
		}
		Token token = new Token("THQV" + newId(), false, clock.instant(), clock.instant().plus(Duration.ofHours(1)));
		tokens.put(token.value(), token);
		return json(200, json.createObjectNode().put("access_token", token.value()).put("user_id", Long.parseLong(USER_ID)));
	}

	private Answer exchange(Recorded r) {
		Map<String, String> q = r.query();
		if (!q.keySet().equals(Set.of("grant_type", "client_secret", "access_token")) || !"th_exchange_token".equals(q.get("grant_type"))
				|| !APP_SECRET.equals(q.get("client_secret"))) {
			violation("th_exchange_token: " + q.keySet());
			return error(400, "Invalid exchange", 100, null, false);
		}
		Token old = tokens.get(q.get("access_token"));
		if (old == null || old.longLived() || !old.expiresAt().isAfter(clock.instant())) {
			return error(400, "Error validating access token: Session has expired.", 190, 463, false);
		}
		return longLived();
	}

	private Answer refresh(Recorded r) {
		Map<String, String> q = r.query();
		if (!q.keySet().equals(Set.of("grant_type", "access_token")) || !"th_refresh_token".equals(q.get("grant_type"))) {
			violation("th_refresh_token: " + q.keySet());
			return error(400, "Invalid refresh", 100, null, false);
		}
		Token old = tokens.get(q.get("access_token"));
		if (old == null || !old.longLived() || !old.expiresAt().isAfter(clock.instant())) {
			return error(400, "Error validating access token: Session has expired.", 190, 463, false);
		}
		if (old.issuedAt().isAfter(clock.instant().minus(Duration.ofHours(24)))) {
			violation("th_refresh_token: a token less than 24 hours old cannot be refreshed");
		}
		tokens.remove(old.value());
		return longLived();
	}

	private Answer longLived() {
		Token token = new Token("THAA" + newId(), true, clock.instant(), clock.instant().plus(LONG_LIVED));
		tokens.put(token.value(), token);
		return json(200, json.createObjectNode().put("access_token", token.value()).put("token_type", "bearer")
			.put("expires_in", LONG_LIVED.toSeconds()));
	}

	private Answer create(Recorded r) {
		Map<String, String> f = r.form();
		Set<String> allowed = Set.of("media_type", "text", "image_url", "video_url", "is_carousel_item", "children");
		f.keySet().stream().filter(k -> !allowed.contains(k)).forEach(k -> violation("threads: undeclared field " + k));
		for (String url : java.util.stream.Stream.of(f.get("image_url"), f.get("video_url")).filter(u -> u != null).toList()) {
			if (!url.startsWith(PUBLIC_MEDIA) || url.length() < PUBLIC_MEDIA.length() + 40) {
				violation("threads: a URL Threads cannot fetch or guessable: " + url);
			}
		}
		String type = f.getOrDefault("media_type", "");
		boolean item = "true".equals(f.get("is_carousel_item"));
		List<String> children = List.of();
		String status = "IN_PROGRESS";
		switch (type) {
			case "TEXT" -> {
				if (f.getOrDefault("text", "").isBlank()) {
					return error(400, "(#100) The parameter text is required for TEXT posts.", 100, null, false);
				}
				if (f.get("text").codePointCount(0, f.get("text").length()) > 500) {
					return error(400, "(#100) Param text must be at most 500 characters long.", 100, null, false);
				}
				status = "FINISHED";
			}
			case "IMAGE" -> {
				if (!f.containsKey("image_url")) {
					return error(400, "(#100) The parameter image_url is required.", 100, null, false);
				}
			}
			case "VIDEO" -> {
				if (!f.containsKey("video_url")) {
					return error(400, "(#100) The parameter video_url is required.", 100, null, false);
				}
			}
			case "CAROUSEL" -> {
				children = List.of(f.getOrDefault("children", "").split(","));
				if (children.size() < 2 || children.size() > 20 || item) {
					return error(400, "(#100) Carousels take 2 to 20 children.", 100, null, false);
				}
				for (String child : children) {
					Container c = containers.get(child);
					if (c == null || !"true".equals(c.fields().get("is_carousel_item"))) {
						violation("carousel: " + child + " is not a carousel item");
					}
				}
			}
			default -> {
				violation("threads: media_type " + type);
				return error(400, "(#100) Invalid media_type", 100, null, false);
			}
		}
		if (item && f.containsKey("text")) {
			violation("threads: text on a carousel item");
		}
		String id = newId();
		containers.put(id, new Container(id, Map.copyOf(f), children, status));
		return json(200, json.createObjectNode().put("id", id));
	}

	private String status(Container c) {
		if (!c.children().isEmpty() && "IN_PROGRESS".equals(c.status())
				&& c.children().stream().allMatch(child -> "FINISHED".equals(containers.get(child).status()))) {
			containers.put(c.id(), c.with("FINISHED"));
			return "FINISHED";
		}
		return c.status();
	}

	private Answer node(Recorded r, String id) {
		Container c = containers.get(id);
		if (c != null) {
			expectFields(r, "status,error_message");
			String status = status(c);
			ObjectNode answer = json.createObjectNode().put("status", status).put("id", id);
			if ("ERROR".equals(status)) {
				answer.put("error_message", "FAILED_DOWNLOADING_VIDEO");
			}
			return json(200, answer);
		}
		for (Post p : posts) {
			if (p.id().equals(id)) {
				expectFields(r, "id,permalink");
				return json(200, json.createObjectNode().put("id", id).put("permalink", permalink(id)));
			}
		}
		return error(400, "Unsupported get request. Object with ID '" + id + "' does not exist", 100, 33, false);
	}

	private Answer publish(Recorded r) {
		Map<String, String> f = r.form();
		if (!f.keySet().equals(Set.of("creation_id"))) {
			violation("threads_publish: fields " + f.keySet());
		}
		Container c = containers.get(f.getOrDefault("creation_id", ""));
		if (c == null || "true".equals(c.fields().get("is_carousel_item"))) {
			return error(400, "The requested resource does not exist", 24, 4279009, false);
		}
		if (!"FINISHED".equals(status(c))) {
			return error(400, "The media is not ready to be published, please wait for a moment", 24, 4279009, false);
		}
		String id = newId();
		String type = switch (c.fields().get("media_type")) {
			case "CAROUSEL" -> "CAROUSEL_ALBUM";
			case "TEXT" -> "TEXT_POST";
			default -> c.fields().get("media_type");
		};
		posts.add(new Post(id, c.fields().get("text"), type, clock.instant()));
		containers.put(c.id(), c.with("PUBLISHED"));
		return json(200, json.createObjectNode().put("id", id));
	}

	private long published() {
		Instant dayAgo = clock.instant().minusSeconds(86_400);
		return posts.stream().filter(p -> p.at().isAfter(dayAgo)).count();
	}

	private Answer limit(Recorded r) {
		expectFields(r, "quota_usage,config");
		ObjectNode answer = json.createObjectNode();
		ObjectNode item = answer.putArray("data").addObject().put("quota_usage", published());
		item.putObject("config").put("quota_total", 250).put("quota_duration", 86400);
		return json(200, answer);
	}

	private Answer recent(Recorded r) {
		expectFields(r, "id,text,timestamp,permalink");
		List<Post> mine = new ArrayList<>(posts);
		Collections.reverse(mine);
		ObjectNode answer = json.createObjectNode();
		ArrayNode data = answer.putArray("data");
		for (Post p : mine.subList(0, Math.min(mine.size(), Integer.parseInt(r.query().getOrDefault("limit", "25"))))) {
			ObjectNode item = data.addObject().put("id", p.id()).put("timestamp", TIMESTAMP.format(p.at())).put("permalink", permalink(p.id()));
			if (p.text() != null) {
				item.put("text", p.text());
			}
		}
		answer.putObject("paging").putObject("cursors").put("before", "QVFI").put("after", "QVFJ");
		return json(200, answer);
	}

	static String permalink(String id) {
		return "https://www.threads.net/@" + USERNAME + "/post/D" + id.substring(id.length() - 8);
	}
}
