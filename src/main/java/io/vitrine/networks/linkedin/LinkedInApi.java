package io.vitrine.networks.linkedin;

import io.vitrine.outbound.OutboundHttp;
import io.vitrine.outbound.OutboundRequest;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The LinkedIn API operations Vitrine uses, as LinkedIn's documentation names them. Every versioned
 * ({@code /rest}) call carries the {@code Linkedin-Version} and {@code X-Restli-Protocol-Version: 2.0.0}
 * headers the documentation requires. Every answer is returned whole; callers decide what a status means.
 */
@Component
class LinkedInApi {

	static final String USERINFO = "/v2/userinfo";

	static final String ORGANIZATION_ACLS = "/rest/organizationAcls";

	static final String ORGANIZATIONS = "/rest/organizations/";

	static final String POSTS = "/rest/posts";

	static final String IMAGES = "/rest/images";

	/** The most posts one page of an author's posts holds. */
	static final int PAGE = 50;

	private final OutboundHttp http;

	private final LinkedInSettings settings;

	private final JsonMapper json = JsonMapper.builder().build();

	LinkedInApi(OutboundHttp http, LinkedInSettings settings) {
		this.http = http;
		this.settings = settings;
	}

	/**
	 * The member the token belongs to (Sign In with LinkedIn using OpenID Connect, scopes openid and
	 * profile): {@code sub} is the member id of urn:li:person:{sub}.
	 * https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/sign-in-with-linkedin-v2
	 */
	LinkedInAnswer userinfo(String token) {
		return send(OutboundRequest.get(url(USERINFO)).bearer(token));
	}

	/**
	 * The organizations the member administers: roleAssignee finder, role ADMINISTRATOR, state APPROVED.
	 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-access-control-by-role
	 */
	LinkedInAnswer administeredOrganizations(String token) {
		return send(rest(OutboundRequest.get(url(ORGANIZATION_ACLS)).query("q", "roleAssignee").query("role", "ADMINISTRATOR")
			.query("state", "APPROVED").query("count", "100")).bearer(token));
	}

	/** An organization's name and vanity name. https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-lookup-api */
	LinkedInAnswer organization(String token, long id) {
		return send(rest(OutboundRequest.get(url(ORGANIZATIONS + id))).bearer(token));
	}

	/**
	 * Creates a post (Posts API): public, main feed, published at once. The id comes back in x-restli-id.
	 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api
	 */
	LinkedInAnswer createPost(String token, String author, String commentary, List<Image> images) {
		ObjectNode body = json.createObjectNode();
		body.put("author", author);
		body.put("commentary", commentary);
		body.put("visibility", "PUBLIC");
		ObjectNode distribution = body.putObject("distribution");
		distribution.put("feedDistribution", "MAIN_FEED");
		distribution.putArray("targetEntities");
		distribution.putArray("thirdPartyDistributionChannels");
		if (images.size() == 1) {
			body.putObject("content").set("media", media(images.getFirst()));
		}
		else if (images.size() > 1) {
			ArrayNode list = body.putObject("content").putObject("multiImage").putArray("images");
			images.forEach(image -> list.add(media(image)));
		}
		body.put("lifecycleState", "PUBLISHED");
		body.put("isReshareDisabledByAuthor", false);
		return send(rest(OutboundRequest.post(url(POSTS))).bearer(token).json(json.writeValueAsString(body)));
	}

	/** An uploaded image as a post refers to it. */
	record Image(String urn, String altText) {
	}

	private ObjectNode media(Image image) {
		ObjectNode media = json.createObjectNode();
		media.put("id", image.urn());
		if (image.altText() != null && !image.altText().isBlank()) {
			media.put("altText", image.altText());
		}
		return media;
	}

	/** Images API, step 1: where to upload, and the image URN it will have. */
	LinkedInAnswer initializeImageUpload(String token, String owner) {
		ObjectNode body = json.createObjectNode();
		body.putObject("initializeUploadRequest").put("owner", owner);
		return send(rest(OutboundRequest.post(url(IMAGES)).query("action", "initializeUpload")).bearer(token)
			.json(json.writeValueAsString(body)));
	}

	/** Images API, step 2: the bytes PUT to the upload URL LinkedIn gave, with the same token. */
	LinkedInAnswer uploadImage(String token, String uploadUrl, String contentType, byte[] content) {
		return send(OutboundRequest.of("PUT", uploadUrl).bearer(token).bytes(contentType, content));
	}

	/**
	 * An author's posts, newest first (Posts API, "Find Posts by Authors"; reading a member's needs
	 * r_member_social, an organization's r_organization_social).
	 */
	LinkedInAnswer postsBy(String token, String author, int start) {
		return send(rest(OutboundRequest.get(url(POSTS)).query("author", author).query("q", "author")
			.query("count", Integer.toString(PAGE)).query("start", Integer.toString(start)).query("sortBy", "CREATED"))
			.header("X-RestLi-Method", "FINDER").bearer(token));
	}

	private OutboundRequest.Builder rest(OutboundRequest.Builder request) {
		return request.header("Linkedin-Version", settings.version()).header("X-Restli-Protocol-Version", "2.0.0");
	}

	private LinkedInAnswer send(OutboundRequest.Builder request) {
		return LinkedInAnswer.of(http.send(request.build()));
	}

	private String url(String path) {
		return settings.apiUrl() + path;
	}
}
