package io.vitrine.scheduling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.identity.CurrentUser;
import io.vitrine.publishing.PostView;
import io.vitrine.scheduling.internal.AccountQueues;
import io.vitrine.scheduling.internal.AddToQueue;
import io.vitrine.scheduling.internal.Evergreens;
import io.vitrine.scheduling.internal.QueueOrder;
import io.vitrine.scheduling.internal.RecurringSeries;
import io.vitrine.shared.InvalidInput;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import io.vitrine.workspaces.WorkspaceAccess;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}")
@Tag(name = "Queue", description = "Posting slots per account, add to queue, reorder and shuffle, recurring and evergreen posts")
class QueueApi {

	private final WorkspaceAccess access;

	private final AccountQueues queues;

	private final AddToQueue addToQueue;

	private final QueueOrder order;

	private final RecurringSeries series;

	private final Evergreens evergreens;

	private final Clock clock;

	QueueApi(WorkspaceAccess access, AccountQueues queues, AddToQueue addToQueue, QueueOrder order, RecurringSeries series,
			Evergreens evergreens, Clock clock) {
		this.access = access;
		this.queues = queues;
		this.addToQueue = addToQueue;
		this.order = order;
		this.series = series;
		this.evergreens = evergreens;
		this.clock = clock;
	}

	@GetMapping("/queue")
	@Operation(summary = "Every account's queue", description = "Slots (weekday and wall-clock time in the account's zone), "
			+ "daily cap, and the queued posts still waiting, soonest first")
	List<AccountQueues.AccountQueue> all(CurrentUser user, @PathVariable UUID workspaceId) {
		return queues.all(access.require(user, workspaceId));
	}

	@GetMapping("/queue/accounts/{connectionId}")
	@Operation(summary = "One account's queue")
	AccountQueues.AccountQueue one(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID connectionId) {
		return queues.of(access.require(user, workspaceId), connectionId);
	}

	@PutMapping("/queue/accounts/{connectionId}")
	@Operation(summary = "Set an account's posting slots and daily cap", description = "Body: {\"slots\": [{\"day\": \"MONDAY\", "
			+ "\"time\": \"09:00\"}], \"dailyCap\": 2}. Times are wall-clock times in the account's zone: a 09:00 slot stays "
			+ "09:00 local across daylight-saving changes. Posts already queued keep their times.")
	AccountQueues.AccountQueue change(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID connectionId,
			@RequestBody QueueRequests.ChangeSlots body) {
		Member member = access.require(user, workspaceId);
		queues.of(member, connectionId);
		return queues.change(member, connectionId, body.slots(), body.dailyCap());
	}

	@PostMapping("/queue/posts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a post to the queue", description = "Each account's target takes that account's next free slot: "
			+ "a slot no post of the account holds, on a day below the daily cap. 422 with rule \"slots\" when an account has "
			+ "no slots, \"queue-full\" when none is free within a year. With evergreen, each target goes back into the queue "
			+ "after it is published, never closer than minimumGapDays to its previous publication.")
	PostView add(CurrentUser user, @PathVariable UUID workspaceId, @RequestBody QueueRequests.QueuePost body) {
		Member member = access.require(user, workspaceId);
		return addToQueue.add(member, body.drafts(), body.labels(), body.evergreen() == null ? null : gap(body.evergreen()));
	}

	@PostMapping("/queue/accounts/{connectionId}/shuffle")
	@Operation(summary = "Shuffle an account's queue", description = "The queued posts still scheduled trade their slot times "
			+ "at random; posts scheduled at a fixed time do not move")
	Map<String, Integer> shuffle(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID connectionId) {
		Member member = access.require(user, workspaceId);
		queues.of(member, connectionId);
		return Map.of("moved", order.shuffle(member, connectionId));
	}

	@PostMapping("/queue/targets/{targetId}/swap")
	@Operation(summary = "Swap two queued posts' slot times", description = "Both must be queued on the same account and still "
			+ "scheduled; each move is checked as a reschedule (422 rules \"queued\", \"same-account\", \"movable\", \"future\")")
	AccountQueues.AccountQueue swap(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID targetId,
			@RequestBody QueueRequests.Swap body) {
		Member member = access.require(user, workspaceId);
		order.swap(member, targetId, body.withTargetId());
		return queueOfTarget(member, targetId);
	}

