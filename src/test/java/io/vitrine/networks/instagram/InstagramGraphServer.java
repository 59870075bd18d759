package io.vitrine.networks.instagram;

import io.vitrine.networks.meta.MetaApiServer;
import io.vitrine.testsupport.RequestBodies;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
 * The Instagram API with Facebook Login on 127.0.0.1, built from Meta's documentation (no machine-readable
 * description is published):
 * <ul>
 * <li>Facebook Login's manual flow and the long-lived exchange, as for Facebook Pages
 * (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow,
 * https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived);</li>
 * <li>{@code GET /me/accounts} with each Page's {@code instagram_business_account}
 * (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-facebook-login/get-started);</li>
 * <li>content publishing, https://developers.facebook.com/docs/instagram-platform/content-publishing:
 * {@code POST /{ig-user-id}/media} (image_url, video_url with media_type REELS or VIDEO, is_carousel_item, CAROUSEL
 * with children, caption), {@code GET /{container-id}?fields=status_code} (IN_PROGRESS, FINISHED, PUBLISHED, ERROR,
 * EXPIRED; https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container),
 * {@code POST /{ig-user-id}/media_publish?creation_id=} (a container not yet FINISHED is refused with subcode
 * 2207027), {@code GET /{ig-user-id}/content_publishing_limit} (quota_usage, config.quota_total 50 over 86,400 s);</li>
 * <li>{@code GET /{ig-media-id}?fields=permalink} and {@code GET /{ig-user-id}/media}
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media);</li>
 * <li>errors, https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes.</li>
 * </ul>
 */
final class InstagramGraphServer extends MetaApiServer {

	static final String APP_ID = "2345678901234";

	static final String APP_SECRET = "meta-instagram-secret";

	static final String VERSION = "v24.0";

	static final String PAGE_ID = "104857600123456";

	static final String PAGE_NAME = "Boulangerie Martin";

	static final String IG_USER_ID = "17841400000000001";

	static final String USERNAME = "boulangerie.martin";

	static final String OTHER_PAGE_ID = "104857600654321";

	static final String OTHER_IG_USER_ID = "17841400000000002";

	static final String OTHER_USERNAME = "martin.traiteur";

	static final Set<String> SCOPES = Set.of("instagram_basic", "instagram_content_publish", "pages_show_list",
			"pages_read_engagement");

	/** Where the test's Vitrine serves public media links. */
	static final String PUBLIC_MEDIA = "http://vitrine.test/public/media/";

	static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx").withZone(ZoneOffset.UTC);

	record Container(String id, String igUser, Map<String, String> fields, List<String> children, String status) {

		Container with(String newStatus) {
			return new Container(id, igUser, fields, children, newStatus);
		}
	}

	record Media(String id, String igUser, String caption, String mediaType, List<String> urls, Instant at) {
	}

	private final Clock clock;

	private final Map<String, String> codes = new ConcurrentHashMap<>();

	private final Set<String> shortUserTokens = ConcurrentHashMap.newKeySet();

	private final Set<String> longUserTokens = ConcurrentHashMap.newKeySet();

	/** Page token → Instagram account of that Page. */
	private final Map<String, String> pageTokens = new ConcurrentHashMap<>();

	private final Map<String, Container> containers = new ConcurrentHashMap<>();

	private final List<Media> media = new CopyOnWriteArrayList<>();

	InstagramGraphServer(Clock clock) {
		this.clock = clock;
	}

	String authorizationUri() {
		return url() + "/" + VERSION + "/dialog/oauth";
	}

	String path(String tail) {
		return "/" + VERSION + tail;
	}

	String issuePageToken(String igUserId) {
		String token = "EAAP" + newId();
		pageTokens.put(token, igUserId);
		return token;
	}

	void revokeAll() {
		shortUserTokens.clear();
		longUserTokens.clear();
		pageTokens.clear();
	}

	/** Instagram finished processing a video container (and so any carousel made of finished items). */
	void finishProcessing(String containerId) {
		containers.computeIfPresent(containerId, (id, c) -> c.with("FINISHED"));
	}

