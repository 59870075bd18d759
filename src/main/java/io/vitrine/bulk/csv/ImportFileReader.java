package io.vitrine.bulk.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an import file as spreadsheets write it (RFC 4180 with Apache Commons CSV): quoted fields with
 * separators, quotes and line breaks inside, a UTF-8 byte order mark, {@code ,} or {@code ;} (French Excel)
 * or a tab as separator, chosen from the header line; files that are not UTF-8 are read as Windows-1252,
 * which is what Excel writes when not asked for UTF-8.
 */
public final class ImportFileReader {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private final Set<String> networks;

	private final int maxRows;

	/** @param networks the network ids whose {@code text_<network>} column is known */
	public ImportFileReader(Set<String> networks, int maxRows) {
		this.networks = Set.copyOf(networks);
		this.maxRows = maxRows;
	}

	public ImportFile read(byte[] content) {
		Decoded decoded = decode(content);
		String text = decoded.text();
		char separator = separatorOf(text);
		List<RowProblem> problems = new ArrayList<>();
		List<String> columns = new ArrayList<>();
		List<ImportFile.Row> rows = new ArrayList<>();
		CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(false).get();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			for (CSVRecord record : parser) {
				int number = (int) record.getRecordNumber();
				if (number == 1) {
					columns.addAll(header(record, problems));
					if (!problems.isEmpty()) {
						break;
					}
					continue;
				}
				if (blank(record)) {
					continue;
				}
				if (rows.size() == maxRows) {
					problems.add(new RowProblem(number, "file", "max-rows",
							"the file has more than " + maxRows + " rows; split it into several files"));
					break;
				}
				rows.add(row(number, record, columns, problems));
			}
		}
		catch (IOException | UncheckedIOException e) {
			problems.add(new RowProblem(rows.size() + 2, "file", "csv",
					"the file is not valid CSV after this row (" + rootMessage(e) + "); check for an unclosed quote"));
		}
		if (columns.isEmpty() && problems.isEmpty()) {
			problems.add(new RowProblem(1, "file", "required", "the file is empty; the first row must name the columns"));
		}
		return new ImportFile(columns, rows, problems, separator, decoded.charset().name());
	}

	private List<String> header(CSVRecord record, List<RowProblem> problems) {
		List<String> columns = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (String raw : record) {
			String column = ImportColumns.normalize(raw);
			if (column.isEmpty()) {
				problems.add(new RowProblem(1, "column " + (columns.size() + 1), "required", "a column has no name"));
			}
			else if (!ImportColumns.known(column, networks)) {
				problems.add(new RowProblem(1, column, "known-column", "unknown column; the columns are "
						+ String.join(", ", ImportColumns.REQUIRED) + ", " + String.join(", ", ImportColumns.OPTIONAL)
						+ " and text_<network> (" + String.join(", ", networks.stream().sorted().toList()) + ")"));
			}
			else if (!seen.add(column)) {
				problems.add(new RowProblem(1, column, "unique", "the column appears twice"));
			}
			columns.add(column);
		}
		for (String required : ImportColumns.REQUIRED) {
			if (!seen.contains(required)) {
				problems.add(new RowProblem(1, required, "required-column", "the file has no " + required + " column"));
			}
		}
		return columns;
	}

	private static ImportFile.Row row(int number, CSVRecord record, List<String> columns, List<RowProblem> problems) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < columns.size(); i++) {
			values.put(columns.get(i), i < record.size() ? record.get(i) : "");
		}
		for (int i = columns.size(); i < record.size(); i++) {
			if (!record.get(i).isBlank()) {
				problems.add(new RowProblem(number, "column " + (i + 1), "columns",
						"has " + record.size() + " values but the header names " + columns.size() + " columns"));
				break;
			}
		}
		return new ImportFile.Row(number, values);
	}

	private static boolean blank(CSVRecord record) {
		for (String value : record) {
			if (!value.isBlank()) {
				return false;
			}
		}
		return true;
	}

	/** The separator the header line uses most, outside quotes; a comma when it uses none. */
	static char separatorOf(String text) {
		int comma = 0;
		int semicolon = 0;
		int tab = 0;
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '\n' || c == '\r')) {
				break;
			}
			else if (!quoted) {
				comma += c == ',' ? 1 : 0;
				semicolon += c == ';' ? 1 : 0;
				tab += c == '\t' ? 1 : 0;
			}
		}
		if (semicolon > comma && semicolon >= tab) {
			return ';';
		}
		return tab > comma ? '\t' : ',';
	}

	private record Decoded(String text, Charset charset) {
	}

	private static Decoded decode(byte[] content) {
		int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF ? 3 : 0;
		ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
		try {
			return new Decoded(StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes)
				.toString(), StandardCharsets.UTF_8);
		}
		catch (CharacterCodingException notUtf8) {
			return new Decoded(new String(content, WINDOWS_1252), WINDOWS_1252);
		}
	}

	private static String rootMessage(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
	}
}
