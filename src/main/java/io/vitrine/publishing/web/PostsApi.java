package io.vitrine.publishing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.identity.CurrentUser;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.VariantCheck;
import io.vitrine.publishing.LinkPreview;
import io.vitrine.publishing.LinkPreviews;
import io.vitrine.publishing.PostDraft;
import io.vitrine.publishing.PostView;
import io.vitrine.publishing.TargetView;
import io.vitrine.publishing.TransitionView;
import io.vitrine.publishing.internal.ComposePost;
import io.vitrine.publishing.internal.EditPost;
import io.vitrine.publishing.internal.PostActions;
import io.vitrine.publishing.internal.PostQuotas;
import io.vitrine.publishing.internal.ScheduleParser;
import io.vitrine.publishing.internal.Targets;
import io.vitrine.publishing.internal.Transitions;
import io.vitrine.publishing.internal.VariantValidation;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import io.vitrine.workspaces.WorkspaceAccess;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}")
@Tag(name = "Posts", description = "Compose, schedule and follow posts; each (post, account) target has its own state")
class PostsApi {

	private final WorkspaceAccess access;

	private final ComposePost compose;

	private final PostActions actions;

	private final Targets targets;

	private final Transitions transitions;

	private final Connections connections;

	private final VariantValidation validation;

	private final EditPost edit;

	private final PostQuotas quotas;

	private final LinkPreviews previews;

	PostsApi(WorkspaceAccess access, ComposePost compose, PostActions actions, Targets targets, Transitions transitions,
			Connections connections, VariantValidation validation, EditPost edit, PostQuotas quotas, LinkPreviews previews) {
		this.previews = previews;
		this.edit = edit;
		this.quotas = quotas;
		this.access = access;
		this.compose = compose;
		this.actions = actions;
		this.targets = targets;
		this.transitions = transitions;
		this.connections = connections;
		this.validation = validation;
	}

	record TargetWithHistory(TargetView target, List<TransitionView> history) {
	}

	record Checked(UUID connectionId, String network, VariantCheck check,
			@io.swagger.v3.oas.annotations.media.Schema(description = "the network's quotas already full in the window ending at the "
					+ "chosen time (scheduledAt, or now with publish=now): saved anyway, the post would wait for a free slot")
			List<String> quotaWarnings) {
	}

	@GetMapping("/posts")
	@Operation(summary = "Posts, newest first", description = "Page with ?before=<id of the last post seen>")
	List<PostView> list(CurrentUser user, @PathVariable UUID workspaceId, @RequestParam(required = false) UUID before,
			@RequestParam(defaultValue = "50") int limit) {
		Member member = access.require(user, workspaceId);
		if (limit < 1 || limit > 200) {
			throw InvalidInput.of("limit", "range", "must be between 1 and 200");
		}
		return targets.posts(member.workspaceId(), before, limit);
	}

	@PostMapping("/posts")
	@Operation(summary = "Create a post", description = "Saved as a draft, published now, or scheduled. Every variant is "
			+ "checked against its network's limits now and again just before it is sent. With an Idempotency-Key header "
			+ "(at most 100 characters), sending the same request again answers the post made the first time (200) instead "
			+ "of making a second one (201).")
	ResponseEntity<PostView> create(CurrentUser user, @PathVariable UUID workspaceId, @RequestBody PostRequests.CreatePost body,
			@org.springframework.web.bind.annotation.RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		Member member = access.require(user, workspaceId);
		if (idempotencyKey != null && !idempotencyKey.isBlank()) {
			var earlier = targets.postBySubmission(member.workspaceId(), idempotencyKey.strip());
			if (earlier.isPresent()) {
				return ResponseEntity.ok(earlier.get());
			}
		}
		PostDraft.When when = ScheduleParser.parse(body.publish(), body.scheduledAt(), body.timeZone(), member.workspaceZone());
		List<PostDraft.TargetDraft> drafts = body.targets() == null ? List.of()
				: IntStream.range(0, body.targets().size()).mapToObj(body::target).toList();
		try {
			return ResponseEntity.status(HttpStatus.CREATED)
				.body(compose.create(member, new PostDraft(drafts, when, body.labels(), idempotencyKey)));
		}
		catch (DuplicateKeyException raced) {
			// The same key arrived twice at once: the other request made the post.
			return ResponseEntity.ok(targets.postBySubmission(member.workspaceId(), idempotencyKey.strip()).orElseThrow());
		}
	}

