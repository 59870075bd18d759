package io.vitrine.scheduling;

import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.NewConnection;
import io.vitrine.publishing.PostDraft;
import io.vitrine.publishing.PostLabels;
import io.vitrine.publishing.PostView;
import io.vitrine.scheduling.internal.AccountQueues;
import io.vitrine.scheduling.internal.AddToQueue;
import io.vitrine.scheduling.internal.Evergreens;
import io.vitrine.scheduling.internal.Recurrence;
import io.vitrine.scheduling.internal.RecurringSeries;
import io.vitrine.testsupport.IsolationFixtures;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Role;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** In workspace B: an account with slots, a queued evergreen post and a recurring series, for the isolation walk. */
class SchedulingIsolationFixtures implements IsolationFixtures {

	private final Connections connections;

	private final AccountQueues queues;

	private final AddToQueue addToQueue;

	private final RecurringSeries series;

	private final Evergreens evergreens;

	private final Clock clock;

	SchedulingIsolationFixtures(Connections connections, AccountQueues queues, AddToQueue addToQueue, RecurringSeries series,
			Evergreens evergreens, Clock clock) {
		this.clock = clock;
		this.connections = connections;
		this.queues = queues;
		this.addToQueue = addToQueue;
		this.series = series;
		this.evergreens = evergreens;
	}

	@Override
	public Map<String, String> create(WorkspaceB b) {
		ZoneId paris = ZoneId.of("Europe/Paris");
		ConnectionView account = connections.connect(b.workspaceId(), new NewConnection(new NetworkId("mastodon"),
				"https://b-queue.example", "b-queue", "b-secret-handle-queue@b-queue.example", "B queue",
				new NetworkLimits(500, 0, 23, 4, 16_000_000, 1500), new Credentials(Map.of("accessToken", "b-secret-token"))));
		Member owner = new Member(b.owner().id(), b.workspaceId(), "B", Role.OWNER, paris);
		queues.change(owner, account.id(), List.of(new AccountQueues.SlotView("MONDAY", "09:00"), new AccountQueues.SlotView("THURSDAY", "09:00")), 2);
		PostDraft.TargetDraft draft = new PostDraft.TargetDraft(account.id(), "B's secret launch", null, List.of());
		PostView queued = addToQueue.add(owner, List.of(draft), PostLabels.NONE, 30);
		RecurringSeries.Series weekly = series.create(owner, List.of(draft), Recurrence.of(LocalDateTime.ofInstant(clock.instant(), paris).plusDays(2).withSecond(0).withNano(0),
				paris, 1, Recurrence.Unit.WEEKS, Set.of(DayOfWeek.TUESDAY), null, 3));
		return Map.of("connectionId", account.id().toString(), "targetId", queued.targets().getFirst().id().toString(),
				"seriesId", weekly.id().toString(), "evergreenId", evergreens.of(b.workspaceId()).getFirst().id().toString());
	}
}
