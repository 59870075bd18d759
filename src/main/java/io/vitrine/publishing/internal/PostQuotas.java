package io.vitrine.publishing.internal;

import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connectors;
import io.vitrine.networks.NetworkConnector;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.PublishQuota;
import io.vitrine.networks.QuotaUsages;
import io.vitrine.publishing.PostDraft;
import io.vitrine.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts what Vitrine sent against each network's documented quotas ({@link NetworkConnector#quotas()}), per account
 * or over every account of the network, so that a post that would go over is held until a slot frees.
 *
 * <p>Counted: every target of the account (or the network) that may be on the network — published, pending (the
 * network has it), unknown (it may have it) and publishing once its request started — at the time it was published,
 * else when its request started. Posts made outside Vitrine are not seen; the connector's own reading of the network's
 * count (Instagram's content_publishing_limit) and its RateLimited answer cover those.
 *
 * <p>Cheap on the hot path: networks without quotas cost nothing; others are counted from memory, reloaded from the
 * database at most every {@link #REFRESH} per account (or network), plus this node's own sends since then, which are
 * reserved in memory before their request starts. Between two reloads another node's sends are not seen yet: with
 * several nodes a quota may be overrun by what they send within those seconds, and the network's rate-limit answer
 * then holds the rest.
 */
@Component
public class PostQuotas implements QuotaUsages {

	/** How long counts read from the database are trusted before they are read again. */
	static final Duration REFRESH = Duration.ofSeconds(10);

	private static final String COUNTED = "t.state in ('published', 'pending', 'unknown', 'publishing') and t.sent_at is not null"
			+ " and coalesce(t.published_at, t.sent_at) > ?";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** Why a target waits, and until when. */
	public record Hold(Instant until, String reason) {
	}

	private record Key(NetworkId network, UUID connectionId) {
	}

	private final JdbcClient jdbc;

	private final Connectors connectors;

	private final Clock clock;

	private final Map<Key, Ledger> ledgers = new ConcurrentHashMap<>();

	PostQuotas(JdbcClient jdbc, Connectors connectors, Clock clock) {
		this.jdbc = jdbc;
		this.connectors = connectors;
		this.clock = clock;
	}

	/**
	 * Counts the target in every quota of its network, unless one is full: then nothing is counted and the hold says
	 * until when. Call right before the target's request starts; {@link #release} it if no request starts after all.
	 */
	public Optional<Hold> reserve(ConnectionView account, NetworkConnector connector, UUID targetId, Instant now) {
		List<PublishQuota> quotas = connector.quotas();
		if (quotas.isEmpty()) {
			return Optional.empty();
		}
		// Ledgers are locked one at a time in the connector's order; a target counts in all or none of them.
		Hold hold = null;
		for (PublishQuota quota : quotas) {
			Ledger ledger = ledger(account, quota, connector);
			synchronized (ledger) {
				ledger.refresh(now);
				Instant freeAt = ledger.freeAt(quota, now);
				if (freeAt != null && (hold == null || freeAt.isAfter(hold.until()))) {
					hold = new Hold(freeAt, reason(connector, quota, account, freeAt));
				}
			}
		}
		if (hold != null) {
			return Optional.of(hold);
		}
		for (PublishQuota quota : quotas) {
			Ledger ledger = ledger(account, quota, connector);
			synchronized (ledger) {
				ledger.reserved.put(targetId, now);
			}
		}
		return Optional.empty();
	}

	/** The target's request did not start, or the network certainly did not take the post: it no longer counts. */
	public void release(ConnectionView account, NetworkConnector connector, UUID targetId) {
		for (PublishQuota quota : connector.quotas()) {
			Ledger ledger = ledger(account, quota, connector);
			synchronized (ledger) {
				ledger.reserved.remove(targetId);
			}
		}
	}

	@Override
	public List<QuotaUsage> of(ConnectionView account) {
		NetworkConnector connector = connectors.get(account.network());
		Instant now = clock.instant();
		List<QuotaUsage> usages = new ArrayList<>();
		for (PublishQuota quota : connector.quotas()) {
			Ledger ledger = ledger(account, quota, connector);
			synchronized (ledger) {
				ledger.refresh(now);
				List<Instant> counted = ledger.counted(quota, now);
				usages.add(new QuotaUsage(quota, counted.size(), counted.isEmpty() ? null : counted.getFirst().plus(quota.window())));
			}
		}
		return usages;
	}

	/**
	 * For the composer: the quotas already full in the window that ends at {@code at}, counting what is planned for
	 * then (scheduled posts, at their due time) as well as what went out. Read afresh; only for the chosen accounts.
	 */
	public List<String> fullAt(ConnectionView account, Instant at) {
		NetworkConnector connector = connectors.get(account.network());
		List<String> full = new ArrayList<>();
		for (PublishQuota quota : connector.quotas()) {
			List<Object> params = new ArrayList<>();
			String whose = whose(account, quota.scope(), params);
			params.add(Sql.ts(at.minus(quota.window())));
			params.add(Sql.ts(at));
			int planned = jdbc.sql("select count(*) from post_target t where " + whose
					+ " and t.state in ('scheduled', 'publishing', 'pending', 'unknown', 'published')"
					+ " and coalesce(t.published_at, t.sent_at, t.due_at) > ? and coalesce(t.published_at, t.sent_at, t.due_at) <= ?")
				.params(params)
				.query(Integer.class)
				.single();
			if (planned >= quota.max()) {
				full.add(connector.displayName() + " allows " + quota.describe() + scopeWords(quota) + "; " + planned
						+ " are already planned or published in the " + window(quota) + " before this time, so this post would wait for a free slot");
			}
		}
		return full;
	}

	/**
	 * The composer's warnings for a post saved with {@code when}: none for a draft, or when the time cannot be read
	 * (saving names that problem).
	 */
	public List<String> warnings(ConnectionView account, String publish, String scheduledAt, String timeZone, ZoneId workspaceZone) {
		if (connectors.get(account.network()).quotas().isEmpty()) {
			return List.of();
		}
		try {
			return switch (ScheduleParser.parse(publish, scheduledAt, timeZone, workspaceZone)) {
				case PostDraft.AsDraft d -> List.of();
				case PostDraft.Now n -> fullAt(account, clock.instant());
				case PostDraft.At at -> fullAt(account, at.instant());
			};
		}
		catch (InvalidInput e) {
			return List.of();
		}
	}

	private Ledger ledger(ConnectionView account, PublishQuota quota, NetworkConnector connector) {
		Key key = new Key(account.network(), quota.scope() == PublishQuota.Scope.APP ? null : account.id());
		Duration longest = connector.quotas().stream().filter(q -> q.scope() == quota.scope()).map(PublishQuota::window)
			.max(Comparator.naturalOrder()).orElse(quota.window());
		return ledgers.computeIfAbsent(key, k -> new Ledger(account, quota.scope(), longest));
	}

	private static String whose(ConnectionView account, PublishQuota.Scope scope, List<Object> params) {
		if (scope == PublishQuota.Scope.APP) {
			params.add(account.network().value());
			return "t.connection_id in (select c.id from connection c where c.network = ?)";
		}
		params.add(account.id());
		return "t.connection_id = ?";
	}

	private static String reason(NetworkConnector connector, PublishQuota quota, ConnectionView account, Instant freeAt) {
		ZoneId zone = account.timeZoneOverride() != null ? account.timeZoneOverride() : ZoneOffset.UTC;
		return connector.displayName() + " allows " + quota.describe() + scopeWords(quota) + "; goes at "
				+ TIME.format(freeAt.atZone(zone)) + " " + (zone == ZoneOffset.UTC ? "UTC" : zone.getId());
	}

	private static String scopeWords(PublishQuota quota) {
		return quota.scope() == PublishQuota.Scope.APP ? " over all accounts of this Vitrine" : " on this account";
	}

	private static String window(PublishQuota quota) {
		return quota.windowAmount() == 1 ? quota.windowUnit().substring(0, quota.windowUnit().length() - 1)
				: quota.windowAmount() + " " + quota.windowUnit();
	}

	/** One account's (or one network's) counted posts: from the database, plus this node's reservations since. */
	private final class Ledger {

		private final ConnectionView account;

		private final PublishQuota.Scope scope;

		private final Duration window;

		private Map<UUID, Instant> stored = Map.of();

		final Map<UUID, Instant> reserved = new HashMap<>();

		private Instant loadedAt;

		Ledger(ConnectionView account, PublishQuota.Scope scope, Duration window) {
			this.account = account;
			this.scope = scope;
			this.window = window;
		}

		void refresh(Instant now) {
			// Workers each pass their own "now", a little apart: one a little before the last load is no reason to read
			// again (reading at every reservation cost a burst a third of its speed). A clock set far back is.
			if (loadedAt != null && now.isBefore(loadedAt.plus(REFRESH)) && now.isAfter(loadedAt.minus(REFRESH))) {
				return;
			}
			List<Object> params = new ArrayList<>();
			String whose = whose(account, scope, params);
			params.add(Sql.ts(now.minus(window)));
			Map<UUID, Instant> rows = new HashMap<>();
			jdbc.sql("select t.id, coalesce(t.published_at, t.sent_at) as counted_at from post_target t where " + whose + " and " + COUNTED)
				.params(params)
				.query(rs -> {
					rows.put(rs.getObject("id", UUID.class), Sql.instant(rs, "counted_at"));
				});
			stored = rows;
			// A reservation the database now shows is counted once, as stored; one older than the window is gone.
			reserved.keySet().removeIf(rows::containsKey);
			reserved.values().removeIf(at -> !at.isAfter(now.minus(window)));
			loadedAt = now;
		}

		/** The counted times within the quota's window ending now, oldest first. */
		List<Instant> counted(PublishQuota quota, Instant now) {
			Instant from = now.minus(quota.window());
			List<Instant> times = new ArrayList<>();
			stored.values().stream().filter(at -> at.isAfter(from)).forEach(times::add);
			reserved.values().stream().filter(at -> at.isAfter(from)).forEach(times::add);
			times.sort(Comparator.naturalOrder());
			return times;
		}

		/** Null when a post may go now; otherwise when enough counted posts have left the window for one more. */
		Instant freeAt(PublishQuota quota, Instant now) {
			List<Instant> times = counted(quota, now);
			if (times.size() < quota.max()) {
				return null;
			}
			return times.get(times.size() - quota.max()).plus(quota.window());
		}
	}
}