	@PostMapping("/posts/validate")
	@Operation(summary = "Check variants without saving", description = "The composer's live counters: length as the network counts it, its limit, and broken rules")
	List<Checked> validate(CurrentUser user, @PathVariable UUID workspaceId, @RequestBody PostRequests.CreatePost body) {
		Member member = access.require(user, workspaceId);
		List<Checked> checks = new ArrayList<>();
		for (int i = 0; body.targets() != null && i < body.targets().size(); i++) {
			PostDraft.TargetDraft t = body.target(i);
			if (t.connectionId() == null) {
				throw InvalidInput.of("targets[" + i + "].connectionId", "required", "choose an account");
			}
			ConnectionView account = connections.get(member.workspaceId(), t.connectionId());
			checks.add(new Checked(account.id(), account.network().value(), validation.check(account,
					validation.variantOf(member.workspaceId(), t.text(), t.link(),
							t.images().stream().map(im -> new TargetView.ImageView(im.mediaId(), im.altText())).toList(),
							t.fields())), quotas.warnings(account, body.publish(), body.scheduledAt(), body.timeZone(),
							member.workspaceZone())));
		}
		return checks;
	}

	@GetMapping("/link-preview")
	@Operation(summary = "Preview a link as networks show it", description = "Reads the page's Open Graph tags (else its title "
			+ "and description) through the outbound guard: public http(s) addresses only, 3 seconds, 1 MB, HTML only. 204 when "
			+ "the page cannot be read or says nothing; 422 (field url, rule url) for anything but an http(s) address.")
	ResponseEntity<LinkPreview> linkPreview(CurrentUser user, @PathVariable UUID workspaceId,
			@org.springframework.web.bind.annotation.RequestParam(required = false) String url) {
		access.require(user, workspaceId);
		return previews.of(url).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
	}

	@GetMapping("/posts/{postId}")
	PostView get(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID postId) {
		Member member = access.require(user, workspaceId);
		return targets.post(member.workspaceId(), postId).orElseThrow(() -> new NotFound("post " + postId));
	}

	@PostMapping("/posts/{postId}/schedule")
	@Operation(summary = "Schedule a draft", description = "Body: scheduledAt and timeZone as for creation")
	Map<String, Integer> schedule(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID postId,
			@RequestBody PostRequests.Schedule body) {
		Member member = access.require(user, workspaceId);
		PostDraft.At at = ScheduleParser.at(body.scheduledAt(), body.timeZone(), member.workspaceZone());
		return Map.of("scheduled", actions.schedule(member, postId, at.instant(), at.zone().getId()));
	}

	@PostMapping("/posts/{postId}/publish-now")
	@Operation(summary = "Publish a draft now", description = "Through the same engine as scheduled posts")
	Map<String, Integer> publishNow(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID postId) {
		Member member = access.require(user, workspaceId);
		return Map.of("scheduled", actions.schedule(member, postId, null, null));
	}

	@PostMapping("/posts/{postId}/cancel")
	@Operation(summary = "Cancel what has not started", description = "Targets already sending or sent are left as they are")
	Map<String, Integer> cancel(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID postId) {
		Member member = access.require(user, workspaceId);
		targets.post(member.workspaceId(), postId).orElseThrow(() -> new NotFound("post " + postId));
		return Map.of("cancelled", actions.cancel(member, postId));
	}

	@GetMapping("/targets/{targetId}")
	@Operation(summary = "One target with its full history of state changes")
	TargetWithHistory target(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID targetId) {
		Member member = access.require(user, workspaceId);
		Policies.require(Policies.MAY_VIEW, member, "see posts");
		TargetView target = targets.find(member.workspaceId(), targetId).orElseThrow(() -> new NotFound("target " + targetId));
		return new TargetWithHistory(target, transitions.of(targetId));
	}

	@PostMapping("/targets/{targetId}/reschedule")
	@Operation(summary = "Move a scheduled target to another time", description = "Body: scheduledAt and timeZone as for "
			+ "creation. Checked again as if scheduled anew (in the future, account connected, variant within the network's "
			+ "rules); a target being sent or already sent cannot move (422, rule \"movable\").")
	TargetWithHistory reschedule(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID targetId,
			@RequestBody PostRequests.Schedule body) {
		Member member = access.require(user, workspaceId);
		PostDraft.At at = ScheduleParser.at(body.scheduledAt(), body.timeZone(), member.workspaceZone());
		actions.reschedule(member, targetId, at.instant());
		return target(user, workspaceId, targetId);
	}

	@PutMapping("/targets/{targetId}/content")
	@Operation(summary = "Edit a draft or scheduled target's text and link", description = "Checked against the network's "
			+ "rules. A post under approval goes back to its approvers (its targets wait again, even if scheduled).")
	TargetWithHistory editContent(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID targetId,
			@RequestBody PostRequests.EditTarget body) {
		Member member = access.require(user, workspaceId);
		edit.edit(member, targetId, body == null ? null : body.text(), body == null ? null : body.link());
		return target(user, workspaceId, targetId);
	}

	@PostMapping("/targets/{targetId}/retry")
	@Operation(summary = "Send a failed or unknown target again")
	TargetWithHistory retry(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID targetId) {
		Member member = access.require(user, workspaceId);
		actions.retry(member, targetId);
		return target(user, workspaceId, targetId);
	}
}
