package io.vitrine.publishing.web;

import io.vitrine.identity.CurrentUser;
import io.vitrine.media.MediaItem;
import io.vitrine.media.MediaLibrary;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Connectors;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.NetworkConnector;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.VariantField;
import io.vitrine.publishing.PostDraft;
import io.vitrine.publishing.PostView;
import io.vitrine.publishing.TargetState;
import io.vitrine.publishing.TargetView;
import io.vitrine.publishing.internal.ComposePost;
import io.vitrine.publishing.internal.PostActions;
import io.vitrine.publishing.internal.PostQuotas;
import io.vitrine.publishing.internal.ScheduleParser;
import io.vitrine.publishing.internal.Targets;
import io.vitrine.publishing.internal.VariantValidation;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.WorkspaceAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The composer and the list of posts with each target's state, in the browser. */
@Controller
@RequestMapping("/w/{workspaceId}")
class PostsPages {

	private static final int MAX_IMAGES = 4;

	private final WorkspaceAccess access;

	private final Connections connections;

	private final Connectors connectors;

	private final ComposePost compose;

	private final PostActions actions;

	private final Targets targets;

	private final VariantValidation validation;

	private final MediaLibrary media;

	private final PostQuotas quotas;

	PostsPages(WorkspaceAccess access, Connections connections, Connectors connectors, ComposePost compose,
			PostActions actions, Targets targets, VariantValidation validation, MediaLibrary media, PostQuotas quotas) {
		this.quotas = quotas;
		this.access = access;
		this.connections = connections;
		this.connectors = connectors;
		this.compose = compose;
		this.actions = actions;
		this.targets = targets;
		this.validation = validation;
		this.media = media;
	}

	/** @param fields the network's own fields, in the composer's order; quotaWarnings: its quotas full at the chosen time */
	record AccountCheck(ConnectionView account, String network, VariantCheck check, List<VariantField> fields,
			List<String> quotaWarnings) {
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
		ComposeForm form = new ComposeForm();
		form.setTimeZone(member.workspaceZone().getId());
		suggestedTime(date).ifPresent(form::setScheduledAt);
		composeModel(member, form, List.of(), model);
		return "posts/compose";
	}

	@PostMapping("/compose/check")
	String check(CurrentUser user, @PathVariable UUID workspaceId, @ModelAttribute ComposeForm form, Model model) {
		Member member = access.require(user, workspaceId);
		model.addAttribute("checks", checks(member, form));
		return "posts/compose :: checks";
	}

