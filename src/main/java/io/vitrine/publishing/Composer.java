package io.vitrine.publishing;

import io.vitrine.categories.ContentCategories;
import io.vitrine.media.MediaItem;
import io.vitrine.media.MediaLibrary;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Connectors;
import io.vitrine.networks.NetworkConnector;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.VariantField;
import io.vitrine.networks.ViolationMessages;
import io.vitrine.publishing.internal.PostQuotas;
import io.vitrine.publishing.internal.Targets;
import io.vitrine.publishing.internal.VariantValidation;
import io.vitrine.shared.InvalidInput;
import io.vitrine.snippets.Snippet;
import io.vitrine.snippets.SnippetKind;
import io.vitrine.snippets.Snippets;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.Member;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The composer page, for every module that shows it: its model (accounts, their networks' fields and live checks,
 * the library, categories and campaigns, the problems of a refused save) and the post drafts its form becomes.
 * The composer's "Publish" (posts) and "Add to queue" (scheduling) both go through here, so the page never misses
 * what one of them forgot to put in its model.
 */
@Component
public class Composer {

	public static final int MAX_UPLOADED_IMAGES = 4;

	/** @param fields the network's own fields, in the composer's order; quotaWarnings: its quotas full at the chosen time */
	public record AccountCheck(ConnectionView account, String network, VariantCheck check, List<VariantField> fields,
			List<String> quotaWarnings) {
	}

	private final Connections connections;

	private final Connectors connectors;

	private final VariantValidation validation;

	private final MediaLibrary media;

	private final PostQuotas quotas;

	private final ContentCategories categories;

	private final Targets targets;

	private final ViolationMessages messages;

	private final Snippets snippets;

	Composer(Connections connections, Connectors connectors, VariantValidation validation, MediaLibrary media,
			PostQuotas quotas, ContentCategories categories, Targets targets, ViolationMessages messages, Snippets snippets) {
		this.snippets = snippets;
		this.messages = messages;
		this.connections = connections;
		this.connectors = connectors;
		this.validation = validation;
		this.media = media;
		this.quotas = quotas;
		this.categories = categories;
		this.targets = targets;
	}

	/** One draft per chosen account: files chosen from the library first, then the uploaded ones (stored in the library). */
	public List<PostDraft.TargetDraft> targets(Member member, ComposerForm form) throws IOException {
		List<PostDraft.ImageDraft> images = new ArrayList<>(fromLibrary(form));
		images.addAll(storeUploads(member, form));
		return form.getAccounts().stream()
			.map(account -> new PostDraft.TargetDraft(account, form.textFor(account), form.getLink(), images, form.fieldsFor(account)))
			.toList();
	}

	/** Everything the composer page (posts/compose) shows, {@code problems} from a refused save. */
	public void pageModel(Member member, ComposerForm form, List<InvalidInput.Problem> problems, Model model) {
		model.addAttribute("member", member);
		model.addAttribute("form", form);
		List<ConnectionView> accounts = connections.list(member.workspaceId());
		model.addAttribute("accounts", accounts);
		model.addAttribute("networkFields", accounts.stream().collect(Collectors.toMap(ConnectionView::id,
				a -> connectors.get(a.network()).variantFields())));
		model.addAttribute("fieldErrors", fieldErrors(form, problems.stream()
			.map(p -> new InvalidInput.Problem(p.field(), p.rule(), messages.translate(p.message(), LocaleContextHolder.getLocale())))
			.toList()));
		model.addAttribute("networks", networkNames());
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("problems", problems.stream()
			.map(p -> new InvalidInput.Problem(p.field(), p.rule(), messages.translate(p.message(), locale))).toList());
		model.addAttribute("checks", checks(member, form));
		model.addAttribute("library", media.list(member.workspaceId()).stream().limit(60).toList());
		model.addAttribute("zones", new TreeSet<>(ZoneId.getAvailableZoneIds()));
		model.addAttribute("categories", categories.list(member));
		model.addAttribute("campaigns", targets.campaigns(member.workspaceId()));
		model.addAttribute("hashtagGroups", snippets.list(member, SnippetKind.HASHTAGS));
		model.addAttribute("templates", snippets.list(member, SnippetKind.TEMPLATE));
		model.addAttribute("chosenTemplate", form.getTemplateId() == null ? null
				: snippets.list(member, SnippetKind.TEMPLATE).stream().filter(t -> t.id().equals(form.getTemplateId())).findFirst()
					.orElse(null));
	}

	/** Each chosen account's variant against its network's rules and quotas, in the reader's language: the live counters. */
	public List<AccountCheck> checks(Member member, ComposerForm form) {
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
				checks.add(new AccountCheck(account, connector.displayName(),
						messages.translate(validation.check(account, variant), LocaleContextHolder.getLocale()),
						connector.variantFields(), quotas.warnings(account, form.getPublish(), form.getScheduledAt(),
								form.getTimeZone(), member.workspaceZone())));
			}
		}
		return checks;
	}

	/** The composer's text with a hashtag group after it. */
	public void addHashtags(Member member, ComposerForm form, UUID groupId) {
		form.setText(Snippets.withHashtags(form.getText(), snippets.get(member, SnippetKind.HASHTAGS, groupId)));
	}

	/**
	 * The composer's text from its chosen template, once every variable has a value; until then the page asks for them.
	 *
	 * @throws InvalidInput naming the missing values, when some were given
	 */
	public void useTemplate(Member member, ComposerForm form) {
		if (form.getTemplateId() == null) {
			return;
		}
		Snippet template = snippets.get(member, SnippetKind.TEMPLATE, form.getTemplateId());
		Map<String, String> given = new LinkedHashMap<>();
		form.getTemplateValues().forEach((name, value) -> {
			if (template.variables().contains(name)) {
				given.put(name, value);
			}
		});
		boolean askedYet = given.values().stream().anyMatch(v -> v != null && !v.isBlank());
		if (!template.variables().isEmpty() && !askedYet) {
			return;
		}
		form.setText(snippets.fill(template, given));
		form.setTemplateId(null);
		form.setTemplateValues(new LinkedHashMap<>());
	}

	/** Network id → its display name. */
	public Map<String, String> networkNames() {
		return connectors.all().stream().collect(Collectors.toMap(c -> c.id().value(), NetworkConnector::displayName));
	}

	private List<PostDraft.ImageDraft> storeUploads(Member member, ComposerForm form) throws IOException {
		List<MultipartFile> files = form.getImages().stream().filter(f -> f != null && !f.isEmpty()).toList();
		if (files.size() > MAX_UPLOADED_IMAGES) {
			throw InvalidInput.of("images", "max-images", "attach at most " + MAX_UPLOADED_IMAGES + " images");
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
	private static List<PostDraft.ImageDraft> fromLibrary(ComposerForm form) {
		return form.getLibrary().stream().distinct().map(id -> new PostDraft.ImageDraft(id, null)).toList();
	}

	/**
	 * Problems with a network field, keyed "{accountId}.{field}" so that each shows next to its field: saving names
	 * them "targets[i].fields.title", i being the account's place among the chosen ones.
	 */
	private static Map<String, InvalidInput.Problem> fieldErrors(ComposerForm form, List<InvalidInput.Problem> problems) {
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
}
