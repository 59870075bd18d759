package io.vitrine.media.web;

import io.vitrine.identity.CurrentUser;
import io.vitrine.media.CropPreset;
import io.vitrine.media.MediaItem;
import io.vitrine.media.MediaLibrary;
import io.vitrine.shared.InvalidInput;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import io.vitrine.workspaces.WorkspaceAccess;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The media library in the browser: upload, search (live, through htmx), and one file's page to describe, crop or delete it. */
@Controller
@RequestMapping("/w/{workspaceId}/media")
class MediaPages {

	private final WorkspaceAccess access;

	private final MediaLibrary library;

	private final MessageSource messages;

	private final String uploadLimit;

	private final long uploadLimitBytes;

	MediaPages(WorkspaceAccess access, MediaLibrary library, MessageSource messages,
			@Value("${vitrine.media.max-upload-size}") DataSize uploadLimit) {
		this.access = access;
		this.library = library;
		this.messages = messages;
		this.uploadLimitBytes = uploadLimit.toBytes();
		this.uploadLimit = uploadLimit.toMegabytes() > 0 ? uploadLimit.toMegabytes() + " MB" : uploadLimit.toKilobytes() + " KB";
	}

	@GetMapping
	String library(CurrentUser user, @PathVariable UUID workspaceId, @RequestParam(required = false) String q,
			@RequestParam(required = false) String tag, Model model) {
		libraryModel(access.require(user, workspaceId), q, tag, List.of(), model);
		return "media/library";
	}

	@GetMapping("/grid")
	String grid(CurrentUser user, @PathVariable UUID workspaceId, @RequestParam(required = false) String q,
			@RequestParam(required = false) String tag, Model model) {
		libraryModel(access.require(user, workspaceId), q, tag, List.of(), model);
		return "media/library :: grid";
	}

	@PostMapping
	String upload(CurrentUser user, @PathVariable UUID workspaceId, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String altText, @RequestParam(required = false) String tags, Model model,
			RedirectAttributes redirect) throws IOException {
		Member member = access.require(user, workspaceId);
		Policies.require(Policies.MAY_COMPOSE, member, "upload media");
		try {
			if (file == null || file.isEmpty()) {
				throw InvalidInput.of("file", "required", "choose a file");
			}
			MediaItem item;
			try (InputStream in = file.getInputStream()) {
				item = library.store(member.workspaceId(), file.getOriginalFilename(), in);
			}
			if ((altText != null && !altText.isBlank()) || (tags != null && !tags.isBlank())) {
				item = library.describe(member.workspaceId(), item.id(), altText, List.of(tags == null ? "" : tags));
			}
			redirect.addFlashAttribute("notice", message("media.uploaded", item.fileName()));
			return "redirect:/w/" + workspaceId + "/media/" + item.id();
		}
		catch (InvalidInput e) {
			libraryModel(member, null, null, e.problems(), model);
			model.addAttribute("altText", altText);
			model.addAttribute("tags", tags);
			return "media/library";
		}
	}

	@GetMapping("/{mediaId}")
	String item(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID mediaId, Model model) {
		Member member = access.require(user, workspaceId);
		MediaItem item = library.get(member.workspaceId(), mediaId);
		itemModel(member, item, item.altText(), String.join(", ", item.tags()), List.of(), model);
		return "media/item";
	}

	@PostMapping("/{mediaId}")
	String describe(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID mediaId,
			@RequestParam(required = false) String altText, @RequestParam(required = false) String tags, Model model,
			RedirectAttributes redirect) {
		Member member = access.require(user, workspaceId);
		Policies.require(Policies.MAY_COMPOSE, member, "describe media");
		try {
			MediaItem item = library.describe(member.workspaceId(), mediaId, altText, List.of(tags == null ? "" : tags));
			redirect.addFlashAttribute("notice", message("media.saved", item.fileName()));
			return "redirect:/w/" + workspaceId + "/media/" + mediaId;
		}
		catch (InvalidInput e) {
			itemModel(member, library.get(member.workspaceId(), mediaId), altText, tags, e.problems(), model);
			return "media/item";
		}
	}

	@PostMapping("/{mediaId}/crop")
	String crop(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID mediaId,
			@RequestParam(required = false) String ratio, @RequestParam(required = false) Integer offset, Model model,
			RedirectAttributes redirect) {
		Member member = access.require(user, workspaceId);
		Policies.require(Policies.MAY_COMPOSE, member, "crop media");
		try {
			if (offset != null && (offset < 0 || offset > 100)) {
				throw InvalidInput.of("offset", "range", "must be between 0 and 100 %");
			}
			MediaItem cropped = library.crop(member.workspaceId(), mediaId, CropPreset.of("ratio", ratio),
					offset == null ? 0.5 : offset / 100.0);
			redirect.addFlashAttribute("notice", message("media.cropped", cropped.fileName()));
			return "redirect:/w/" + workspaceId + "/media/" + cropped.id();
		}
		catch (InvalidInput e) {
			MediaItem item = library.get(member.workspaceId(), mediaId);
			itemModel(member, item, item.altText(), String.join(", ", item.tags()), e.problems(), model);
			return "media/item";
		}
	}

	@PostMapping("/{mediaId}/delete")
	String delete(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID mediaId, Model model,
			RedirectAttributes redirect) {
		Member member = access.require(user, workspaceId);
		Policies.require(Policies.MAY_COMPOSE, member, "delete media");
		MediaItem item = library.get(member.workspaceId(), mediaId);
		try {
			library.delete(member.workspaceId(), mediaId);
			redirect.addFlashAttribute("notice", message("media.deleted", item.fileName()));
			return "redirect:/w/" + workspaceId + "/media";
		}
		catch (InvalidInput e) {
			itemModel(member, item, item.altText(), String.join(", ", item.tags()), e.problems(), model);
			return "media/item";
		}
	}

	private void libraryModel(Member member, String q, String tag, List<InvalidInput.Problem> problems, Model model) {
		model.addAttribute("member", member);
		model.addAttribute("mayCompose", Policies.MAY_COMPOSE.test(member));
		model.addAttribute("uploadLimit", uploadLimit);
		model.addAttribute("uploadLimitBytes", uploadLimitBytes);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("tag", tag == null ? "" : tag);
		model.addAttribute("items", library.search(member.workspaceId(), q, tag));
		model.addAttribute("allTags", library.list(member.workspaceId()).stream()
			.flatMap(i -> i.tags().stream()).distinct().sorted().toList());
		model.addAttribute("problems", byField(problems));
	}

	private void itemModel(Member member, MediaItem item, String altText, String tags, List<InvalidInput.Problem> problems,
			Model model) {
		model.addAttribute("member", member);
		model.addAttribute("mayCompose", Policies.MAY_COMPOSE.test(member));
		model.addAttribute("item", item);
		model.addAttribute("altText", altText == null ? "" : altText);
		model.addAttribute("tags", tags == null ? "" : tags);
		model.addAttribute("presets", CropPreset.values());
		model.addAttribute("problems", byField(problems));
	}

	private static Map<String, InvalidInput.Problem> byField(List<InvalidInput.Problem> problems) {
		return problems.stream().collect(Collectors.toMap(InvalidInput.Problem::field, Function.identity(), (a, b) -> a));
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}
}
