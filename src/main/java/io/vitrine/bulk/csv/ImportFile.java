package io.vitrine.bulk.csv;

import java.util.List;
import java.util.Map;

/**
 * A CSV file as read: its columns (normalized names), its data rows, and what is wrong with the file
 * as a whole (unknown or missing columns, broken quoting, too many rows). Rows are not checked here.
 */
public record ImportFile(List<String> columns, List<Row> rows, List<RowProblem> problems, char separator, String encoding) {

	public ImportFile {
		columns = List.copyOf(columns);
		rows = List.copyOf(rows);
		problems = List.copyOf(problems);
	}

	/** One data row: its number as a spreadsheet shows it (the header is row 1) and its values by column. */
	public record Row(int number, Map<String, String> values) {

		public String value(String column) {
			String value = values.get(column);
			return value == null ? "" : value;
		}
	}
}
