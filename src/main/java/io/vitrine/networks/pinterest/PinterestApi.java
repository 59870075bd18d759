package io.vitrine.networks.pinterest;

import io.vitrine.outbound.OutboundHttp;
import io.vitrine.outbound.OutboundRequest;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Base64;
import java.util.List;

/**
 * The Pinterest API v5 operations Vitrine uses, as the official description (pinterest-v5-openapi.json) names
 * them. Every answer is returned whole; callers decide what a status means.
 */
@Component
class PinterestApi {

	static final String USER_ACCOUNT = "/user_account";

	static final String BOARDS = "/boards";

	static final String PINS = "/pins";

	/** The description's page_size maximum (Pinterest.Lib.BookmarkParams.page_size, query_page_size). */
	static final int PAGE = 250;

	private final OutboundHttp http;

	private final PinterestSettings settings;

	private final JsonMapper json = JsonMapper.builder().build();

	PinterestApi(OutboundHttp http, PinterestSettings settings) {
		this.http = http;
		this.settings = settings;
	}

	/** user_account/get: the username the boards belong to (scope user_accounts:read). */
	PinterestAnswer userAccount(String token) {
		return send(OutboundRequest.get(url(USER_ACCOUNT)).bearer(token));
	}

	/** boards/list: one page of the person's boards, and group boards they collaborate on (scope boards:read). */
	PinterestAnswer boards(String token, String bookmark) {
		OutboundRequest.Builder request = OutboundRequest.get(url(BOARDS)).query("page_size", Integer.toString(PAGE));
		if (bookmark != null) {
			request.query("bookmark", bookmark);
		}
		return send(request.bearer(token));
	}

	/** An image to put on a Pin, read from its file. */
	record Image(String contentType, byte[] content) {
	}

	/**
	 * pins/create on the board (scopes pins:write, boards:read): one image as image_base64, two to five as
	 * multiple_image_base64. Blank optional fields are left out rather than sent empty.
	 */
	PinterestAnswer createPin(String token, String boardId, String title, String description, String link, String altText,
			List<Image> images) {
		ObjectNode body = json.createObjectNode();
		body.put("board_id", boardId);
		putIfPresent(body, "title", title);
		putIfPresent(body, "description", description);
		putIfPresent(body, "link", link);
		putIfPresent(body, "alt_text", altText);
		ObjectNode source = body.putObject("media_source");
		if (images.size() == 1) {
			source.put("source_type", "image_base64");
			source.put("content_type", images.getFirst().contentType());
			source.put("data", Base64.getEncoder().encodeToString(images.getFirst().content()));
		}
		else {
			source.put("source_type", "multiple_image_base64");
			ArrayNode items = source.putArray("items");
			for (Image image : images) {
				items.addObject().put("content_type", image.contentType())
					.put("data", Base64.getEncoder().encodeToString(image.content()));
			}
		}
		return send(OutboundRequest.post(url(PINS)).bearer(token).json(json.writeValueAsString(body)));
	}

	/** boards/list_pins: one page of a board's Pins (scopes boards:read, pins:read). */
	PinterestAnswer boardPins(String token, String boardId, String bookmark) {
		OutboundRequest.Builder request = OutboundRequest.get(url(BOARDS + "/" + boardId + "/pins"))
			.query("page_size", Integer.toString(PAGE));
		if (bookmark != null) {
			request.query("bookmark", bookmark);
		}
		return send(request.bearer(token));
	}

	private static void putIfPresent(ObjectNode body, String name, String value) {
		if (value != null && !value.isBlank()) {
			body.put(name, value);
		}
	}

	private PinterestAnswer send(OutboundRequest.Builder request) {
		return PinterestAnswer.of(http.send(request.build()));
	}

	private String url(String path) {
		return settings.apiUrl() + path;
	}
}
