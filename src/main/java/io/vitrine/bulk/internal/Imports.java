package io.vitrine.bulk.internal;

import io.vitrine.bulk.ImportStatus;
import io.vitrine.bulk.csv.RowProblem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The imports and their rows in the database. Every read by people is scoped by workspace. */
@Component
public class Imports {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {
	};

	private static final TypeReference<List<RowProblem>> PROBLEMS = new TypeReference<>() {
	};

	private static final String NO_PROBLEMS = "[]";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	Imports(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** A checked row, as stored. */
	public record StoredRow(int number, Map<String, String> fields, List<RowProblem> problems, UUID postId) {
	}

	void create(UUID id, UUID workspaceId, UUID userId, String fileName, List<StoredRow> rows, Instant now) {
		int valid = (int) rows.stream().filter(r -> r.problems().isEmpty()).count();
		jdbc.sql("insert into bulk_import (id, workspace_id, created_by, file_name, state, rows_total, rows_valid, valid_only,"
				+ " rows_imported, rows_failed, created_at, updated_at) values (?, ?, ?, ?, 'previewed', ?, ?, false, 0, 0, ?, ?)")
			.params(id, workspaceId, userId, fileName, rows.size(), valid, ts(now), ts(now))
			.update();
		for (int from = 0; from < rows.size(); from += 500) {
			List<Object[]> batch = rows.subList(from, Math.min(rows.size(), from + 500)).stream()
				.map(r -> new Object[] { id, r.number(), workspaceId, JSON.writeValueAsString(r.fields()),
						JSON.writeValueAsString(r.problems()) })
				.toList();
			template.batchUpdate("insert into bulk_import_row (import_id, row_number, workspace_id, fields, problems)"
					+ " values (?, ?, ?, ?, ?)", batch);
		}
	}

	public Optional<ImportStatus> find(UUID workspaceId, UUID id) {
		return jdbc.sql("select * from bulk_import where id = ? and workspace_id = ?").params(id, workspaceId)
			.query(this::status).optional();
	}

	/** The workspace's latest imports, newest first. */
	public List<ImportStatus> recent(UUID workspaceId, int limit) {
		return jdbc.sql("select * from bulk_import where workspace_id = ? order by id desc limit ?").params(workspaceId, limit)
			.query(this::status).list();
	}

	/** The first rows of the file, to show what it will become. */
	public List<StoredRow> firstRows(UUID importId, int limit) {
		return jdbc.sql("select row_number, fields, problems, post_id from bulk_import_row where import_id = ?"
				+ " order by row_number limit ?").params(importId, limit).query(this::row).list();
	}

	/** Every problem of the rows, in row order, at most {@code limit}. */
	public List<RowProblem> problems(UUID importId, int limit) {
		List<RowProblem> all = new ArrayList<>();
		jdbc.sql("select problems from bulk_import_row where import_id = ? and problems <> ? order by row_number")
			.params(importId, NO_PROBLEMS)
			.query(rs -> {
				if (all.size() < limit) {
					all.addAll(JSON.readValue(rs.getString("problems"), PROBLEMS));
				}
			});
		return all.size() > limit ? all.subList(0, limit) : all;
	}

	/**
	 * Takes the import for one run. Only one caller wins: the first start, or a resume of a failed run or of
	 * a run whose node stopped beating (its rows already imported are kept and skipped).
	 */
	boolean claim(UUID workspaceId, UUID id, boolean validOnly, Instant now, Instant staleBefore) {
		return jdbc.sql("update bulk_import set state = 'importing', valid_only = ?, failure = null, heartbeat_at = ?,"
				+ " updated_at = ? where id = ? and workspace_id = ? and (state in ('previewed', 'failed')"
				+ " or (state = 'importing' and updated_at < ?))")
			.params(validOnly, ts(now), ts(now), id, workspaceId, ts(staleBefore))
			.update() == 1;
	}

	/** Rows valid at preview and not yet imported, in file order. */
	List<StoredRow> pending(UUID importId, int limit) {
		return jdbc.sql("select row_number, fields, problems, post_id from bulk_import_row where import_id = ?"
				+ " and post_id is null and problems = ? order by row_number limit ?")
			.params(importId, NO_PROBLEMS, limit)
			.query(this::row)
			.list();
	}

	/** Marks rows as imported, each with the post it became: row number → post id. */
	void imported(UUID importId, Map<Integer, UUID> posts) {
		template.batchUpdate("update bulk_import_row set post_id = ? where import_id = ? and row_number = ?",
				posts.entrySet().stream().map(e -> new Object[] { e.getValue(), importId, e.getKey() }).toList());
	}

	void failed(UUID importId, int row, List<RowProblem> problems) {
		jdbc.sql("update bulk_import_row set problems = ? where import_id = ? and row_number = ?")
			.params(JSON.writeValueAsString(problems), importId, row)
			.update();
	}

	void progress(UUID importId, int imported, int failed, Instant now) {
		jdbc.sql("update bulk_import set rows_imported = rows_imported + ?, rows_failed = rows_failed + ?, heartbeat_at = ?,"
				+ " updated_at = ? where id = ?")
			.params(imported, failed, ts(now), ts(now), importId)
			.update();
	}

	void finish(UUID importId, String state, String failure, Instant now) {
		jdbc.sql("update bulk_import set state = ?, failure = ?, heartbeat_at = null, updated_at = ? where id = ?")
			.params(state, failure == null ? null : failure.substring(0, Math.min(failure.length(), 4000)), ts(now), importId)
			.update();
	}

	private ImportStatus status(ResultSet rs, int row) throws SQLException {
		return new ImportStatus(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class), rs.getString("file_name"),
				rs.getString("state"), rs.getInt("rows_total"), rs.getInt("rows_valid"), rs.getBoolean("valid_only"),
				rs.getInt("rows_imported"), rs.getInt("rows_failed"), rs.getString("failure"), instant(rs, "created_at"),
				instant(rs, "updated_at"));
	}

	private StoredRow row(ResultSet rs, int row) throws SQLException {
		return new StoredRow(rs.getInt("row_number"), JSON.readValue(rs.getString("fields"), FIELDS),
				JSON.readValue(rs.getString("problems"), PROBLEMS), rs.getObject("post_id", UUID.class));
	}

	private static OffsetDateTime ts(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
