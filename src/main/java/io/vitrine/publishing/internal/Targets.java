package io.vitrine.publishing.internal;

import io.vitrine.publishing.PostLabels;
import io.vitrine.publishing.PostView;
import io.vitrine.publishing.TargetState;
import io.vitrine.publishing.TargetView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads posts and targets. Every read by people is scoped by workspace; the engine reads by id. */
@Component
public class Targets {

	/** The columns {@link #target} reads, on a table aliased {@code t}. */
	public static final String COLUMNS = "t.id, t.post_id, t.workspace_id, t.connection_id, t.body, t.link, t.state, t.due_at, t.not_before,"
			+ " t.attempts, t.remote_id, t.remote_url, t.failure_reason, t.published_at, t.updated_at, t.fields, t.pending_ref";

	private final JdbcClient jdbc;

	Targets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<TargetView> find(UUID targetId) {
		return jdbc.sql("select " + COLUMNS + " from post_target t where t.id = ?")
			.param(targetId)
			.query(this::target)
			.optional()
			.map(this::withImages);
	}

	public Optional<TargetView> find(UUID workspaceId, UUID targetId) {
		return jdbc.sql("select " + COLUMNS + " from post_target t where t.id = ? and t.workspace_id = ?")
			.params(targetId, workspaceId)
			.query(this::target)
			.optional()
			.map(this::withImages);
	}

	/**
	 * One workspace's targets due in [from, to), oldest first, without their images (the calendar
	 * shows text only). Drafts have no due time and are not among them.
	 */
	public List<TargetView> dueBetween(UUID workspaceId, java.time.Instant from, java.time.Instant to, int limit) {
		return jdbc.sql("select " + COLUMNS + " from post_target t where t.workspace_id = ? and t.due_at >= ? and t.due_at < ?"
				+ " and t.state <> 'cancelled' order by t.due_at, t.id limit ?")
			.params(workspaceId, Sql.ts(from), Sql.ts(to), limit)
			.query(this::target)
			.list();
	}

	/** One account's targets due in [from, to), oldest first, cancelled ones left out (the queue's slots). */
	public List<TargetView> accountDueBetween(UUID workspaceId, UUID connectionId, java.time.Instant from, java.time.Instant to,
			int limit) {
		return jdbc.sql("select " + COLUMNS + " from post_target t where t.workspace_id = ? and t.connection_id = ?"
				+ " and t.due_at >= ? and t.due_at < ? and t.state <> 'cancelled' order by t.due_at, t.id limit ?")
			.params(workspaceId, connectionId, Sql.ts(from), Sql.ts(to), limit)
			.query(this::target)
			.list();
	}

