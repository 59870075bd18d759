package io.vitrine.bulk.csv;

/**
 * Why one row (as a spreadsheet numbers it: the header is row 1) cannot become a post: the column and
 * the rule it breaks, and a sentence a person can act on.
 */
public record RowProblem(int row, String column, String rule, String message) {

	/** "row 12, column scheduled_at: must be in the future". */
	public String sentence() {
		return "row " + row + ", column " + column + ": " + message;
	}
}
