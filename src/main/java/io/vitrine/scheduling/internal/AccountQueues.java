package io.vitrine.scheduling.internal;

import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.publishing.ApprovalHolds;
import io.vitrine.publishing.TargetView;
import io.vitrine.shared.InvalidInput;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Each account's queue as people and API clients see it, and changing its slots and cap. */
@Service
public class AccountQueues {

	public static final int MAX_SLOTS = 100;

	public static final int MAX_DAILY_CAP = 100;

	public record SlotView(String day, String time) {
	}

	/** @param awaitingApproval it keeps its slot, but goes out only once approved */
	public record QueuedPost(UUID targetId, UUID postId, java.time.Instant dueAt, LocalDateTime start, String zone, String text,
			boolean evergreen, boolean awaitingApproval) {
	}

	public record AccountQueue(UUID connectionId, String network, String handle, String timeZone, Integer dailyCap,
			List<SlotView> slots, List<QueuedPost> queued) {
	}

	private final Connections connections;

	private final QueueSettings settings;

	private final QueueOrder order;

	private final Evergreens evergreens;

	private final ApprovalHolds holds;

	private final Clock clock;

	AccountQueues(Connections connections, QueueSettings settings, QueueOrder order, Evergreens evergreens, ApprovalHolds holds,
			Clock clock) {
		this.holds = holds;
		this.connections = connections;
		this.settings = settings;
		this.order = order;
		this.evergreens = evergreens;
		this.clock = clock;
	}

	public List<AccountQueue> all(Member member) {
		Policies.require(Policies.MAY_VIEW, member, "see the queue");
		return connections.list(member.workspaceId()).stream().map(a -> view(member, a)).toList();
	}

	/** @throws io.vitrine.shared.NotFound when the account is absent or of another workspace */
	public AccountQueue of(Member member, UUID connectionId) {
		Policies.require(Policies.MAY_VIEW, member, "see the queue");
		return view(member, connections.get(member.workspaceId(), connectionId));
	}

	/**
	 * Replaces the account's slots ("MONDAY" and "09:00" in the account's zone) and daily cap (null: none).
	 * Posts already queued keep their times; new ones take the new slots.
	 */
	@Transactional
	public AccountQueue change(Member member, UUID connectionId, List<SlotView> slots, Integer dailyCap) {
		ConnectionView account = connections.get(member.workspaceId(), connectionId);
		Policies.require(Policies.MAY_SCHEDULE, member, "change posting slots");
		settings.save(member.workspaceId(), account.id(), parse(slots), checkCap(dailyCap), clock.instant());
		return view(member, account);
	}

	static List<Slot> parse(List<SlotView> slots) {
		if (slots == null) {
			throw InvalidInput.of("slots", "required", "is required: a list such as [{\"day\": \"MONDAY\", \"time\": \"09:00\"}], possibly empty");
		}
		if (slots.size() > MAX_SLOTS) {
			throw InvalidInput.of("slots", "max-items", "at most " + MAX_SLOTS + " slots per account");
		}
		List<InvalidInput.Problem> problems = new ArrayList<>();
		List<Slot> parsed = new ArrayList<>();
		for (int i = 0; i < slots.size(); i++) {
			SlotView s = slots.get(i);
			DayOfWeek day = day("slots[" + i + "].day", s == null ? null : s.day(), problems);
			LocalTime time = time("slots[" + i + "].time", s == null ? null : s.time(), problems);
			if (day != null && time != null) {
				parsed.add(new Slot(day, time));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return parsed;
	}

	static Integer checkCap(Integer dailyCap) {
		if (dailyCap != null && (dailyCap < 1 || dailyCap > MAX_DAILY_CAP)) {
			throw InvalidInput.of("dailyCap", "range", "must be between 1 and " + MAX_DAILY_CAP + ", or empty for no cap");
		}
		return dailyCap;
	}

	private static DayOfWeek day(String field, String value, List<InvalidInput.Problem> problems) {
		try {
			return DayOfWeek.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (RuntimeException e) {
			problems.add(new InvalidInput.Problem(field, "weekday", "must be a weekday such as MONDAY"));
			return null;
		}
	}

	private static LocalTime time(String field, String value, List<InvalidInput.Problem> problems) {
		try {
			if (value == null || !value.strip().matches("\\d{2}:\\d{2}")) {
				throw new DateTimeParseException("HH:mm", String.valueOf(value), 0);
			}
			return LocalTime.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			problems.add(new InvalidInput.Problem(field, "time", "must be a wall-clock time such as 09:00 (HH:mm)"));
			return null;
		}
	}

	private AccountQueue view(Member member, ConnectionView account) {
		ZoneId zone = account.zoneOr(member.workspaceZone());
		QueueSettings.AccountQueue queue = settings.of(member.workspaceId(), account.id());
		Set<UUID> evergreen = evergreens.of(member.workspaceId()).stream()
			.filter(e -> e.stoppedAt() == null)
			.map(Evergreens.Evergreen::currentTargetId)
			.collect(Collectors.toSet());
		Set<UUID> held = holds.heldTargets(member.workspaceId(), account.id());
		List<QueuedPost> queued = new ArrayList<>();
		for (TargetView t : order.queued(member, account.id())) {
			queued.add(new QueuedPost(t.id(), t.postId(), t.dueAt(), LocalDateTime.ofInstant(t.dueAt(), zone).truncatedTo(ChronoUnit.MINUTES),
					zone.getId(), t.text(), evergreen.contains(t.id()), held.contains(t.id())));
		}
		return new AccountQueue(account.id(), account.network().value(), account.handle(), zone.getId(), queue.dailyCap(),
				queue.slots().stream().map(s -> new SlotView(s.day().name(), s.time().toString())).toList(), queued);
	}
}
