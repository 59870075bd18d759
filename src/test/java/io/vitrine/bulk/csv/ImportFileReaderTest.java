package io.vitrine.bulk.csv;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ImportFileReaderTest {

	private final ImportFileReader reader = new ImportFileReader(Set.of("mastodon", "bluesky", "x"), 100);

	private ImportFile read(String csv) {
		return reader.read(csv.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void quoted_fields_keep_their_commas_quotes_and_line_breaks() {
		ImportFile file = read("text,accounts,scheduled_at\r\n"
				+ "\"Croissants, baguettes and \"\"pain\"\" au chocolat\nfrom seven\",@olga@bakery.example,2026-12-10 09:00\r\n"
				+ "Plain,olga.bsky.social,\r\n");
		assertThat(file.problems()).isEmpty();
		assertThat(file.separator()).isEqualTo(',');
		assertThat(file.rows()).hasSize(2);
		assertThat(file.rows().get(0).value("text")).isEqualTo("Croissants, baguettes and \"pain\" au chocolat\nfrom seven");
		assertThat(file.rows().get(0).number()).isEqualTo(2);
		assertThat(file.rows().get(1).number()).as("the multi-line row is one spreadsheet row").isEqualTo(3);
		assertThat(file.rows().get(1).value("scheduled_at")).isEmpty();
	}

	@Test
	void a_french_excel_file_with_semicolons_and_a_byte_order_mark_is_read_like_any_other() {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] body = "Text;Accounts;Scheduled At\r\n\"Crêpes; cidre\";@olga@bakery.example;2026-12-10 09:00\r\n"
			.getBytes(StandardCharsets.UTF_8);
		byte[] content = new byte[bom.length + body.length];
		System.arraycopy(bom, 0, content, 0, bom.length);
		System.arraycopy(body, 0, content, bom.length, body.length);
		ImportFile file = reader.read(content);
		assertThat(file.problems()).isEmpty();
		assertThat(file.separator()).isEqualTo(';');
		assertThat(file.columns()).containsExactly("text", "accounts", "scheduled_at");
		assertThat(file.rows().getFirst().value("text")).isEqualTo("Crêpes; cidre");
	}

	@Test
	void a_file_excel_saved_in_windows_1252_keeps_its_accents() {
		ImportFile file = reader.read("text;accounts\r\nFête de la musique;@olga\r\n".getBytes(Charset.forName("windows-1252")));
		assertThat(file.encoding()).isEqualTo("windows-1252");
		assertThat(file.rows().getFirst().value("text")).isEqualTo("Fête de la musique");
	}

	@Test
	void an_unknown_column_is_named_with_the_columns_that_exist() {
		ImportFile file = read("text,accounts,sheduled_at\nHello,@olga,2026-12-10 09:00\n");
		assertThat(file.problems()).singleElement().satisfies(p -> {
			assertThat(p.row()).isEqualTo(1);
			assertThat(p.column()).isEqualTo("sheduled_at");
			assertThat(p.rule()).isEqualTo("known-column");
			assertThat(p.message()).contains("scheduled_at", "text_<network>");
		});
	}

	@Test
	void a_missing_required_column_is_named() {
		ImportFile file = read("text,scheduled_at\nHello,2026-12-10 09:00\n");
		assertThat(file.problems()).extracting(RowProblem::column, RowProblem::rule).containsExactly(
				org.assertj.core.groups.Tuple.tuple("accounts", "required-column"));
	}

	@Test
	void a_network_text_column_is_known_only_for_a_network_vitrine_has() {
		assertThat(read("text,accounts,text_mastodon\nA,@o,B\n").problems()).isEmpty();
		assertThat(read("text,accounts,text_myspace\nA,@o,B\n").problems()).extracting(RowProblem::column)
			.containsExactly("text_myspace");
	}

	@Test
	void a_row_with_more_values_than_columns_is_a_problem_of_that_row() {
		ImportFile file = read("text,accounts\nA,@o\nB,@o,extra\n");
		assertThat(file.rows()).hasSize(2);
		assertThat(file.problems()).singleElement().satisfies(p -> {
			assertThat(p.row()).isEqualTo(3);
			assertThat(p.rule()).isEqualTo("columns");
			assertThat(p.sentence()).startsWith("row 3, column column 3:");
		});
	}

	@Test
	void blank_rows_are_skipped_but_keep_their_place_in_the_numbering() {
		ImportFile file = read("text,accounts\nA,@o\n,\n\nB,@o\n");
		assertThat(file.rows()).extracting(ImportFile.Row::number).containsExactly(2, 5);
	}

	@Test
	void an_unclosed_quote_refuses_the_file_saying_after_which_row() {
		ImportFile file = read("text,accounts\nA,@o\n\"B is never closed,@o\n");
		assertThat(file.problems()).singleElement().satisfies(p -> {
			assertThat(p.column()).isEqualTo("file");
			assertThat(p.rule()).isEqualTo("csv");
			assertThat(p.message()).contains("unclosed quote");
		});
	}

	@Test
	void a_file_longer_than_the_limit_is_refused_at_the_first_row_too_many() {
		StringBuilder csv = new StringBuilder("text,accounts\n");
		for (int i = 0; i < 101; i++) {
			csv.append("Post ").append(i).append(",@o\n");
		}
		ImportFile file = read(csv.toString());
		assertThat(file.problems()).singleElement().satisfies(p -> {
			assertThat(p.row()).isEqualTo(102);
			assertThat(p.rule()).isEqualTo("max-rows");
		});
	}

	@Test
	void an_empty_file_says_the_first_row_must_name_the_columns() {
		assertThat(read("").problems()).extracting(RowProblem::rule).containsExactly("required");
	}

	@Test
	void the_separator_is_the_one_the_header_uses_most_outside_quotes() {
		assertThat(ImportFileReader.separatorOf("\"a;b;c\",d,e\n1;2;3;4;5")).isEqualTo(',');
		assertThat(ImportFileReader.separatorOf("a;b,c;d\n")).isEqualTo(';');
		assertThat(ImportFileReader.separatorOf("a\tb\tc\n")).isEqualTo('\t');
		assertThat(ImportFileReader.separatorOf("text\n")).isEqualTo(',');
	}
}
