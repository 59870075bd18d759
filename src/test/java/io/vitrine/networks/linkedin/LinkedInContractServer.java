package io.vitrine.networks.linkedin;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * LinkedIn on 127.0.0.1, built from LinkedIn's documentation (there is no machine-readable description):
 * <ul>
 * <li>OAuth 2.0 authorization code flow, https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow:
 * authorization page, {@code POST /oauth/v2/accessToken} with client_id and client_secret as form fields,
 * 60-day access tokens ({@code expires_in} 5184000), refresh tokens (365 days) only for approved partners
 * (https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens);</li>
 * <li>{@code GET /v2/userinfo}, https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/sign-in-with-linkedin-v2;</li>
 * <li>{@code GET /rest/organizationAcls?q=roleAssignee} and {@code GET /rest/organizations/{id}},
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-access-control-by-role;</li>
 * <li>{@code POST /rest/images?action=initializeUpload} then a PUT of the bytes,
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api;</li>
 * <li>{@code POST /rest/posts} (201, id in x-restli-id) and {@code GET /rest/posts?q=author},
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api, the commentary in
 * the little text format (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/little-text-format):
 * an unescaped reserved character cuts the stored post there, as LinkedIn silently does;</li>
 * <li>error bodies as https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling shows them
 * ({@code status}, {@code message}, {@code serviceErrorCode}, {@code code}).</li>
 * </ul>
 * Every request is checked field by field; what does not fit is listed in {@link #violations()}.
 */
final class LinkedInContractServer implements AutoCloseable {

	static final String CLIENT_ID = "86vitrine";

	static final String CLIENT_SECRET = "linkedin-secret";

	static final String MEMBER_ID = "782bbtaQ";

	static final String MEMBER = "urn:li:person:" + MEMBER_ID;

	static final String MEMBER_NAME = "Marie Martin";

	static final long ORGANIZATION_ID = 2414183;

	static final String ORGANIZATION = "urn:li:organization:" + ORGANIZATION_ID;

	static final String ORGANIZATION_NAME = "Boulangerie Martin";

	static final Set<String> SCOPES = Set.of("openid", "profile", "w_member_social", "w_organization_social",
			"r_organization_social", "rw_organization_admin");

	/** A documented 60-day access token. */
	static final Duration ACCESS_LIFETIME = Duration.ofSeconds(5_184_000);

	private static final String RESERVED = "|{}@[]()<>#\\*_~";

	private static final Set<String> POST_FIELDS = Set.of("author", "commentary", "visibility", "distribution", "content",
			"lifecycleState", "isReshareDisabledByAuthor", "contentLandingPage", "contentCallToActionLabel", "reshareContext",
			"container", "adContext");

	/** A post as LinkedIn keeps it: the commentary as stored (cut at an unescaped reserved character). */
	record Post(String id, String author, String commentary, Instant createdAt, List<String> images) {
	}

	private record Grant(String redirectUri, Set<String> scopes) {
	}

	private final JsonMapper json = JsonMapper.builder().build();

	private final LocalApiServer api = LocalApiServer.start(this::handle);

	private final Clock clock;

	private final Map<String, Grant> grants = new ConcurrentHashMap<>();

	private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();

	private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();

	private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();

	private final Set<String> uploadedImages = ConcurrentHashMap.newKeySet();

	private final List<Post> posts = new CopyOnWriteArrayList<>();

	private final AtomicLong ids = new AtomicLong(7_100_000_000_000_000_000L);

	/** Whether the app is an approved partner with programmatic refresh tokens. */
	volatile boolean refreshTokensEnabled = true;

	LinkedInContractServer(Clock clock) {
		this.clock = clock;
	}

	String url() {
		return api.url();
	}

	String authorizationUri() {
		return url() + "/oauth/v2/authorization";
	}

	String tokenUri() {
		return url() + "/oauth/v2/accessToken";
	}

	/** Tokens as a finished authorization gives them, without the browser. */
	Map<String, String> issueTokens(Duration lifetime, boolean withRefresh) {
		String access = "AQV" + ids.incrementAndGet();
		accessTokens.put(access, clock.instant().plus(lifetime));
		Map<String, String> tokens = new LinkedHashMap<>(Map.of("accessToken", access, "expiresAt",
				clock.instant().plus(lifetime).toString(), "scope", String.join(",", SCOPES)));
		if (withRefresh) {
			String refresh = "AQX" + ids.incrementAndGet();
			refreshTokens.add(refresh);
			tokens.put("refreshToken", refresh);
		}
		return tokens;
	}

	/** The member removed Vitrine from "Permitted services": every token stops working. */
	void revokeAll() {
		accessTokens.clear();
		refreshTokens.clear();
	}

	void respondOnce(String method, String path, Responder responder) {
		api.respondOnce(method, path, responder);
	}

	/** Holds the answer longer than any client timeout: the request arrived, its answer is lost. */
	Answer hang() throws InterruptedException {
		return api.hang(error(503, "released", null, null));
	}

	/** Creates the post, then never answers. */
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

	List<Post> posts() {
		return List.copyOf(posts);
	}

	byte[] uploaded(String imageUrn) {
		return uploads.get(imageUrn);
	}

	/** What LinkedIn does when the member clicks "Allow": checks the request, sends them back with a code. */
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
		Set<String> scopes = Set.of(query.getOrDefault("scope", "").split(" "));
		if (!SCOPES.containsAll(scopes)) {
			problems.add("scope " + scopes + " asks for more than " + SCOPES);
		}
		if (!problems.isEmpty()) {
			api.report("authorize: " + problems);
			throw new IllegalStateException("authorize: " + problems);
		}
		String code = "AQT" + ids.incrementAndGet();
		grants.put(code, new Grant(query.get("redirect_uri"), scopes));
		return query.get("redirect_uri") + "?code=" + code + "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
	}

	private Answer handle(Request recorded, Optional<Responder> override) throws Exception {
		if (recorded.path().startsWith("/oauth/v2/authorization")) {
			return authorizePage(recorded);
		}
		if (recorded.path().equals("/oauth/v2/accessToken")) {
			return override.isPresent() ? override.get().answer(recorded) : token(recorded);
		}
		if (recorded.path().startsWith("/v2/") || recorded.path().startsWith("/rest/") || recorded.path().startsWith("/dms-uploads/")) {
			checkRequest(recorded);
			return override.isPresent() ? override.get().answer(recorded) : behave(recorded);
		}
		return Answer.empty(404); // a browser's /favicon.ico
	}

	private void checkRequest(Request r) {
		String where = r.method() + " " + r.path();
		if (!Optional.ofNullable(r.header("Authorization")).orElse("").startsWith("Bearer ")) {
			api.report(where + ": no Authorization: Bearer");
		}
		if (r.path().startsWith("/rest/")) {
			// "All APIs require the request headers Linkedin-Version: {YYYYMM} and X-Restli-Protocol-Version: 2.0.0."
			if (!Optional.ofNullable(r.header("Linkedin-Version")).orElse("").matches("20\\d{4}")) {
				api.report(where + ": Linkedin-Version is " + r.header("Linkedin-Version"));
			}
			if (!"2.0.0".equals(r.header("X-Restli-Protocol-Version"))) {
				api.report(where + ": X-Restli-Protocol-Version is " + r.header("X-Restli-Protocol-Version"));
			}
		}
		String route = r.method() + " " + (r.path().startsWith("/rest/organizations/") ? "/rest/organizations/{id}"
				: r.path().startsWith("/dms-uploads/") ? "/dms-uploads/{id}" : r.path());
		switch (route) {
			case "GET /v2/userinfo", "GET /rest/organizations/{id}" -> expectQuery(r, Set.of(), Set.of());
			case "GET /rest/organizationAcls" -> {
				expectQuery(r, Set.of("q"), Set.of("role", "state", "count", "start"));
				expectValue(r, "q", "roleAssignee");
			}
			case "POST /rest/images" -> {
				expectQuery(r, Set.of("action"), Set.of());
				expectValue(r, "action", "initializeUpload");
				JsonNode request = r.json() == null ? json.createObjectNode() : r.json().path("initializeUploadRequest");
				if (!request.path("owner").asString("").matches("urn:li:(person|organization):\\w+")) {
					api.report(where + ": initializeUploadRequest.owner is " + request.path("owner"));
				}
			}
			case "PUT /dms-uploads/{id}" -> {
				if (r.body().length == 0) {
					api.report(where + ": no image bytes");
				}
			}
			case "POST /rest/posts" -> {
				expectQuery(r, Set.of(), Set.of());
				checkPost(r, where);
			}
			case "GET /rest/posts" -> {
				expectQuery(r, Set.of("q", "author"), Set.of("count", "start", "sortBy"));
				expectValue(r, "q", "author");
				if (!Set.of("LAST_MODIFIED", "CREATED").contains(r.query().getOrDefault("sortBy", "LAST_MODIFIED"))) {
					api.report(where + ": sortBy " + r.query().get("sortBy"));
				}
				if (Integer.parseInt(r.query().getOrDefault("count", "10")) > 100) {
					api.report(where + ": count over 100");
				}
			}
			default -> api.report(where + " is not an operation Vitrine should call");
		}
	}

	private void checkPost(Request r, String where) {
		JsonNode post = r.json();
		if (post == null) {
			api.report(where + ": no JSON body");
			return;
		}
		post.propertyNames().forEach(name -> {
			if (!POST_FIELDS.contains(name)) {
				api.report(where + ": unknown field " + name);
			}
		});
		for (String required : List.of("author", "commentary", "visibility", "distribution", "lifecycleState")) {
			if (!post.has(required)) {
				api.report(where + ": " + required + " is required");
			}
		}
		if (!Set.of("PUBLIC", "CONNECTIONS", "LOGGED_IN", "CONTAINER").contains(post.path("visibility").asString(""))) {
			api.report(where + ": visibility " + post.path("visibility"));
		}
		if (!Set.of("MAIN_FEED", "NONE").contains(post.path("distribution").path("feedDistribution").asString(""))) {
			api.report(where + ": distribution.feedDistribution " + post.path("distribution").path("feedDistribution"));
		}
		if (!Set.of("PUBLISHED", "DRAFT").contains(post.path("lifecycleState").asString(""))) {
			api.report(where + ": lifecycleState " + post.path("lifecycleState"));
		}
		JsonNode content = post.path("content");
		if (content.has("multiImage")) {
			int n = content.path("multiImage").path("images").size();
			if (n < 2 || n > 20) {
				api.report(where + ": multiImage holds 2 to 20 images, not " + n);
			}
			content.path("multiImage").path("images").forEach(image -> checkImage(image, where));
		}
		else if (content.has("media")) {
			checkImage(content.path("media"), where);
		}
	}

	private void checkImage(JsonNode media, String where) {
		String id = media.path("id").asString("");
		if (!uploadedImages.contains(id)) {
			api.report(where + ": image " + id + " was never uploaded");
		}
		if (media.has("altText") && media.path("altText").asString("").length() > 4086) {
			api.report(where + ": altText over 4086 characters");
		}
	}

	private void expectQuery(Request r, Set<String> required, Set<String> optional) {
		for (String name : required) {
			if (!r.query().containsKey(name)) {
				api.report(r.method() + " " + r.path() + ": query " + name + " missing");
			}
		}
		r.query().keySet().stream().filter(n -> !required.contains(n) && !optional.contains(n))
			.forEach(n -> api.report(r.method() + " " + r.path() + ": unexpected query " + n));
	}

	private void expectValue(Request r, String name, String value) {
		if (!value.equals(r.query().get(name))) {
			api.report(r.method() + " " + r.path() + ": " + name + " is " + r.query().get(name) + ", not " + value);
		}
	}

	/** LinkedIn's consent page, reduced to its "Allow" button. */
	private Answer authorizePage(Request r) {
		if (r.path().equals("/oauth/v2/authorization")) {
			StringBuilder raw = new StringBuilder();
			r.query().forEach((k, v) -> raw.append(raw.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
				.append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
			String allow = url() + "/oauth/v2/authorization/allow?"
					+ URLEncoder.encode(url() + r.path() + "?" + raw, StandardCharsets.UTF_8);
			String page = "<!DOCTYPE html><html><head><title>LinkedIn</title></head><body><main>"
					+ "<h1>Vitrine would like to access your LinkedIn account</h1>"
					+ "<a id=\"allow\" role=\"button\" href=\"" + allow.replace("&", "&amp;") + "\">Allow</a>"
					+ "</main></body></html>";
			return new Answer(200, Map.of("Content-Type", "text/html; charset=utf-8"), page);
		}
		String authorize = r.query().keySet().iterator().next();
		return new Answer(302, Map.of("Location", approve(authorize)), "");
	}

	private Answer token(Request r) {
		if (!Optional.ofNullable(r.header("Content-Type")).orElse("").startsWith("application/x-www-form-urlencoded")) {
			api.report("token: not a form");
		}
		Map<String, String> form = r.form();
		if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
			return oauthError(401, "invalid_client", "Client authentication failed");
		}
		switch (form.getOrDefault("grant_type", "")) {
			case "authorization_code" -> {
				if (form.containsKey("code_verifier")) {
					api.report("token: a code_verifier for a web app");
				}
				Grant grant = grants.remove(form.getOrDefault("code", ""));
				if (grant == null || !grant.redirectUri().equals(form.get("redirect_uri"))) {
					return oauthError(400, "invalid_request", "Unable to retrieve access token: appid/redirect uri/code "
							+ "verifier does not match authorization code. Or authorization code expired.");
				}
				return tokens(grant.scopes());
			}
			case "refresh_token" -> {
				if (!refreshTokens.remove(form.getOrDefault("refresh_token", ""))) {
					return oauthError(400, "invalid_request", "The provided authorization grant or refresh token is "
							+ "invalid, expired or revoked.");
				}
				return tokens(SCOPES);
			}
			default -> {
				return oauthError(400, "unsupported_grant_type", "grant_type is not supported");
			}
		}
	}

	private Answer tokens(Set<String> scopes) {
		String access = "AQV" + ids.incrementAndGet();
		accessTokens.put(access, clock.instant().plus(ACCESS_LIFETIME));
		// LinkedIn lists the granted scopes separated by commas.
		ObjectNode answer = json.createObjectNode().put("access_token", access).put("expires_in", ACCESS_LIFETIME.toSeconds())
			.put("scope", String.join(",", scopes)).put("token_type", "Bearer");
		if (refreshTokensEnabled) {
			String refresh = "AQX" + ids.incrementAndGet();
			refreshTokens.add(refresh);
			answer.put("refresh_token", refresh).put("refresh_token_expires_in", 31_536_000);
		}
		return Answer.json(200, answer);
	}

	Answer oauthError(int status, String error, String description) {
		return Answer.json(status, json.createObjectNode().put("error", error).put("error_description", description));
	}

	/** A Rest.li error body as the error-handling page shows them. */
	Answer error(int status, String message, Integer serviceErrorCode, String code) {
		ObjectNode body = json.createObjectNode().put("status", status).put("message", message);
		if (serviceErrorCode != null) {
			body.put("serviceErrorCode", serviceErrorCode);
		}
		if (code != null) {
			body.put("code", code);
		}
		return Answer.json(status, body);
	}

	private Answer behave(Request r) {
		String token = Optional.ofNullable(r.header("Authorization")).orElse("").replaceFirst("^Bearer ", "");
		Instant expires = accessTokens.get(token);
		if (expires == null || !expires.isAfter(clock.instant())) {
			return error(401, "Invalid access token", 65600, null);
		}
		String route = r.method() + " " + r.path();
		if (route.equals("GET /v2/userinfo")) {
			ObjectNode me = json.createObjectNode().put("sub", MEMBER_ID).put("name", MEMBER_NAME).put("given_name", "Marie")
				.put("family_name", "Martin");
			me.putObject("locale").put("country", "FR").put("language", "fr");
			return Answer.json(200, me);
		}
		if (route.equals("GET /rest/organizationAcls")) {
			ObjectNode answer = json.createObjectNode();
			answer.putObject("paging").put("count", 100).put("start", 0).putArray("links");
			answer.putArray("elements").addObject().put("roleAssignee", MEMBER).put("state", "APPROVED")
				.put("role", "ADMINISTRATOR").put("organization", ORGANIZATION);
			return Answer.json(200, answer);
		}
		if (route.equals("GET /rest/organizations/" + ORGANIZATION_ID)) {
			return Answer.json(200, json.createObjectNode().put("id", ORGANIZATION_ID).put("localizedName", ORGANIZATION_NAME)
				.put("vanityName", "boulangerie-martin"));
		}
		if (route.equals("POST /rest/images")) {
			String id = Long.toString(ids.incrementAndGet());
			ObjectNode answer = json.createObjectNode();
			answer.putObject("value").put("uploadUrlExpiresAt", clock.instant().plus(Duration.ofDays(1)).toEpochMilli())
				.put("uploadUrl", url() + "/dms-uploads/" + id + "?ca=vector_feedshare")
				.put("image", "urn:li:image:C4E10AQ" + id);
			return Answer.json(200, answer);
		}
		if (r.method().equals("PUT") && r.path().startsWith("/dms-uploads/")) {
			String urn = "urn:li:image:C4E10AQ" + r.path().substring("/dms-uploads/".length());
			uploads.put(urn, r.body());
			uploadedImages.add(urn);
			return new Answer(201, Map.of(), "");
		}
		if (route.equals("POST /rest/posts")) {
			String author = r.json().path("author").asString("");
			if (!author.equals(MEMBER) && !author.equals(ORGANIZATION)) {
				return error(403, "Not enough permissions to access: partnerApiPostsExternal.CREATE.20251001", 100, null);
			}
			return createPost(r);
		}
		if (route.equals("GET /rest/posts")) {
			return postsBy(r);
		}
		return error(404, "No virtual resource found", null, "RESOURCE_NOT_FOUND");
	}

	private Answer createPost(Request r) {
		JsonNode body = r.json();
		List<String> images = new ArrayList<>();
		body.path("content").path("multiImage").path("images").forEach(i -> images.add(i.path("id").asString()));
		if (body.path("content").has("media")) {
			images.add(body.path("content").path("media").path("id").asString());
		}
		String id = "urn:li:share:" + ids.incrementAndGet();
		posts.add(new Post(id, body.path("author").asString(), stored(body.path("commentary").asString("")), clock.instant(),
				images));
		return new Answer(201, Map.of(), "").with("x-restli-id", id);
	}

	/**
	 * What LinkedIn keeps of a commentary: everything up to the first reserved character that is
	 * neither escaped nor part of a hashtag template.
	 */
	static String stored(String commentary) {
		int i = 0;
		while (i < commentary.length()) {
			char c = commentary.charAt(i);
			if (c == '\\' && i + 1 < commentary.length()) {
				i += 2;
				continue;
			}
			if (c == '{' && commentary.startsWith("{hashtag|\\#|", i)) {
				int end = commentary.indexOf('}', i);
				if (end > 0) {
					i = end + 1;
					continue;
				}
			}
			if (RESERVED.indexOf(c) >= 0) {
				return commentary.substring(0, i);
			}
			i++;
		}
		return commentary;
	}

	private Answer postsBy(Request r) {
		String author = r.query().get("author");
		int start = Integer.parseInt(r.query().getOrDefault("start", "0"));
		int count = Integer.parseInt(r.query().getOrDefault("count", "10"));
		List<Post> newestFirst = new ArrayList<>(posts.stream().filter(p -> p.author().equals(author)).toList());
		java.util.Collections.reverse(newestFirst);
		List<Post> page = newestFirst.subList(Math.min(start, newestFirst.size()), Math.min(start + count, newestFirst.size()));
		ObjectNode answer = json.createObjectNode();
		answer.putObject("paging").put("start", start).put("count", count).put("total", newestFirst.size());
		ArrayNode elements = answer.putArray("elements");
		for (Post post : page) {
			long at = post.createdAt().toEpochMilli();
			ObjectNode item = elements.addObject().put("id", post.id()).put("author", post.author())
				.put("commentary", post.commentary()).put("createdAt", at).put("lastModifiedAt", at).put("publishedAt", at)
				.put("visibility", "PUBLIC").put("lifecycleState", "PUBLISHED").put("isReshareDisabledByAuthor", false);
			item.putObject("distribution").put("feedDistribution", "MAIN_FEED");
			if (post.images().size() == 1) {
				item.putObject("content").putObject("media").put("id", post.images().getFirst());
			}
			else if (post.images().size() > 1) {
				ArrayNode list = item.putObject("content").putObject("multiImage").putArray("images");
				post.images().forEach(i -> list.addObject().put("id", i));
			}
		}
		return Answer.json(200, answer);
	}

	/** A post published outside Vitrine. */
	void addPost(String author, String commentary, Instant createdAt) {
		posts.add(new Post("urn:li:share:" + ids.incrementAndGet(), author, commentary, createdAt, List.of()));
	}

	JsonMapper json() {
		return json;
	}

	@Override
	public void close() {
		api.close();
	}
}
