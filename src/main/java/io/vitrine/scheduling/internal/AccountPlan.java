package io.vitrine.scheduling.internal;

import io.vitrine.networks.ConnectionView;
import io.vitrine.publishing.PlannedPosts;
import io.vitrine.publishing.TargetState;
import io.vitrine.publishing.TargetView;
import io.vitrine.workspaces.Member;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads an account's planned posts and finds its next free slot after a moment. */
@Component
public class AccountPlan {

	/** Enough for a year of a busy queue; beyond it the horizon says "full". */
	private static final int MAX_READ = 20_000;

	private final PlannedPosts plan;

	AccountPlan(PlannedPosts plan) {
		this.plan = plan;
	}

	/** Posts that hold a slot and count toward the cap: everything planned except cancelled or failed ones. */
	public List<TargetView> planned(Member member, ConnectionView account, Instant from, Instant to) {
		return plan.accountDueBetween(member, account.id(), from, to, MAX_READ).stream()
			.filter(t -> t.state() != TargetState.CANCELLED && t.state() != TargetState.FAILED)
			.toList();
	}

	public Optional<Instant> nextFree(Member member, ConnectionView account, QueueSettings.AccountQueue queue, Instant after) {
		// From the start of the day before, so that the posts already on "after"'s local day count toward its cap.
		Instant from = after.minus(Duration.ofDays(2));
		Instant to = after.plus(Duration.ofDays(NextFreeSlot.HORIZON_DAYS + 2));
		List<Instant> planned = planned(member, account, from, to).stream().map(TargetView::dueAt).toList();
		return NextFreeSlot.after(after, queue.slots(), account.zoneOr(member.workspaceZone()), queue.dailyCap(), planned);
	}
}
