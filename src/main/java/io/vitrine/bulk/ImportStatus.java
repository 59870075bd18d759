package io.vitrine.bulk;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * Where one CSV import stands. {@code previewed}: checked, nothing imported yet; {@code importing}: the
 * background job is creating posts ({@code rowsImported} of {@code rowsToImport} so far); {@code done};
 * {@code failed}: the job stopped ({@code failure} says why), the rows already imported stay, and starting
 * it again resumes with the others.
 */
public record ImportStatus(UUID id, UUID workspaceId, String fileName,
		@Schema(allowableValues = { "previewed", "importing", "done", "failed" }) String state, int rowsTotal,
		int rowsValid, boolean validRowsOnly, int rowsImported, @Schema(description = "rows found invalid when imported "
				+ "(e.g. their time passed since the preview); they are listed among the errors") int rowsFailed,
		String failure, Instant createdAt, Instant updatedAt) {

	@JsonProperty
	public int rowsInvalid() {
		return rowsTotal - rowsValid;
	}

	/** How many rows this import creates posts for once started. */
	@JsonProperty
	public int rowsToImport() {
		return rowsValid;
	}

	/** Rows handled (imported, or left out as invalid at import time) out of the rows to import. */
	@JsonProperty
	public int percent() {
		return rowsToImport() == 0 ? 100 : (int) Math.min(100, 100L * (rowsImported + rowsFailed) / rowsToImport());
	}

	public boolean finished() {
		return "done".equals(state);
	}
}
