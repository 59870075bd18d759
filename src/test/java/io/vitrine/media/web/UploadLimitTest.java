package io.vitrine.media.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.vitrine.testsupport.Browser;
import io.vitrine.testsupport.OnH2;
import io.vitrine.testsupport.People;
import io.vitrine.testsupport.TestMedia;
import io.vitrine.workspaces.WorkspaceSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The upload limit as a real server enforces it (MockMvc parses no multipart), here set to 64 KB. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vitrine.engine.enabled=false", "vitrine.media.max-upload-size=64KB" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class UploadLimitTest implements OnH2 {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	private HttpResponse<String> upload(String token, WorkspaceSummary workspace, byte[] file) throws Exception {
		String boundary = "vitrine-test-boundary";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/workspaces/" + workspace.id() + "/media"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
	}

	@Test
	void a_file_over_the_limit_is_refused_with_413_naming_the_limit_and_one_under_it_is_kept() throws Exception {
		People people = new People(context, mvc);
		People.Person owner = people.person("Lena Limit");
		WorkspaceSummary workspace = people.workspace(owner, "Limits");
		String token = people.token(owner);

		HttpResponse<String> refused = upload(token, workspace, new byte[100 * 1024]);
		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(refused.body()).contains("\"field\":\"file\"", "\"rule\":\"max-size\"",
				"is larger than the upload limit of 64 KB (VITRINE_MAX_UPLOAD_SIZE)");

		HttpResponse<String> kept = upload(token, workspace, TestMedia.png(20, 20));
		assertThat(kept.statusCode()).as(kept.body()).isEqualTo(201);

		String session;
		try (Browser browser = Browser.open("en-US")) {
			Page page = browser.page();
			page.navigate("http://localhost:" + port + "/login");
			page.fill("#email", owner.email());
			page.fill("#password", People.PASSWORD);
			page.locator("main button[type=submit]").click();
			page.waitForURL(Pattern.compile(".*/w/.*"));
			page.navigate("http://localhost:" + port + "/w/" + workspace.id() + "/media");
			assertThat(page.locator("#file-help").textContent()).contains("up to 64 KB");
			page.locator(".media-upload summary").click();
			page.locator("#file").setInputFiles(new FilePayload("big.png", "image/png", new byte[100 * 1024]));
			page.locator(".media-upload button[type=submit]").click();
			assertThat(page.locator("#file-error").textContent()).isEqualTo("This file is larger than the upload limit of 64 KB.");
			assertThat(page.url()).as("refused in the browser: nothing sent").endsWith("/media");
			browser.screenshot("media-7-upload-too-large");
			session = page.context().cookies().stream().filter(c -> c.name.equals("JSESSIONID")).findFirst().orElseThrow().value;
		}

		// Without the page's script: the form post is refused before anything reads it, on the layout's error page.
		HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + port + "/w/" + workspace.id() + "/media"))
			.header("Cookie", "JSESSIONID=" + session)
			.header("Content-Type", "multipart/form-data; boundary=x")
			.header("Accept-Language", "fr")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[100 * 1024]))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(413);
		assertThat(page.body()).contains("Fichier trop volumineux");
	}
}
