package io.vitrine.networks.mastodon;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatusTextTest {

	@Test
	void turns_paragraphs_and_line_breaks_into_the_same_text_as_sent() {
		String html = "<p>First line<br />second line</p><p>Second &amp; last paragraph &lt;3 &#39;ok&#39;</p>";
		assertThat(StatusText.fromHtml(html))
			.isEqualTo(StatusText.fromSent("First line\nsecond line\n\nSecond & last paragraph <3 'ok'"));
	}

	@Test
	void reads_links_back_in_full_from_their_split_spans() {
		String html = "<p>Read <a href=\"https://example.com/a/very/long/path\" rel=\"nofollow noopener\" target=\"_blank\">"
				+ "<span class=\"invisible\">https://</span><span class=\"ellipsis\">example.com/a/very/lo</span>"
				+ "<span class=\"invisible\">ng/path</span></a></p>";
		assertThat(StatusText.fromHtml(html)).isEqualTo(StatusText.fromSent("Read https://example.com/a/very/long/path"));
	}

	@Test
	void matches_a_remote_mention_shown_by_user_name_only() {
		String html = "<p>Hi <span class=\"h-card\"><a href=\"https://example.social/@bob\" class=\"u-url mention\">"
				+ "@<span>bob</span></a></span> #<span>news</span></p>";
		assertThat(StatusText.fromHtml(html)).isEqualTo(StatusText.fromSent("Hi @bob@example.social #news"));
	}

	@Test
	void tells_different_texts_apart() {
		assertThat(StatusText.fromHtml("<p>Hello world</p>")).isNotEqualTo(StatusText.fromSent("Hello world!"));
	}
}
