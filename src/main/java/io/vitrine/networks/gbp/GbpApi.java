package io.vitrine.networks.gbp;

import io.vitrine.networks.PostVariant;
import io.vitrine.outbound.OutboundHttp;
import io.vitrine.outbound.OutboundRequest;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The Google Business Profile operations Vitrine uses, as Google's reference pages name them. Every answer is
 * returned whole; callers decide what a status means.
 */
@Component
class GbpApi {

	/** The most local posts one page holds (localPosts.list, pageSize). */
	static final int POSTS_PAGE = 100;

	private final OutboundHttp http;

	private final GbpSettings settings;

	private final JsonMapper json = JsonMapper.builder().build();

	GbpApi(OutboundHttp http, GbpSettings settings) {
		this.http = http;
		this.settings = settings;
	}

	/** accounts.list: the accounts the person may manage. https://developers.google.com/my-business/reference/accountmanagement/rest/v1/accounts/list */
	GoogleAnswer accounts(String token, String pageToken) {
		OutboundRequest.Builder request = OutboundRequest.get(settings.accountsUrl() + "/v1/accounts").query("pageSize", "20");
		if (pageToken != null) {
			request.query("pageToken", pageToken);
		}
		return send(request.bearer(token));
	}

	/**
	 * accounts.locations.list with the fields Vitrine shows (readMask is required).
	 * https://developers.google.com/my-business/reference/businessinformation/rest/v1/accounts.locations/list
	 */
	GoogleAnswer locations(String token, String account, String pageToken) {
		OutboundRequest.Builder request = OutboundRequest.get(settings.locationsUrl() + "/v1/" + account + "/locations")
			.query("readMask", "name,title,storefrontAddress").query("pageSize", "100");
		if (pageToken != null) {
			request.query("pageToken", pageToken);
		}
		return send(request.bearer(token));
	}

	/**
	 * accounts.locations.localPosts.create. https://developers.google.com/my-business/reference/rest/v4/accounts.locations.localPosts/create
	 *
	 * @param location accounts/{a}/locations/{l}
	 */
	GoogleAnswer createLocalPost(String token, String location, PostVariant variant, List<String> photoUrls) {
		return send(OutboundRequest.post(settings.postsUrl() + "/v4/" + location + "/localPosts").bearer(token)
			.json(json.writeValueAsString(localPost(variant, photoUrls))));
	}

	/** accounts.locations.localPosts.list, newest first. https://developers.google.com/my-business/reference/rest/v4/accounts.locations.localPosts/list */
	GoogleAnswer localPosts(String token, String location, String pageToken) {
		OutboundRequest.Builder request = OutboundRequest.get(settings.postsUrl() + "/v4/" + location + "/localPosts")
			.query("pageSize", Integer.toString(POSTS_PAGE));
		if (pageToken != null) {
			request.query("pageToken", pageToken);
		}
		return send(request.bearer(token));
	}

	/** The LocalPost resource for a variant: summary, topic, event (also for offers), offer, button, photos Google fetches. */
	ObjectNode localPost(PostVariant variant, List<String> photoUrls) {
		String topic = GbpRules.topic(variant);
		ObjectNode post = json.createObjectNode();
		if (!variant.text().isBlank()) {
			post.put("summary", variant.text().strip());
		}
		post.put("topicType", topic);
		if (!topic.equals(GbpRules.STANDARD)) {
			ObjectNode event = post.putObject("event");
			event.put("title", variant.field(GbpRules.EVENT_TITLE.name()));
			ObjectNode schedule = event.putObject("schedule");
			// Date and TimeOfDay carry no zone: Google shows them in the business's local time, as the person typed them.
			at(schedule, "start", GbpRules.dateTime(variant.field(GbpRules.EVENT_START.name())));
			at(schedule, "end", GbpRules.dateTime(variant.field(GbpRules.EVENT_END.name())));
		}
		if (topic.equals(GbpRules.OFFER)) {
			ObjectNode offer = json.createObjectNode();
			putIfPresent(offer, "couponCode", variant.field(GbpRules.COUPON.name()));
			putIfPresent(offer, "redeemOnlineUrl", variant.field(GbpRules.REDEEM_URL.name()));
			putIfPresent(offer, "termsConditions", variant.field(GbpRules.TERMS.name()));
			if (!offer.isEmpty()) {
				post.set("offer", offer);
			}
		}
		else if (GbpRules.button(variant) != null) {
			ObjectNode button = post.putObject("callToAction").put("actionType", GbpRules.button(variant));
			putIfPresent(button, "url", GbpRules.buttonUrl(variant));
		}
		if (!photoUrls.isEmpty()) {
			ArrayNode media = post.putArray("media");
			photoUrls.forEach(url -> media.addObject().put("mediaFormat", "PHOTO").put("sourceUrl", url));
		}
		return post;
	}

	private static void at(ObjectNode schedule, String prefix, OffsetDateTime when) {
		schedule.putObject(prefix + "Date").put("year", when.getYear()).put("month", when.getMonthValue())
			.put("day", when.getDayOfMonth());
		schedule.putObject(prefix + "Time").put("hours", when.getHour()).put("minutes", when.getMinute())
			.put("seconds", when.getSecond()).put("nanos", 0);
	}

	private static void putIfPresent(ObjectNode node, String name, String value) {
		if (value != null && !value.isBlank()) {
			node.put(name, value);
		}
	}

	private GoogleAnswer send(OutboundRequest.Builder request) {
		return GoogleAnswer.of(http.send(request.build()));
	}
}