	void failProcessing(String containerId) {
		containers.computeIfPresent(containerId, (id, c) -> c.with("ERROR"));
	}

	Container container(String id) {
		return containers.get(id);
	}

	List<Media> media() {
		return List.copyOf(media);
	}

	/** Published on an account now, as if through the app (counts against the 24-hour quota). */
	void alreadyPublished(int posts) {
		for (int i = 0; i < posts; i++) {
			media.add(new Media(newId(), IG_USER_ID, "earlier " + i, "IMAGE", List.of(), clock.instant()));
		}
	}

	/** What Facebook does when the person clicks "Continue": checks the dialog request, sends them back with a code. */
	@Override
	public String approve(String authorizeUrl) {
		Map<String, String> query = RequestBodies.query(URI.create(authorizeUrl).getRawQuery());
		Set<String> scopes = Set.of(query.getOrDefault("scope", "").split("[ ,]"));
		if (!APP_ID.equals(query.get("client_id")) || !scopes.equals(SCOPES) || query.getOrDefault("state", "").isBlank()) {
			violation("dialog: client_id " + query.get("client_id") + ", scopes " + scopes);
			throw new IllegalStateException("dialog: " + query);
		}
		String code = "AQD" + newId();
		codes.put(code, query.get("redirect_uri"));
		return query.get("redirect_uri") + "?code=" + code + "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
	}

	@Override
	protected Answer behave(Recorded r) throws Exception {
		String route = r.method() + " " + r.path();
		if (route.equals("GET " + path("/dialog/oauth"))) {
			return consentPage(r, "Facebook", path("/dialog/oauth/continue"));
		}
		if (route.equals("GET " + path("/dialog/oauth/continue"))) {
			return consented(r);
		}
		if (!r.path().startsWith("/" + VERSION + "/")) {
			violation(route + ": no Graph API version in the path");
			return error(400, "Unknown path components", 2500, null, false);
		}
		if (route.equals("POST " + path("/oauth/access_token"))) {
			return codeExchange(r);
		}
		if (route.equals("GET " + path("/oauth/access_token"))) {
			return longLived(r);
		}
		if (r.query().containsKey("access_token")) {
			violation(route + ": a token in the address");
		}
		String token = r.bearer();
		String account = pageTokens.get(token);
		if (account == null && !longUserTokens.contains(token)) {
			return error(401, "Error validating access token: The user has not authorized application " + APP_ID + ".", 190, 460,
					false);
		}
		if (route.equals("GET " + path("/me/accounts"))) {
			return pages(r);
		}
		if (account == null) {
			return error(400, "(#10) Application does not have permission for this action", 10, null, false);
		}
		Matcher edge = Pattern.compile("/" + Pattern.quote(VERSION) + "/(\\d+)(?:/(media|media_publish|content_publishing_limit))?")
			.matcher(r.path());
		if (!edge.matches()) {
			violation(route + " is not an operation Vitrine should call");
			return error(400, "Unsupported request", 100, null, false);
		}
		String node = edge.group(1);
		String what = edge.group(2) == null ? "" : edge.group(2);
		if (!what.isEmpty() && !node.equals(account)) {
			return error(400, "(#10) Application does not have permission for this action", 10, null, false);
		}
		return switch (r.method() + " " + what) {
			case "POST media" -> create(r, account);
			case "POST media_publish" -> publish(r, account);
			case "GET content_publishing_limit" -> limit(r, account);
			case "GET media" -> recent(r, account);
			case "GET " -> node(r, node);
			default -> {
				violation(route + ": wrong method");
				yield error(400, "Unsupported request", 100, null, false);
			}
		};
	}

