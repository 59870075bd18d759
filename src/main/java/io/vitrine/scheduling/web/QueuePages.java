package io.vitrine.scheduling.web;

import io.vitrine.identity.CurrentUser;
import io.vitrine.networks.Connections;
import io.vitrine.publishing.Composer;
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
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The queue in the browser: each account's slots and cap, its queued posts (move up or down,
 * shuffle), evergreen posts, recurring series, and the composer's "Add to queue".
 */
@Controller
@RequestMapping("/w/{workspaceId}/queue")
class QueuePages {

	private final WorkspaceAccess access;

	private final AccountQueues queues;

	private final AddToQueue addToQueue;

	private final QueueOrder order;

	private final RecurringSeries series;

	private final Evergreens evergreens;

	private final Connections connections;

	private final Composer composer;

	private final MessageSource messages;

	private final Clock clock;

	QueuePages(WorkspaceAccess access, AccountQueues queues, AddToQueue addToQueue, QueueOrder order, RecurringSeries series,
			Evergreens evergreens, Connections connections, Composer composer, MessageSource messages, Clock clock) {
		this.access = access;
		this.queues = queues;
		this.addToQueue = addToQueue;
		this.order = order;
		this.series = series;
		this.evergreens = evergreens;
		this.connections = connections;
		this.composer = composer;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String queue(CurrentUser user, @PathVariable UUID workspaceId, Model model) {
		Member member = access.require(user, workspaceId);
		model.addAttribute("member", member);
		model.addAttribute("queues", queues.all(member));
		model.addAttribute("networks", composer.networkNames());
		model.addAttribute("days", DayOfWeek.values());
		model.addAttribute("mayChange", Policies.MAY_SCHEDULE.test(member));
		model.addAttribute("evergreens", evergreens.of(member.workspaceId()));
		model.addAttribute("handles", connections.list(member.workspaceId()).stream()
			.collect(Collectors.toMap(a -> a.id(), a -> a.handle(), (a, b) -> a)));
		model.addAttribute("problems", Map.of());
		return "queue/queue";
	}

	/** Slots as the page sends them: one field per weekday with times separated by commas or spaces. */
	@PostMapping("/accounts/{connectionId}/slots")
	String slots(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID connectionId,
			@RequestParam Map<String, String> form, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect) {
		Member member = access.require(user, workspaceId);
		queues.of(member, connectionId);
		List<AccountQueues.SlotView> slots = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			String times = form.getOrDefault("times-" + day.name(), "");
			Arrays.stream(times.split("[,;\\s]+")).filter(t -> !t.isBlank()).forEach(t -> slots.add(new AccountQueues.SlotView(day.name(), t)));
		}
		String cap = form.getOrDefault("dailyCap", "").strip();
		try {
			Integer dailyCap = cap.isEmpty() ? null : parseCap(cap);
			queues.change(member, connectionId, slots, dailyCap);
			return account(member, connectionId, htmx, model, redirect, message("queue.slots.saved"), Map.of());
		}
		catch (InvalidInput e) {
			Map<String, InvalidInput.Problem> problems = new LinkedHashMap<>();
			e.problems().forEach(p -> problems.putIfAbsent(p.field().startsWith("slots") ? "slots" : p.field(), p));
			return account(member, connectionId, htmx, model, redirect, null, problems);
		}
	}

	@PostMapping("/accounts/{connectionId}/shuffle")
	String shuffle(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID connectionId,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
		Member member = access.require(user, workspaceId);
		queues.of(member, connectionId);
		int moved = order.shuffle(member, connectionId);
		return account(member, connectionId, htmx, model, redirect, message("queue.shuffled", moved), Map.of());
	}

	@PostMapping("/targets/{targetId}/move")
	String move(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID targetId,
			@RequestParam(defaultValue = "") String direction, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model, RedirectAttributes redirect) {
		Member member = access.require(user, workspaceId);
		UUID account = order.queuedTarget(member, targetId).connectionId();
		try {
			order.move(member, targetId, "up".equals(direction));
			return account(member, account, htmx, model, redirect, message("queue.moved"), Map.of());
		}
		catch (InvalidInput e) {
			return account(member, account, htmx, model, redirect, null, Map.of("queue", e.problems().getFirst()));
		}
	}

