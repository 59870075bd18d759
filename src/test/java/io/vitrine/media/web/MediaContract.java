package io.vitrine.media.web;

import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.testsupport.People;
import io.vitrine.testsupport.TestAccounts;
import io.vitrine.testsupport.SettableClock;
import io.vitrine.testsupport.TestMedia;
import io.vitrine.testsupport.WebContract;
import io.vitrine.workspaces.WorkspaceSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** The media library's REST API through the real security chain, files in the local store. */
@WebContract
abstract class MediaContract {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Connections connections;

	@Autowired
	SettableClock clock;

	private final ObjectMapper json = new ObjectMapper();

	private People people;

	private WorkspaceSummary workspace;

	private String token;

	private ConnectionView mastodon;

	@BeforeEach
	void setUp() {
		clock.set(Instant.parse("2026-11-22T08:00:00Z"));
		people = new People(context, mvc);
		People.Person owner = people.person("Maud Media");
		workspace = people.workspace(owner, "Studio");
		token = people.token(owner);
		mastodon = TestAccounts.mastodon(connections, workspace.id(), "@maud@studio.example");
	}

	private String api(String path) {
		return "/api/v1/workspaces/" + workspace.id() + path;
	}

	private MockHttpServletResponse call(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn().getResponse();
	}

	private JsonNode read(MockHttpServletResponse response) throws Exception {
		return json.readTree(response.getContentAsString());
	}

	private JsonNode upload(String name, byte[] content) throws Exception {
		MockHttpServletResponse response = call(multipart(api("/media")).file(new MockMultipartFile("file", name, "application/octet-stream", content)));
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return read(response);
	}

	private JsonNode describe(String id, String body) throws Exception {
		MockHttpServletResponse response = call(put(api("/media/" + id)).contentType("application/json").content(body));
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return read(response);
	}

	private JsonNode search(String query) throws Exception {
		MockHttpServletResponse response = call(get(api("/media?" + query)));
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return read(response);
	}

	private MockHttpServletResponse createPost(String field, String mediaId, String when) throws Exception {
		return call(post(api("/posts")).contentType("application/json").content("""
				{"targets": [{"connectionId": "%s", "text": "With a file", "%s": [{"mediaId": "%s"}]}], %s}"""
			.formatted(mastodon.id(), field, mediaId, when)));
	}

