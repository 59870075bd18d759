package io.vitrine.categories.internal;

import io.vitrine.categories.ContentCategory;
import io.vitrine.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
public class CategoryStore {

	private static final String COLUMNS = "select id, name, color from content_category";

	private final JdbcClient jdbc;

	CategoryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<ContentCategory> list(UUID workspaceId) {
		return jdbc.sql(COLUMNS + " where workspace_id = ? order by name_key").param(workspaceId).query(CategoryStore::row).list();
	}

	public int count(UUID workspaceId) {
		return jdbc.sql("select count(*) from content_category where workspace_id = ?").param(workspaceId).query(Integer.class).single();
	}

	public Optional<ContentCategory> find(UUID workspaceId, UUID id) {
		return jdbc.sql(COLUMNS + " where workspace_id = ? and id = ?").params(workspaceId, id).query(CategoryStore::row).optional();
	}

	public Optional<ContentCategory> byKey(UUID workspaceId, String nameKey) {
		return jdbc.sql(COLUMNS + " where workspace_id = ? and name_key = ?").params(workspaceId, nameKey).query(CategoryStore::row)
			.optional();
	}

	public ContentCategory insert(UUID workspaceId, String name, String nameKey, String color, Instant now) {
		UUID id = Ids.next();
		jdbc.sql("insert into content_category (id, workspace_id, name, name_key, color, created_at, updated_at)"
				+ " values (?, ?, ?, ?, ?, ?, ?)")
			.params(id, workspaceId, name, nameKey, color, now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC))
			.update();
		return new ContentCategory(id, name, color);
	}

	public void update(UUID workspaceId, UUID id, String name, String nameKey, String color, Instant now) {
		jdbc.sql("update content_category set name = ?, name_key = ?, color = ?, updated_at = ? where workspace_id = ? and id = ?")
			.params(name, nameKey, color, now.atOffset(ZoneOffset.UTC), workspaceId, id)
			.update();
	}

	public boolean delete(UUID workspaceId, UUID id) {
		return jdbc.sql("delete from content_category where workspace_id = ? and id = ?").params(workspaceId, id).update() == 1;
	}

	private static ContentCategory row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new ContentCategory(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("color"));
	}
}