	private Answer codeExchange(Recorded r) {
		Map<String, String> form = r.form();
		if (!APP_ID.equals(form.get("client_id")) || !APP_SECRET.equals(form.get("client_secret"))) {
			return error(400, "Error validating client secret.", 1, 463, false);
		}
		String redirect = codes.remove(form.getOrDefault("code", ""));
		if (redirect == null || !redirect.equals(form.get("redirect_uri"))) {
			return error(400, "This authorization code has been used.", 100, 36009, false);
		}
		String token = "EAAU" + newId();
		shortUserTokens.add(token);
		return json(200, json.createObjectNode().put("access_token", token).put("token_type", "bearer").put("expires_in", 5400));
	}

	private Answer longLived(Recorded r) {
		Map<String, String> q = r.query();
		if (!"fb_exchange_token".equals(q.get("grant_type")) || !APP_ID.equals(q.get("client_id"))
				|| !APP_SECRET.equals(q.get("client_secret"))) {
			violation("long-lived exchange: " + q.keySet());
			return error(400, "Invalid exchange", 100, null, false);
		}
		if (!shortUserTokens.contains(q.getOrDefault("fb_exchange_token", ""))) {
			return error(400, "Error validating access token: Session has expired.", 190, 463, false);
		}
		String token = "EAAL" + newId();
		longUserTokens.add(token);
		return json(200, json.createObjectNode().put("access_token", token).put("token_type", "bearer").put("expires_in", 5_183_944));
	}

	private Answer pages(Recorded r) {
		expectFields(r, "id,name,access_token,instagram_business_account{id,username}");
		ObjectNode answer = json.createObjectNode();
		ArrayNode data = answer.putArray("data");
		page(data, PAGE_ID, PAGE_NAME, IG_USER_ID, USERNAME);
		page(data, OTHER_PAGE_ID, "Martin Traiteur", OTHER_IG_USER_ID, OTHER_USERNAME);
		page(data, "104857600999999", "Page without Instagram", null, null);
		return json(200, answer);
	}

	private void page(ArrayNode data, String id, String name, String igUser, String username) {
		ObjectNode page = data.addObject().put("id", id).put("name", name).put("access_token",
				igUser == null ? "EAAP" + newId() : issuePageToken(igUser));
		if (igUser != null) {
			page.putObject("instagram_business_account").put("id", igUser).put("username", username);
		}
	}

