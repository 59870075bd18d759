package io.vitrine.networks.bluesky;

import io.vitrine.networks.bluesky.Facets.Facet;
import io.vitrine.networks.bluesky.Facets.Link;
import io.vitrine.networks.bluesky.Facets.Mention;
import io.vitrine.networks.bluesky.Facets.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FacetsTest {

	@Test
	void finds_the_example_of_blueskys_documentation_at_its_byte_offsets() {
		// docs.bsky.app, "Links, mentions, and rich text": mention at bytes 23-35, link at 74-108.
		String text = "✨ example mentioning @atproto.com to share the URL 👨‍❤️‍👨 https://en.wikipedia.org/wiki/CBOR.";

		assertThat(Facets.detect(text)).containsExactly(
				new Facet(23, 35, new Mention("atproto.com")),
				new Facet(74, 108, new Link("https://en.wikipedia.org/wiki/CBOR")));
	}

	@Test
	void offsets_count_bytes_not_characters_after_accents_and_emoji() {
		String text = "Café à Noël 🎄 #fête https://exemple.fr/été";

		List<Facet> facets = Facets.detect(text);

		assertThat(facets).extracting(Facet::feature).containsExactly(new Tag("fête"), new Link("https://exemple.fr/été"));
		assertThat(facets).allSatisfy(f -> assertThat(BlueskyWiring.utf8Slice(text, f.byteStart(), f.byteEnd())).isEqualTo(
				f.feature() instanceof Tag t ? "#" + t.tag() : ((Link) f.feature()).uri()));
		int charIndex = text.indexOf("#fête");
		assertThat(facets.get(0).byteStart()).isEqualTo(text.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length)
			.isNotEqualTo(charIndex);
	}

	@Test
	void a_mention_after_a_flag_and_a_family_emoji_has_the_right_byte_range() {
		String text = "🇫🇷👨‍👩‍👧 hello @alice.test!";

		Facet mention = Facets.detect(text).get(0);

		assertThat(mention.feature()).isEqualTo(new Mention("alice.test"));
		assertThat(BlueskyWiring.utf8Slice(text, mention.byteStart(), mention.byteEnd())).isEqualTo("@alice.test");
	}

	@Test
	void sentence_punctuation_after_a_link_is_left_out_but_a_path_keeps_its_parentheses() {
		assertThat(features("See https://example.com/a, and (https://example.com/b) or https://en.wikipedia.org/wiki/Fish_(food)!"))
			.containsExactly(new Link("https://example.com/a"), new Link("https://example.com/b"),
					new Link("https://en.wikipedia.org/wiki/Fish_(food)"));
	}

	@Test
	void only_links_written_with_their_scheme_are_links() {
		assertThat(features("example.com and www.example.com and ftp://example.com and http://example.com"))
			.containsExactly(new Link("http://example.com"));
	}

	@Test
	void a_link_needs_a_host() {
		assertThat(features("https:// and https://.")).isEmpty();
	}

	@Test
	void an_email_address_is_not_a_mention_and_a_mention_needs_a_domain() {
		assertThat(features("write to me@example.com or @alice or @alice.test.")).containsExactly(new Mention("alice.test"));
	}

	@Test
	void a_mention_in_parentheses_is_found() {
		assertThat(features("(@bob.example.com)")).containsExactly(new Mention("bob.example.com"));
	}

	@Test
	void hashtags_follow_the_official_rules() {
		assertThat(features("#java #2026 #a1 #tag! #x_y. #c++ # ## #️⃣ mid#dle")).containsExactly(new Tag("java"),
				new Tag("a1"), new Tag("tag"), new Tag("x_y"), new Tag("c++"));
	}

	@Test
	void a_hashtag_may_have_sixty_four_graphemes_but_not_sixty_five() {
		assertThat(features("#" + "a".repeat(64))).containsExactly(new Tag("a".repeat(64)));
		assertThat(features("#" + "a".repeat(65))).isEmpty();
	}

	@Test
	void a_full_width_hash_starts_a_hashtag_and_its_three_bytes_are_counted() {
		String text = "＃日本 ok";

		Facet tag = Facets.detect(text).get(0);

		assertThat(tag).isEqualTo(new Facet(0, 9, new Tag("日本")));
	}

	@Test
	void facets_are_sorted_by_position() {
		assertThat(Facets.detect("#one @a.test https://x.org #two")).extracting(Facet::byteStart).isSorted();
	}

	@Test
	void handle_syntax_agrees_with_the_official_valid_examples() {
		assertThat(SharedContracts.vectors("interop-test-files/syntax/handle_syntax_valid.txt"))
			.allSatisfy(handle -> assertThat(Handles.isHandle(handle)).as(handle).isTrue());
	}

	@Test
	void handle_syntax_agrees_with_the_official_invalid_examples() {
		assertThat(SharedContracts.vectors("interop-test-files/syntax/handle_syntax_invalid.txt"))
			.allSatisfy(handle -> assertThat(Handles.isHandle(handle)).as(handle).isFalse());
	}

	private static List<Facets.Feature> features(String text) {
		return Facets.detect(text).stream().map(Facet::feature).toList();
	}
}