	@PostMapping("/compose")
	String compose(CurrentUser user, @PathVariable UUID workspaceId, @ModelAttribute ComposeForm form, Model model)
			throws IOException {
		Member member = access.require(user, workspaceId);
		try {
			PostDraft.When when = ScheduleParser.parse(form.getPublish(), form.getScheduledAt(), form.getTimeZone(),
					member.workspaceZone());
			List<PostDraft.ImageDraft> images = new ArrayList<>(fromLibrary(form));
			images.addAll(storeImages(member, form));
			List<PostDraft.TargetDraft> drafts = form.getAccounts().stream()
				.map(account -> new PostDraft.TargetDraft(account, form.textFor(account), form.getLink(), images,
						form.fieldsFor(account)))
				.toList();
			compose.create(member, new PostDraft(drafts, when));
			return "redirect:/w/" + workspaceId + "/posts";
		}
		catch (InvalidInput e) {
			composeModel(member, form, e.problems(), model);
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

	private List<PostDraft.ImageDraft> storeImages(Member member, ComposeForm form) throws IOException {
		List<MultipartFile> files = form.getImages().stream().filter(f -> f != null && !f.isEmpty()).toList();
		if (files.size() > MAX_IMAGES) {
			throw InvalidInput.of("images", "max-images", "attach at most " + MAX_IMAGES + " images");
		}
		List<PostDraft.ImageDraft> images = new ArrayList<>();
		for (int i = 0; i < files.size(); i++) {
			MediaItem item = media.store(member.workspaceId(), files.get(i).getOriginalFilename(), files.get(i).getBytes());
			String alt = i < form.getAltTexts().size() ? form.getAltTexts().get(i) : null;
			images.add(new PostDraft.ImageDraft(item.id(), alt));
		}
		return images;
	}

	/** Library files keep their own alt text: the variant takes it from the library when the post gives none. */
	private static List<PostDraft.ImageDraft> fromLibrary(ComposeForm form) {
		return form.getLibrary().stream().distinct().map(id -> new PostDraft.ImageDraft(id, null)).toList();
	}

	private List<AccountCheck> checks(Member member, ComposeForm form) {
		Map<UUID, ConnectionView> accounts = connections.list(member.workspaceId()).stream()
			.collect(Collectors.toMap(ConnectionView::id, Function.identity()));
		List<AccountCheck> checks = new ArrayList<>();
		for (UUID id : form.getAccounts()) {
			ConnectionView account = accounts.get(id);
			if (account != null) {
				List<TargetView.ImageView> chosen = fromLibrary(form).stream()
					.map(image -> new TargetView.ImageView(image.mediaId(), null))
					.toList();
				PostVariant variant;
				try {
					variant = validation.variantOf(member.workspaceId(), form.textFor(id), form.getLink(), chosen, form.fieldsFor(id));
				}
				catch (NotFound e) {
					variant = validation.variantOf(member.workspaceId(), form.textFor(id), form.getLink(), List.of(), form.fieldsFor(id));
				}
				NetworkConnector connector = connectors.get(account.network());
				checks.add(new AccountCheck(account, connector.displayName(), validation.check(account, variant),
						connector.variantFields(), quotas.warnings(account, form.getPublish(), form.getScheduledAt(),
								form.getTimeZone(), member.workspaceZone())));
			}
		}
		return checks;
	}

	private void composeModel(Member member, ComposeForm form, List<InvalidInput.Problem> problems, Model model) {
		model.addAttribute("member", member);
		model.addAttribute("form", form);
		List<ConnectionView> accounts = connections.list(member.workspaceId());
		model.addAttribute("accounts", accounts);
		model.addAttribute("networkFields", accounts.stream().collect(Collectors.toMap(ConnectionView::id,
				a -> connectors.get(a.network()).variantFields())));
		model.addAttribute("fieldErrors", fieldErrors(form, problems));
		model.addAttribute("networks", networkNames());
		model.addAttribute("problems", problems);
		model.addAttribute("checks", checks(member, form));
		model.addAttribute("library", media.list(member.workspaceId()).stream().limit(60).toList());
		model.addAttribute("zones", new TreeSet<>(ZoneId.getAvailableZoneIds()));
	}

	/**
	 * Problems with a network field, keyed "{accountId}.{field}" so that each shows next to its field: saving names
	 * them "targets[i].fields.title", i being the account's place among the chosen ones.
	 */
	private static Map<String, InvalidInput.Problem> fieldErrors(ComposeForm form, List<InvalidInput.Problem> problems) {
		Map<String, InvalidInput.Problem> errors = new LinkedHashMap<>();
		for (int i = 0; i < form.getAccounts().size(); i++) {
			String prefix = "targets[" + i + "].fields.";
			for (InvalidInput.Problem problem : problems) {
				if (problem.field() != null && problem.field().startsWith(prefix)) {
					errors.putIfAbsent(form.getAccounts().get(i) + "." + problem.field().substring(prefix.length()), problem);
				}
			}
		}
		return errors;
	}

	private void listModel(Member member, Model model) {
		List<PostView> posts = targets.posts(member.workspaceId(), null, 100);
		Map<UUID, ConnectionView> accounts = connections.list(member.workspaceId()).stream()
			.collect(Collectors.toMap(ConnectionView::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		model.addAttribute("member", member);
		model.addAttribute("posts", posts);
		model.addAttribute("accounts", accounts);
		model.addAttribute("networks", networkNames());
		model.addAttribute("live", posts.stream().flatMap(p -> p.targets().stream()).anyMatch(t -> !t.state().isFinal()
				&& t.state() != TargetState.DRAFT));
	}

	private Map<String, String> networkNames() {
		return connectors.all().stream().collect(Collectors.toMap(c -> c.id().value(), c -> c.displayName()));
	}
}
