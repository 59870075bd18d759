package io.vitrine.bulk.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.bulk.ImportStatus;
import io.vitrine.bulk.csv.RowProblem;
import io.vitrine.bulk.internal.ExportPosts;
import io.vitrine.bulk.internal.Imports;
import io.vitrine.bulk.internal.PreviewImport;
import io.vitrine.bulk.internal.StartImport;
import io.vitrine.identity.CurrentUser;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.WorkspaceAccess;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}")
@Tag(name = "Bulk import and export", description = "Posts from a CSV file (checked, previewed, then imported on request "
		+ "in the background), and the workspace's posts as CSV. Columns: see the README, \"Bulk import and export\".")
class BulkApi {

	static final int MAX_ERRORS = 1000;

	static final int PREVIEW_ROWS = 20;

	private final WorkspaceAccess access;

	private final PreviewImport preview;

	private final StartImport start;

	private final Imports imports;

	private final ExportPosts export;

	BulkApi(WorkspaceAccess access, PreviewImport preview, StartImport start, Imports imports, ExportPosts export) {
		this.access = access;
		this.preview = preview;
		this.start = start;
		this.imports = imports;
		this.export = export;
	}

	@Schema(description = "An import with its problems (each naming row, column and rule) and its first rows")
	record ImportPreview(ImportStatus status, @Schema(description = "at most " + MAX_ERRORS) List<RowProblem> errors,
			@Schema(description = "the first " + PREVIEW_ROWS + " rows") List<PreviewRow> firstRows) {
	}

	record PreviewRow(int row, Map<String, String> values, boolean valid, UUID postId) {
	}

	record Start(@Schema(description = "true to import the valid rows and leave the others; without it an import whose file "
			+ "has an invalid row is refused (rule all-valid)") Boolean validRowsOnly) {
	}

	@PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Upload a CSV file and check it", description = "Multipart part \"file\". Every row is checked as the "
			+ "composer checks a post (accounts, time, each network's rules); nothing is imported until the import is started. "
			+ "A file that cannot be read as a whole (unknown or missing column, broken quoting) is refused with 422, field \"file\".")
	ImportPreview upload(CurrentUser user, @PathVariable UUID workspaceId, @RequestPart("file") MultipartFile file)
			throws IOException {
		Member member = access.require(user, workspaceId);
		ImportStatus status = preview.preview(member, file.getOriginalFilename(), file.getBytes());
		return previewOf(status);
	}

	@GetMapping("/imports")
	@Operation(summary = "The workspace's latest imports, newest first")
	List<ImportStatus> list(CurrentUser user, @PathVariable UUID workspaceId) {
		Member member = access.require(user, workspaceId);
		return imports.recent(member.workspaceId(), 50);
	}

	@GetMapping("/imports/{importId}")
	@Operation(summary = "One import: its state, progress, problems and first rows", description = "Poll it while the state is importing")
	ImportPreview get(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID importId) {
		Member member = access.require(user, workspaceId);
		return previewOf(imports.find(member.workspaceId(), importId).orElseThrow(() -> new NotFound("import " + importId)));
	}

	@PostMapping("/imports/{importId}/start")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Import the rows", description = "Runs in the background, in batches; poll the import for its progress. "
			+ "Idempotent: starting an import already started or done only answers where it stands; starting a failed one "
			+ "resumes it without creating any row's post twice. 422 with rule all-valid when a row is invalid and "
			+ "validRowsOnly is not true; none-valid when no row is valid.")
	ImportStatus start(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID importId,
			@RequestBody(required = false) Start body) {
		Member member = access.require(user, workspaceId);
		return start.start(member, importId, body != null && Boolean.TRUE.equals(body.validRowsOnly()));
	}

	@GetMapping("/exports/posts.csv")
	@Operation(summary = "The workspace's posts as CSV", description = "One row per (post, account), in the importer's columns "
			+ "(text, link, accounts, scheduled_at, time_zone, media) then state, network, post_id, target_id, published_url. "
			+ "RFC 4180, UTF-8. Drafts come last (no time). Cancelled posts only with state=cancelled.")
	void export(CurrentUser user, @PathVariable UUID workspaceId,
			@Parameter(description = "first day (in the workspace's zone), e.g. 2026-12-01") @RequestParam(required = false) String from,
			@Parameter(description = "day after the last one, e.g. 2027-01-01") @RequestParam(required = false) String to,
			@Parameter(description = "an account id") @RequestParam(required = false) String account,
			@Parameter(description = "draft, scheduled, publishing, published, failed, unknown or cancelled") @RequestParam(required = false) String state,
			@Parameter(description = "comma (default) or semicolon") @RequestParam(required = false) String separator,
			@Parameter(description = "true: start with a UTF-8 byte order mark, so that Excel reads accents right") @RequestParam(required = false) String bom,
			HttpServletResponse response) throws IOException {
		Member member = access.require(user, workspaceId);
		ExportQuery query = new ExportQuery(from, to, account, state, separator, bom);
		ExportPosts.Filter filter = query.filter(member.workspaceZone());
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"vitrine-posts-" + LocalDate.now(member.workspaceZone()) + ".csv\"");
		response.setHeader("Cache-Control", "no-store");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		export.write(member, filter, query.separatorChar(), query.withByteOrderMark(), out);
	}

	private ImportPreview previewOf(ImportStatus status) {
		List<PreviewRow> rows = imports.firstRows(status.id(), PREVIEW_ROWS).stream()
			.map(r -> new PreviewRow(r.number(), r.fields(), r.problems().isEmpty(), r.postId()))
			.toList();
		return new ImportPreview(status, imports.problems(status.id(), MAX_ERRORS), rows);
	}
}
