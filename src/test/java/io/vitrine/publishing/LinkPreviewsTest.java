package io.vitrine.publishing;

import io.vitrine.outbound.OutboundHttp;
import io.vitrine.outbound.OutboundSettings;
import io.vitrine.shared.InvalidInput;
import io.vitrine.testsupport.LocalApiServer;
import io.vitrine.testsupport.LocalApiServer.Answer;
import io.vitrine.testsupport.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The composer's link preview against pages served on 127.0.0.1, through the real outbound guard. */
class LinkPreviewsTest {

	private final SettableClock clock = new SettableClock(Instant.parse("2026-11-22T08:00:00Z"));

	private final LocalApiServer site = LocalApiServer.start((request, canned) -> switch (request.path()) {
		case "/galettes" -> Answer.html("""
				<!DOCTYPE html><html><head><title>Ignored when og:title is there</title>
				<meta property="og:site_name" content="Boulangerie Martin">
				<meta property="og:title" content="Galettes des rois">
				<meta property="og:description" content="Frangipane, pommes ou chocolat : réservez la vôtre.">
				<meta property="og:image" content="/img/galette.jpg"></head><body>…</body></html>""");
		case "/plain" -> Answer.html("<html><head><title> Opening hours </title><meta name=\"description\" content=\"Open 7 to 19\">"
				+ "<meta property=\"og:image\" content=\"javascript:alert(1)\"></head></html>");
		case "/moved" -> Answer.redirect("/galettes");
		case "/menu.pdf" -> new Answer(200, Map.of("Content-Type", "application/pdf"), "%PDF-1.7");
		case "/big" -> Answer.html("<html><head><title>Big</title></head><body>" + "x".repeat(2_000_000) + "</body></html>");
		default -> Answer.empty(404);
	});

	private LinkPreviews previews(boolean allowPrivate) {
		return new LinkPreviews(OutboundHttp.create(new OutboundSettings(allowPrivate, Duration.ofSeconds(2), Duration.ofSeconds(2),
				DataSize.ofMegabytes(1))), clock);
	}

	@AfterEach
	void stop() {
		site.close();
	}

	@Test
	void the_open_graph_tags_make_the_preview_with_the_image_made_absolute() {
		LinkPreview preview = previews(true).of(site.url() + "/galettes").orElseThrow();

		assertThat(preview).isEqualTo(new LinkPreview(site.url() + "/galettes", "Boulangerie Martin", "Galettes des rois",
				"Frangipane, pommes ou chocolat : réservez la vôtre.", site.url() + "/img/galette.jpg"));
	}

	@Test
	void without_open_graph_the_title_and_description_serve_and_only_web_images_are_kept() {
		LinkPreview preview = previews(true).of(site.url() + "/plain").orElseThrow();

		assertThat(preview.title()).isEqualTo("Opening hours");
		assertThat(preview.description()).isEqualTo("Open 7 to 19");
		assertThat(preview.image()).isNull();
		assertThat(preview.siteName()).isEqualTo("127.0.0.1");
	}

	@Test
	void a_redirect_is_followed_and_the_preview_names_where_it_landed() {
		assertThat(previews(true).of(site.url() + "/moved")).hasValueSatisfying(p -> {
			assertThat(p.url()).isEqualTo(site.url() + "/galettes");
			assertThat(p.title()).isEqualTo("Galettes des rois");
		});
	}

	@Test
	void no_preview_for_what_is_not_a_readable_page() {
		LinkPreviews previews = previews(true);

		assertThat(previews.of(site.url() + "/menu.pdf")).isEmpty();
		assertThat(previews.of(site.url() + "/big")).as("more than 1 MB").isEmpty();
		assertThat(previews.of(site.url() + "/gone")).isEmpty();
		assertThat(previews(false).of(site.url() + "/galettes")).as("a private address, refused by the guard").isEmpty();
		assertThatThrownBy(() -> previews.of("file:///etc/passwd")).isInstanceOfSatisfying(InvalidInput.class,
				e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.rule()).isEqualTo("url")));
	}

	@Test
	void a_page_asked_again_while_typing_is_read_once_then_again_after_a_while() {
		LinkPreviews previews = previews(true);

		previews.of(site.url() + "/galettes");
		previews.of(site.url() + "/galettes");
		assertThat(site.requests("GET", "/galettes")).hasSize(1);

		clock.advance(LinkPreviews.KEEP.plusSeconds(1));
		previews.of(site.url() + "/galettes");
		assertThat(site.requests("GET", "/galettes")).hasSize(2);
	}
}