	@PostMapping("/queue/targets/{targetId}/move")
	@Operation(summary = "Move a queued post one place up or down", description = "Body: {\"direction\": \"up\"} (earlier) or "
			+ "\"down\" (later): it swaps slot times with its neighbour in the account's queue")
	AccountQueues.AccountQueue move(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID targetId,
			@RequestBody QueueRequests.Move body) {
		Member member = access.require(user, workspaceId);
		order.queuedTarget(member, targetId);
		String direction = body.direction() == null ? "" : body.direction().strip().toLowerCase();
		if (!direction.equals("up") && !direction.equals("down")) {
			throw InvalidInput.of("direction", "one-of", "must be up or down");
		}
		order.move(member, targetId, direction.equals("up"));
		return queueOfTarget(member, targetId);
	}

	@GetMapping("/queue/evergreen")
	@Operation(summary = "Evergreen posts", description = "For each (post, account): its latest copy, the minimum gap, how many "
			+ "times it was re-queued, and why it stopped if it did")
	List<Evergreens.Evergreen> evergreen(CurrentUser user, @PathVariable UUID workspaceId) {
		Member member = access.require(user, workspaceId);
		Policies.require(Policies.MAY_VIEW, member, "see the queue");
		return evergreens.of(member.workspaceId());
	}

	@PostMapping("/queue/evergreen/{evergreenId}/stop")
	@Operation(summary = "Stop re-queuing an evergreen post", description = "A copy already queued stays; cancel it as any post")
	Evergreens.Evergreen stop(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID evergreenId) {
		return evergreens.stopBy(access.require(user, workspaceId), evergreenId, clock.instant());
	}

	@PostMapping("/recurring")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a recurring post", description = "Every N days, or every N weeks on chosen weekdays, at start's "
			+ "wall-clock time in timeZone, until a date (inclusive) or a number of times (at most 366). Every occurrence is "
			+ "created at once as a scheduled post, checked like any other. A time in a spring daylight-saving gap is moved "
			+ "later by the gap's length; a time in the autumn overlap means its first occurrence.")
	RecurringSeries.Series createSeries(CurrentUser user, @PathVariable UUID workspaceId, @RequestBody QueueRequests.CreateSeries body) {
		Member member = access.require(user, workspaceId);
		return series.create(member, body.drafts(), RecurrenceInput.read(body.start(), body.timeZone(), body.every(), body.unit(),
				body.weekdays(), body.until(), body.count(), member.workspaceZone()));
	}

	@GetMapping("/recurring")
	@Operation(summary = "Recurring series, newest first")
	List<RecurringSeries.Series> listSeries(CurrentUser user, @PathVariable UUID workspaceId) {
		return series.list(access.require(user, workspaceId));
	}

	@GetMapping("/recurring/{seriesId}")
	@Operation(summary = "One recurring series with its posts in order")
	RecurringSeries.Series getSeries(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID seriesId) {
		return series.find(access.require(user, workspaceId), seriesId);
	}

	@PostMapping("/recurring/{seriesId}/cancel")
	@Operation(summary = "Cancel a recurring series", description = "Every occurrence not yet started is cancelled; sent ones stay")
	Map<String, Integer> cancelSeries(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID seriesId) {
		return Map.of("cancelled", series.cancel(access.require(user, workspaceId), seriesId));
	}

	private static Integer gap(QueueRequests.Evergreen evergreen) {
		if (evergreen.minimumGapDays() == null) {
			throw InvalidInput.of("evergreen.minimumGapDays", "required", "is required for an evergreen post, in days");
		}
		return evergreen.minimumGapDays();
	}

	private AccountQueues.AccountQueue queueOfTarget(Member member, UUID targetId) {
		return queues.of(member, order.queuedTarget(member, targetId).connectionId());
	}
}
