package io.vitrine.publishing.web;

import io.vitrine.identity.CurrentUser;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.publishing.Composer;
import io.vitrine.publishing.ComposerForm;
import io.vitrine.publishing.LinkPreviews;
import io.vitrine.publishing.PostDraft;
import io.vitrine.publishing.PostView;
import io.vitrine.publishing.TargetState;
import io.vitrine.publishing.internal.ComposePost;
import io.vitrine.publishing.internal.PostActions;
import io.vitrine.publishing.internal.ScheduleParser;
import io.vitrine.publishing.internal.Targets;
import io.vitrine.shared.InvalidInput;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.WorkspaceAccess;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The composer and the list of posts with each target's state, in the browser. */
@Controller
@RequestMapping("/w/{workspaceId}")
class PostsPages {

	private final WorkspaceAccess access;

	private final Connections connections;

	private final ComposePost compose;

	private final PostActions actions;

	private final Targets targets;

	private final Composer composer;

	private final LinkPreviews previews;

	PostsPages(WorkspaceAccess access, Connections connections, ComposePost compose, PostActions actions, Targets targets,
			Composer composer, LinkPreviews previews) {
		this.previews = previews;
		this.access = access;
		this.connections = connections;
		this.compose = compose;
		this.actions = actions;
		this.targets = targets;
		this.composer = composer;
	}

	@GetMapping("/posts")
	String posts(CurrentUser user, @PathVariable UUID workspaceId, Model model) {
		Member member = access.require(user, workspaceId);
		listModel(member, model);
		return "posts/list";
	}

	@GetMapping("/posts/table")
	String table(CurrentUser user, @PathVariable UUID workspaceId, Model model) {
		listModel(access.require(user, workspaceId), model);
		return "posts/list :: table";
	}

	@PostMapping("/posts/{postId}/cancel")
	String cancel(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID postId) {
		actions.cancel(access.require(user, workspaceId), postId);
		return "redirect:/w/" + workspaceId + "/posts";
	}

	@PostMapping("/posts/{postId}/publish-now")
	String publishNow(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID postId) {
		actions.schedule(access.require(user, workspaceId), postId, null, null);
		return "redirect:/w/" + workspaceId + "/posts";
	}

	@PostMapping("/targets/{targetId}/retry")
	String retry(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID targetId) {
		actions.retry(access.require(user, workspaceId), targetId);
		return "redirect:/w/" + workspaceId + "/posts";
	}

	@GetMapping("/compose")
	String composeForm(CurrentUser user, @PathVariable UUID workspaceId,
			@org.springframework.web.bind.annotation.RequestParam(required = false) String date, Model model) {
		Member member = access.require(user, workspaceId);
		ComposerForm form = new ComposerForm();
		form.setTimeZone(member.workspaceZone().getId());
		suggestedTime(date).ifPresent(form::setScheduledAt);
		composer.pageModel(member, form, List.of(), model);
		return "posts/compose";
	}

	@PostMapping("/compose/check")
	String check(CurrentUser user, @PathVariable UUID workspaceId, @ModelAttribute ComposerForm form, Model model) {
		Member member = access.require(user, workspaceId);
		model.addAttribute("checks", composer.checks(member, form));
		return "posts/compose :: checks";
	}

	/** "Add hashtags": the group after the text, the composer shown again with everything typed. */
	@PostMapping("/compose/hashtags")
	String addHashtags(CurrentUser user, @PathVariable UUID workspaceId, @ModelAttribute ComposerForm form,
			@org.springframework.web.bind.annotation.RequestParam UUID groupId, Model model) {
		Member member = access.require(user, workspaceId);
		composer.addHashtags(member, form, groupId);
		composer.pageModel(member, form, List.of(), model);
		return "posts/compose";
	}

	/** "Use the template": asks for its values, then puts the filled caption in the text. */
	@PostMapping("/compose/template")
	String useTemplate(CurrentUser user, @PathVariable UUID workspaceId, @ModelAttribute ComposerForm form, Model model) {
		Member member = access.require(user, workspaceId);
		List<InvalidInput.Problem> problems = List.of();
		try {
			composer.useTemplate(member, form);
		}
		catch (InvalidInput e) {
			problems = e.problems();
		}
		composer.pageModel(member, form, problems, model);
		return "posts/compose";
	}

	/** The composer's preview of its link (htmx, as the person types): nothing when the page says nothing. */
	@GetMapping("/compose/link-preview")
	String linkPreview(CurrentUser user, @PathVariable UUID workspaceId,
			@org.springframework.web.bind.annotation.RequestParam(required = false) String link, Model model) {
		access.require(user, workspaceId);
		model.addAttribute("preview", link == null || !link.strip().matches("(?i)https?://\\S+") ? null
				: previews.of(link).orElse(null));
		return "posts/compose :: linkPreview";
	}

	@PostMapping("/compose")
	String compose(CurrentUser user, @PathVariable UUID workspaceId, @ModelAttribute ComposerForm form, Model model)
			throws IOException {
		Member member = access.require(user, workspaceId);
		try {
			PostDraft.When when = ScheduleParser.parse(form.getPublish(), form.getScheduledAt(), form.getTimeZone(),
					member.workspaceZone());
			compose.create(member, new PostDraft(composer.targets(member, form), when, form.labels(), form.getSubmissionKey()));
			return "redirect:/w/" + workspaceId + "/posts";
		}
		catch (DuplicateKeyException sentTwice) {
			// The same form again (a double click, a resend after a lost answer): its post exists, once.
			return "redirect:/w/" + workspaceId + "/posts";
		}
		catch (InvalidInput e) {
			composer.pageModel(member, form, e.problems(), model);
			return "posts/compose";
		}
	}

	/** The calendar's "create a post" on a day opens the composer at 09:00 that day; a bad date is ignored. */
	private static java.util.Optional<String> suggestedTime(String date) {
		try {
			return date == null || date.isBlank() ? java.util.Optional.empty()
					: java.util.Optional.of(java.time.LocalDate.parse(date.strip()).atTime(9, 0).toString());
		}
		catch (java.time.DateTimeException e) {
			return java.util.Optional.empty();
		}
	}

	private void listModel(Member member, Model model) {
		List<PostView> posts = targets.posts(member.workspaceId(), null, 100);
		Map<UUID, ConnectionView> accounts = connections.list(member.workspaceId()).stream()
			.collect(Collectors.toMap(ConnectionView::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		model.addAttribute("member", member);
		model.addAttribute("posts", posts);
		model.addAttribute("accounts", accounts);
		model.addAttribute("networks", composer.networkNames());
		model.addAttribute("live", posts.stream().flatMap(p -> p.targets().stream()).anyMatch(t -> !t.state().isFinal()
				&& t.state() != TargetState.DRAFT));
	}
}