	@Test
	void an_uploaded_image_is_read_from_its_bytes_whatever_its_name_and_gets_a_thumbnail() throws Exception {
		JsonNode image = upload("C:\\Users\\maud\\holiday.jpg", TestMedia.png(1000, 500));
		assertThat(image.path("fileName").asString()).isEqualTo("holiday.jpg");
		assertThat(image.path("contentType").asString()).isEqualTo("image/png");
		assertThat(image.path("width").asInt()).isEqualTo(1000);
		assertThat(image.path("height").asInt()).isEqualTo(500);
		assertThat(image.path("thumbnail").asBoolean()).isTrue();
		MockHttpServletResponse content = call(get(api("/media/" + image.path("id").asString() + "/content")));
		assertThat(content.getContentType()).isEqualTo("image/png");
		assertThat(content.getContentAsByteArray()).isEqualTo(TestMedia.png(1000, 500));
		MockHttpServletResponse thumbnail = call(get(api("/media/" + image.path("id").asString() + "/thumbnail")));
		assertThat(thumbnail.getContentType()).isEqualTo("image/jpeg");
		BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail.getContentAsByteArray()));
		assertThat(small.getWidth()).isEqualTo(320);
	}

	@Test
	void an_uploaded_video_has_its_duration_size_and_codec_and_no_thumbnail_without_ffmpeg() throws Exception {
		JsonNode video = upload("reel.mp4", TestMedia.mp4(1080, 1920, 15_000));
		assertThat(video.path("contentType").asString()).isEqualTo("video/mp4");
		assertThat(video.path("durationMillis").asLong()).isEqualTo(15_000);
		assertThat(video.path("width").asInt()).isEqualTo(1080);
		assertThat(video.path("codec").asString()).isEqualTo("H.264");
		assertThat(video.path("thumbnail").asBoolean()).isFalse();
		assertThat(call(get(api("/media/" + video.path("id").asString() + "/thumbnail"))).getStatus()).isEqualTo(404);
	}

	@Test
	void a_file_that_is_no_image_nor_video_is_refused_naming_the_field() throws Exception {
		MockHttpServletResponse response = call(multipart(api("/media"))
			.file(new MockMultipartFile("file", "photo.png", "image/png", "<html>not an image</html>".getBytes())));
		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentAsString()).contains("\"field\":\"file\"", "\"rule\":\"media-format\"");
	}

	@Test
	void alt_text_and_tags_are_kept_and_found_by_search() throws Exception {
		String croissant = upload("croissant.png", TestMedia.png(40, 40)).path("id").asString();
		String baguette = upload("IMG_0042.png", TestMedia.png(40, 40)).path("id").asString();
		JsonNode described = describe(croissant, "{\"altText\": \"A golden croissant on a plate\", \"tags\": [\"#Breakfast\", \"summer sale, bakery\"]}");
		assertThat(described.path("altText").asString()).isEqualTo("A golden croissant on a plate");
		assertThat(described.path("tags").toString()).isEqualTo("[\"bakery\",\"breakfast\",\"summer-sale\"]");
		describe(baguette, "{\"altText\": \"A long baguette\", \"tags\": [\"bakery\"]}");

		assertThat(search("q=GOLDEN").findValuesAsString("id")).containsExactly(croissant);
		assertThat(search("q=img_00").findValuesAsString("id")).as("by name, _ taken literally").containsExactly(baguette);
		assertThat(search("q=summer").findValuesAsString("id")).as("by tag").containsExactly(croissant);
		assertThat(search("tag=bakery").findValuesAsString("id")).containsExactly(baguette, croissant);
		assertThat(search("tag=bakery&q=baguette").findValuesAsString("id")).containsExactly(baguette);
		assertThat(search("q=100%25").findValuesAsString("id")).isEmpty();

		MockHttpServletResponse badTag = call(put(api("/media/" + croissant)).contentType("application/json")
			.content("{\"altText\": \"x\", \"tags\": [\"no/slash\"]}"));
		assertThat(badTag.getStatus()).isEqualTo(422);
		assertThat(badTag.getContentAsString()).contains("\"field\":\"tags\"", "\"rule\":\"tag\"");
		MockHttpServletResponse longAlt = call(put(api("/media/" + croissant)).contentType("application/json")
			.content("{\"altText\": \"" + "a".repeat(1501) + "\"}"));
		assertThat(longAlt.getContentAsString()).contains("\"field\":\"altText\"", "\"rule\":\"max-length\"");
	}

	@Test
	void a_crop_to_four_five_is_a_new_image_and_the_original_stays() throws Exception {
		JsonNode original = upload("wide.jpg", TestMedia.jpeg(1000, 500));
		String id = original.path("id").asString();
		describe(id, "{\"altText\": \"Our shop front\", \"tags\": [\"shop\"]}");
		MockHttpServletResponse response = call(post(api("/media/" + id + "/crop")).contentType("application/json")
			.content("{\"ratio\": \"4:5\", \"offset\": 0}"));
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		JsonNode cropped = read(response);
		assertThat(cropped.path("id").asString()).isNotEqualTo(id);
		assertThat(cropped.path("fileName").asString()).isEqualTo("wide (4:5).jpg");
		assertThat(cropped.path("contentType").asString()).isEqualTo("image/jpeg");
		assertThat(cropped.path("width").asInt()).isEqualTo(400);
		assertThat(cropped.path("height").asInt()).isEqualTo(500);
		assertThat(cropped.path("derivedFrom").asString()).isEqualTo(id);
		assertThat(cropped.path("altText").asString()).isEqualTo("Our shop front");
		assertThat(call(get(api("/media/" + id))).getContentAsString()).contains("\"width\":1000");

		MockHttpServletResponse badRatio = call(post(api("/media/" + id + "/crop")).contentType("application/json")
			.content("{\"ratio\": \"3:2\"}"));
		assertThat(badRatio.getContentAsString()).contains("\"field\":\"ratio\"", "1:1, 4:5, 1.91:1, 9:16");
		MockHttpServletResponse badOffset = call(post(api("/media/" + id + "/crop")).contentType("application/json")
			.content("{\"ratio\": \"1:1\", \"offset\": 2}"));
		assertThat(badOffset.getContentAsString()).contains("\"field\":\"offset\"", "\"rule\":\"range\"");
	}

	@Test
	void a_file_used_by_a_scheduled_post_cannot_be_deleted_until_the_post_is_cancelled() throws Exception {
		String id = upload("launch.png", TestMedia.png(60, 60)).path("id").asString();
		MockHttpServletResponse created = createPost("media", id, "\"scheduledAt\": \"2026-12-01T09:00\"");
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		MockHttpServletResponse refused = call(delete(api("/media/" + id)));
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("\"field\":\"mediaId\"", "\"rule\":\"in-use\"", "used by 1 post not yet published");

		String postId = read(created).path("id").asString();
		assertThat(call(post(api("/posts/" + postId + "/cancel"))).getStatus()).isEqualTo(200);
		assertThat(call(delete(api("/media/" + id))).getStatus()).isEqualTo(204);
		assertThat(call(get(api("/media/" + id))).getStatus()).isEqualTo(404);
		assertThat(search("q=launch").findValuesAsString("id")).isEmpty();
	}

	@Test
	void posts_attach_library_files_under_media_and_still_under_images() throws Exception {
		String id = upload("either.png", TestMedia.png(60, 60)).path("id").asString();
		assertThat(createPost("media", id, "\"publish\": \"draft\"").getStatus()).isEqualTo(201);
		assertThat(createPost("images", id, "\"publish\": \"draft\"").getStatus()).isEqualTo(201);
	}

	@Test
	void a_video_is_refused_for_a_network_that_takes_none_when_the_post_is_saved() throws Exception {
		String id = upload("reel.mp4", TestMedia.mp4(1080, 1920, 15_000)).path("id").asString();
		MockHttpServletResponse refused = createPost("media", id, "\"scheduledAt\": \"2026-12-01T09:00\"");
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("\"field\":\"targets[0].media", "Mastodon (@maud@studio.example)");
	}

	@Test
	void another_workspaces_file_is_not_found() throws Exception {
		People.Person stranger = people.person("Sam Stranger");
		WorkspaceSummary other = people.workspace(stranger, "Elsewhere");
		String theirs = upload("mine.png", TestMedia.png(10, 10)).path("id").asString();
		String strangerToken = people.token(stranger);
		for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {
				get("/api/v1/workspaces/" + other.id() + "/media/" + theirs),
				get("/api/v1/workspaces/" + other.id() + "/media/" + theirs + "/content"),
				delete("/api/v1/workspaces/" + other.id() + "/media/" + theirs) }) {
			assertThat(mvc.perform(request.header("Authorization", "Bearer " + strangerToken)).andReturn().getResponse().getStatus())
				.isEqualTo(404);
		}
	}
}