	private Answer create(Recorded r, String account) {
		Map<String, String> f = r.form();
		Set<String> allowed = Set.of("image_url", "video_url", "media_type", "is_carousel_item", "caption", "children");
		f.keySet().stream().filter(k -> !allowed.contains(k)).forEach(k -> violation("media: undeclared field " + k));
		for (String url : java.util.stream.Stream.of(f.get("image_url"), f.get("video_url")).filter(u -> u != null).toList()) {
			if (!url.startsWith(PUBLIC_MEDIA) || url.length() < PUBLIC_MEDIA.length() + 40) {
				violation("media: a URL Instagram cannot fetch or guessable: " + url);
			}
		}
		String type = f.getOrDefault("media_type", "IMAGE");
		boolean item = "true".equals(f.get("is_carousel_item"));
		List<String> children = List.of();
		String status;
		switch (type) {
			case "IMAGE" -> {
				if (!f.containsKey("image_url") || f.containsKey("video_url")) {
					return error(400, "(#100) The parameter image_url is required.", 100, null, false);
				}
				status = "FINISHED";
			}
			case "REELS", "VIDEO" -> {
				if (!f.containsKey("video_url") || ("VIDEO".equals(type) != item)) {
					violation("media: " + type + " with is_carousel_item=" + item);
					return error(400, "(#100) The parameter video_url is required.", 100, null, false);
				}
				status = "IN_PROGRESS";
			}
			case "CAROUSEL" -> {
				children = List.of(f.getOrDefault("children", "").split(","));
				if (children.size() < 2 || children.size() > 10 || item) {
					return error(400, "(#100) Carousels take 2 to 10 children.", 100, null, false);
				}
				for (String child : children) {
					Container c = containers.get(child);
					if (c == null || !c.igUser().equals(account) || !"true".equals(c.fields().get("is_carousel_item"))) {
						violation("carousel: child " + child + " is not a carousel item of this account");
					}
				}
				status = "IN_PROGRESS";
			}
			default -> {
				violation("media: media_type " + type);
				return error(400, "(#100) Invalid media_type", 100, null, false);
			}
		}
		if (item && f.containsKey("caption")) {
			violation("media: a caption on a carousel item");
		}
		String id = newId();
		containers.put(id, new Container(id, account, Map.copyOf(f), children, status));
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
			expectFields(r, "status_code,status");
			String status = status(c);
			ObjectNode answer = json.createObjectNode().put("status_code", status).put("id", id);
			if ("ERROR".equals(status)) {
				answer.put("status", "Error: Media upload has failed with error code 2207026");
			}
			return json(200, answer);
		}
		for (Media m : media) {
			if (m.id().equals(id)) {
				expectFields(r, "id,permalink");
				return json(200, json.createObjectNode().put("id", id).put("permalink", permalink(id)));
			}
		}
		return error(400, "Unsupported get request. Object with ID '" + id + "' does not exist", 100, 33, false);
	}

	private Answer publish(Recorded r, String account) {
		Map<String, String> f = r.form();
		if (!f.keySet().equals(Set.of("creation_id"))) {
			violation("media_publish: fields " + f.keySet());
		}
		Container c = containers.get(f.getOrDefault("creation_id", ""));
		if (c == null || !c.igUser().equals(account) || "true".equals(c.fields().get("is_carousel_item"))) {
			return error(400, "Media ID is not available", 9007, 2207006, false);
		}
		if (!"FINISHED".equals(status(c))) {
			return error(400, "Media ID is not available", 9007, 2207027, false);
		}
		if (published(account) >= 50) {
			return error(400, "Application request limit reached", 9, 2207042, false);
		}
		String id = newId();
		List<String> urls = new ArrayList<>();
		for (String child : c.children().isEmpty() ? List.of(c.id()) : c.children()) {
			Map<String, String> fields = containers.get(child).fields();
			urls.add(fields.getOrDefault("image_url", fields.get("video_url")));
		}
		String type = switch (c.fields().getOrDefault("media_type", "IMAGE")) {
			case "CAROUSEL" -> "CAROUSEL_ALBUM";
			case "REELS" -> "VIDEO";
			default -> "IMAGE";
		};
		media.add(new Media(id, account, c.fields().get("caption"), type, urls, clock.instant()));
		containers.put(c.id(), c.with("PUBLISHED"));
		return json(200, json.createObjectNode().put("id", id));
	}

	private long published(String account) {
		Instant dayAgo = clock.instant().minusSeconds(86_400);
		return media.stream().filter(m -> m.igUser().equals(account) && m.at().isAfter(dayAgo)).count();
	}

	private Answer limit(Recorded r, String account) {
		expectFields(r, "quota_usage,config");
		ObjectNode answer = json.createObjectNode();
		ObjectNode item = answer.putArray("data").addObject().put("quota_usage", published(account));
		item.putObject("config").put("quota_total", 50).put("quota_duration", 86400);
		return json(200, answer);
	}

	private Answer recent(Recorded r, String account) {
		expectFields(r, "id,caption,timestamp,permalink");
		List<Media> mine = new ArrayList<>(media.stream().filter(m -> m.igUser().equals(account)).toList());
		Collections.reverse(mine);
		ObjectNode answer = json.createObjectNode();
		ArrayNode data = answer.putArray("data");
		for (Media m : mine.subList(0, Math.min(mine.size(), Integer.parseInt(r.query().getOrDefault("limit", "25"))))) {
			ObjectNode item = data.addObject().put("id", m.id()).put("timestamp", TIMESTAMP.format(m.at())).put("permalink", permalink(m.id()));
			if (m.caption() != null) {
				item.put("caption", m.caption());
			}
		}
		answer.putObject("paging").putObject("cursors").put("before", "QVFI").put("after", "QVFJ");
		return json(200, answer);
	}

	static String permalink(String id) {
		return "https://www.instagram.com/p/C" + id.substring(id.length() - 8) + "/";
	}
}
