package io.vitrine.bulk.internal;

import io.vitrine.bulk.csv.ImportColumns;
import io.vitrine.categories.ContentCategories;
import io.vitrine.categories.ContentCategory;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.publishing.PostBatches;
import io.vitrine.publishing.PostLabels;
import io.vitrine.publishing.TargetState;
import io.vitrine.publishing.TargetView;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.Member;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The workspace's posts as CSV (RFC 4180: CRLF line ends, quotes only where needed), one row per
 * (post, account) target, in the importer's columns so that the file can be edited and imported again;
 * a few columns after them (state, ids, the published address) are for people and ignored on import.
 */
@Service
public class ExportPosts {

	static final List<String> COLUMNS = List.of(ImportColumns.TEXT, ImportColumns.LINK, ImportColumns.ACCOUNTS,
			ImportColumns.SCHEDULED_AT, ImportColumns.TIME_ZONE, ImportColumns.MEDIA, ImportColumns.CATEGORY, ImportColumns.CAMPAIGN, "state", "network", "post_id", "target_id",
			"published_url");

	private final PostBatches batches;

	private final Connections connections;

	private final ContentCategories categories;

	ExportPosts(PostBatches batches, Connections connections, ContentCategories categories) {
		this.categories = categories;
		this.batches = batches;
		this.connections = connections;
	}

	/** What to export: due in [from, to) when given, of one account and in one state when given. */
	public record Filter(Instant from, Instant to, UUID connectionId, TargetState state) {
	}

	/** @param separator ',' or ';' (what French Excel opens without asking) */
	public int write(Member member, Filter filter, char separator, boolean byteOrderMark, Writer out) throws IOException {
		List<TargetView> targets = batches.matching(member, filter.from(), filter.to(), filter.connectionId(), filter.state());
		Map<UUID, ConnectionView> accounts = connections.list(member.workspaceId()).stream()
			.collect(Collectors.toMap(ConnectionView::id, a -> a));
		Map<UUID, ConnectionView> disconnected = new HashMap<>();
		Map<UUID, PostLabels> labels = batches.labels(member, targets.stream().map(TargetView::postId).toList());
		Map<UUID, String> categoryNames = categories.list(member).stream()
			.collect(Collectors.toMap(ContentCategory::id, ContentCategory::name));
		if (byteOrderMark) {
			out.write('\uFEFF');
		}
		CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setHeader(COLUMNS.toArray(String[]::new)).get();
		try (CSVPrinter csv = new CSVPrinter(out, format)) {
			for (TargetView t : targets) {
				ConnectionView account = accounts.get(t.connectionId());
				if (account == null) {
					account = disconnected.computeIfAbsent(t.connectionId(), id -> find(member, id));
				}
				ZoneId zone = account == null ? member.workspaceZone() : account.zoneOr(member.workspaceZone());
				PostLabels label = labels.getOrDefault(t.postId(), PostLabels.NONE);
				csv.printRecord(t.text(), t.link() == null ? "" : t.link(),
						account == null ? "" : account.network().value() + ":" + account.handle(),
						t.dueAt() == null ? "" : OffsetDateTime.ofInstant(t.dueAt(), zone).truncatedTo(ChronoUnit.SECONDS).toString(),
						t.dueAt() == null ? "" : zone.getId(),
						t.images().stream().map(i -> i.mediaId().toString()).collect(Collectors.joining("|")),
						label.categoryId() == null ? "" : categoryNames.getOrDefault(label.categoryId(), ""),
						label.campaign() == null ? "" : label.campaign(),
						t.state().dbValue(), account == null ? "" : account.network().value(), t.postId(), t.id(),
						t.remoteUrl() == null ? "" : t.remoteUrl());
			}
		}
		return targets.size();
	}

	private ConnectionView find(Member member, UUID connectionId) {
		try {
			return connections.get(member.workspaceId(), connectionId);
		}
		catch (NotFound gone) {
			return null;
		}
	}
}