	@PostMapping("/evergreen/{evergreenId}/stop")
	String stopEvergreen(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID evergreenId, RedirectAttributes redirect) {
		evergreens.stopBy(access.require(user, workspaceId), evergreenId, clock.instant());
		redirect.addFlashAttribute("notice", message("queue.evergreen.stopped"));
		return "redirect:/w/" + workspaceId + "/queue";
	}

	/**
	 * Not a person's click: the composer's live check (htmx, on each keystroke) takes the formaction
	 * of the last submit button clicked, so a keystroke just before "Add to queue" sends the form
	 * here a second time, as an htmx request. It must not queue the post twice: nothing to do.
	 */
	@PostMapping(path = "/add", headers = "HX-Request")
	@org.springframework.web.bind.annotation.ResponseBody
	org.springframework.http.ResponseEntity<Void> liveCheckWithTheButtonsAction(CurrentUser user, @PathVariable UUID workspaceId) {
		access.require(user, workspaceId);
		return org.springframework.http.ResponseEntity.noContent().build();
	}

	/** The composer's "Add to queue" button posts the composer's form here. */
	@PostMapping("/add")
	String add(CurrentUser user, @PathVariable UUID workspaceId, @ModelAttribute QueueForm form, Model model, RedirectAttributes redirect)
			throws IOException {
		Member member = access.require(user, workspaceId);
		try {
			Integer gap = form.isEvergreen() ? parseGap(form.getEvergreenGapDays()) : null;
			PostView post = addToQueue.add(member, composer.targets(member, form), form.labels(), gap, form.getSubmissionKey());
			redirect.addFlashAttribute("notice", message("queue.added", post.targets().size()));
			return "redirect:/w/" + workspaceId + "/queue";
		}
		catch (DuplicateKeyException sentTwice) {
			// The same form again (a double click): its post is already in the queue, once.
			return "redirect:/w/" + workspaceId + "/queue";
		}
		catch (InvalidInput e) {
			// Back to the composer with what was typed, and what the queue refused.
			composer.pageModel(member, form, e.problems(), model);
			return "posts/compose";
		}
	}

	private String account(Member member, UUID connectionId, String htmx, Model model, RedirectAttributes redirect, String notice,
			Map<String, InvalidInput.Problem> problems) {
		if (htmx == null && problems.isEmpty()) {
			redirect.addFlashAttribute("notice", notice);
			return "redirect:/w/" + member.workspaceId() + "/queue";
		}
		model.addAttribute("member", member);
		model.addAttribute("q", queues.of(member, connectionId));
		model.addAttribute("networks", composer.networkNames());
		model.addAttribute("days", DayOfWeek.values());
		model.addAttribute("mayChange", Policies.MAY_SCHEDULE.test(member));
		model.addAttribute("problems", problems);
		model.addAttribute("accountNotice", notice);
		if (htmx == null) {
			model.addAttribute("queues", queues.all(member).stream()
				.map(q -> q.connectionId().equals(connectionId) ? queues.of(member, connectionId) : q).toList());
			model.addAttribute("problemAccount", connectionId);
			model.addAttribute("evergreens", evergreens.of(member.workspaceId()));
			model.addAttribute("handles", connections.list(member.workspaceId()).stream()
				.collect(Collectors.toMap(a -> a.id(), a -> a.handle(), (a, b) -> a)));
			return "queue/queue";
		}
		return "queue/queue :: account";
	}

	private static Integer parseCap(String cap) {
		try {
			return Integer.valueOf(cap);
		}
		catch (NumberFormatException e) {
			throw InvalidInput.of("dailyCap", "integer", "must be a whole number, or empty for no cap");
		}
	}

	private static Integer parseGap(String gap) {
		try {
			return Integer.valueOf(gap == null ? "" : gap.strip());
		}
		catch (NumberFormatException e) {
			throw InvalidInput.of("evergreen.minimumGapDays", "integer", "must be a whole number of days");
		}
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}
}
