package io.vitrine.bulk;

import io.vitrine.bulk.internal.PreviewImport;
import io.vitrine.calendar.internal.CalendarFeeds;
import io.vitrine.testsupport.IsolationFixtures;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Role;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Map;

/** A previewed (not started) import and a calendar feed in workspace B, for the isolation walk. */
class BulkIsolationFixtures implements IsolationFixtures {

	private final PreviewImport preview;

	private final CalendarFeeds feeds;

	BulkIsolationFixtures(PreviewImport preview, CalendarFeeds feeds) {
		this.preview = preview;
		this.feeds = feeds;
	}

	@Override
	public Map<String, String> create(WorkspaceB b) {
		Member owner = new Member(b.owner().id(), b.workspaceId(), "B", Role.OWNER, ZoneId.of("Europe/Paris"));
		ImportStatus status = preview.preview(owner, "b-secret.csv",
				"text,accounts\nB's secret launch,b-secret-handle@b-secret.example\n".getBytes(StandardCharsets.UTF_8));
		// Its token is not handed to the walk: a random one must open nothing.
		feeds.issue(b.workspaceId(), b.owner().id());
		return Map.of("importId", status.id().toString());
	}
}