	/**
	 * One workspace's targets, oldest due first (drafts, which have no due time, last), for an export:
	 * due in [from, to) when given, of one account and in one state when given; cancelled ones only when asked.
	 */
	public List<TargetView> matching(UUID workspaceId, java.time.Instant from, java.time.Instant to, UUID connectionId,
			TargetState state, int limit) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from post_target t where t.workspace_id = ?");
		List<Object> params = new ArrayList<>(List.of(workspaceId));
		if (from != null) {
			sql.append(" and t.due_at >= ?");
			params.add(Sql.ts(from));
		}
		if (to != null) {
			sql.append(" and t.due_at < ?");
			params.add(Sql.ts(to));
		}
		if (connectionId != null) {
			sql.append(" and t.connection_id = ?");
			params.add(connectionId);
		}
		if (state != null) {
			sql.append(" and t.state = ?");
			params.add(state.dbValue());
		}
		else {
			sql.append(" and t.state <> 'cancelled'");
		}
		sql.append(" order by case when t.due_at is null then 1 else 0 end, t.due_at, t.id limit ?");
		params.add(limit);
		List<TargetView> found = jdbc.sql(sql.toString()).params(params).query(this::target).list();
		List<TargetView> withImages = new ArrayList<>(found.size());
		for (int i = 0; i < found.size(); i += 1000) {
			withImages.addAll(withImages(found.subList(i, Math.min(found.size(), i + 1000))));
		}
		return withImages;
	}

	/**
	 * The labels of those of these posts that have any, by post id (an export). Read as the workspace's labelled posts
	 * in one query: long lists of ids in an IN clause cost far more, and most posts have no label.
	 */
	public Map<UUID, PostLabels> labels(UUID workspaceId, java.util.Collection<UUID> postIds) {
		java.util.Set<UUID> wanted = new java.util.HashSet<>(postIds);
		Map<UUID, PostLabels> labels = new java.util.HashMap<>();
		jdbc.sql("select id, category_id, campaign from post where workspace_id = ? and (category_id is not null or campaign is not null)")
			.param(workspaceId)
			.query((rs, row) -> Map.entry(rs.getObject("id", UUID.class),
					new PostLabels(rs.getObject("category_id", UUID.class), rs.getString("campaign"))))
			.list()
			.stream()
			.filter(e -> wanted.contains(e.getKey()))
			.forEach(e -> labels.put(e.getKey(), e.getValue()));
		return labels;
	}

	/**
	 * The labels of the posts with targets due in [from, to) that have any (most have none: they cost nothing here),
	 * by post id.
	 */
	public Map<UUID, PostLabels> labelsDueBetween(UUID workspaceId, java.time.Instant from, java.time.Instant to) {
		Map<UUID, PostLabels> labels = new java.util.HashMap<>();
		jdbc.sql("select p.id, p.category_id, p.campaign from post p where p.workspace_id = ?"
				+ " and (p.category_id is not null or p.campaign is not null)"
				+ " and exists (select 1 from post_target t where t.post_id = p.id and t.due_at >= ? and t.due_at < ?)")
			.params(workspaceId, Sql.ts(from), Sql.ts(to))
			.query((rs, row) -> Map.entry(rs.getObject("id", UUID.class),
					new PostLabels(rs.getObject("category_id", UUID.class), rs.getString("campaign"))))
			.list()
			.forEach(e -> labels.put(e.getKey(), e.getValue()));
		return labels;
	}

	/** At most 500: a workspace with more campaign tags than that has a naming problem no list solves. */
	public List<String> campaigns(UUID workspaceId) {
		return jdbc.sql("select distinct campaign from post where workspace_id = ? and campaign is not null order by campaign limit 500")
			.param(workspaceId)
			.query(String.class)
			.list();
	}

	/** The post saved with this one-time key, if any. */
	public Optional<PostView> postBySubmission(UUID workspaceId, String submissionKey) {
		return posts(workspaceId, "p.submission_key = ?", List.of(submissionKey), 1).stream().findFirst();
	}

	public Optional<PostView> post(UUID workspaceId, UUID postId) {
		return posts(workspaceId, "p.id = ?", List.of(postId), 1).stream().findFirst();
	}

	/** Newest first, paged by id (ids sort by creation time). */
	public List<PostView> posts(UUID workspaceId, UUID before, int limit) {
		return before == null ? posts(workspaceId, "1 = 1", List.of(), limit)
				: posts(workspaceId, "p.id < ?", List.of(before), limit);
	}

	private List<PostView> posts(UUID workspaceId, String condition, List<Object> args, int limit) {
		List<Object> params = new ArrayList<>();
		params.add(workspaceId);
		params.addAll(args);
		params.add(limit);
		List<PostView> posts = jdbc
			.sql("select p.id, p.workspace_id, p.created_by, p.scheduled_at, p.scheduled_zone, p.created_at, p.category_id, p.campaign"
					+ " from post p"
					+ " where p.workspace_id = ? and " + condition + " order by p.id desc limit ?")
			.params(params)
			.query((rs, row) -> new PostView(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class),
					rs.getObject("created_by", UUID.class), Sql.instant(rs, "scheduled_at"), rs.getString("scheduled_zone"),
					Sql.instant(rs, "created_at"), List.of(), new PostLabels(rs.getObject("category_id", UUID.class), rs.getString("campaign"))))
			.list();
		if (posts.isEmpty()) {
			return posts;
		}
		Map<UUID, List<TargetView>> targets = targetsOf(posts.stream().map(PostView::id).toList());
		return posts.stream()
			.map(p -> new PostView(p.id(), p.workspaceId(), p.createdBy(), p.scheduledAt(), p.scheduledZone(),
					p.createdAt(), targets.getOrDefault(p.id(), List.of()), p.labels()))
			.toList();
	}

	private Map<UUID, List<TargetView>> targetsOf(List<UUID> postIds) {
		String marks = postIds.stream().map(id -> "?").collect(Collectors.joining(","));
		List<TargetView> targets = jdbc.sql("select " + COLUMNS + " from post_target t where t.post_id in (" + marks + ") order by t.id")
			.params(new ArrayList<Object>(postIds))
			.query(this::target)
			.list();
		Map<UUID, List<TargetView.ImageView>> images = imagesOf(targets.stream().map(TargetView::id).toList());
		Map<UUID, List<TargetView>> byPost = new LinkedHashMap<>();
		for (TargetView t : targets) {
			byPost.computeIfAbsent(t.postId(), k -> new ArrayList<>()).add(withImages(t, images.getOrDefault(t.id(), List.of())));
		}
		return byPost;
	}

	private TargetView withImages(TargetView t) {
		return withImages(t, imagesOf(List.of(t.id())).getOrDefault(t.id(), List.of()));
	}

	/** The images of many targets read at once (the engine's claimed batch). */
	public List<TargetView> withImages(List<TargetView> targets) {
		Map<UUID, List<TargetView.ImageView>> images = imagesOf(targets.stream().map(TargetView::id).toList());
		return targets.stream().map(t -> withImages(t, images.getOrDefault(t.id(), List.of()))).toList();
	}

	private static TargetView withImages(TargetView t, List<TargetView.ImageView> images) {
		return t.withImages(images);
	}

	private Map<UUID, List<TargetView.ImageView>> imagesOf(List<UUID> targetIds) {
		if (targetIds.isEmpty()) {
			return Map.of();
		}
		String marks = targetIds.stream().map(id -> "?").collect(Collectors.joining(","));
		Map<UUID, List<TargetView.ImageView>> images = new LinkedHashMap<>();
		jdbc.sql("select target_id, media_id, alt_text from post_target_media where target_id in (" + marks + ") order by target_id, position")
			.params(new ArrayList<Object>(targetIds))
			.query(rs -> {
				images.computeIfAbsent(rs.getObject("target_id", UUID.class), k -> new ArrayList<>())
					.add(new TargetView.ImageView(rs.getObject("media_id", UUID.class), rs.getString("alt_text")));
			});
		return images;
	}

	/** Reads {@link #COLUMNS}; images are added by {@link #withImages(List)}. */
	public TargetView target(ResultSet rs, int row) throws SQLException {
		return new TargetView(rs.getObject("id", UUID.class), rs.getObject("post_id", UUID.class),
				rs.getObject("workspace_id", UUID.class), rs.getObject("connection_id", UUID.class), rs.getString("body"), rs.getString("link"), List.of(),
				TargetState.fromDb(rs.getString("state")), Sql.instant(rs, "due_at"), Sql.instant(rs, "not_before"),
				rs.getInt("attempts"), rs.getString("remote_id"), rs.getString("remote_url"), rs.getString("failure_reason"),
				Sql.instant(rs, "published_at"), Sql.instant(rs, "updated_at"), FieldsJson.read(rs.getString("fields")),
				rs.getString("pending_ref"));
	}
}
