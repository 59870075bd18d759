package io.vitrine.bulk.web;

import io.vitrine.bulk.ImportStatus;
import io.vitrine.bulk.internal.Imports;
import io.vitrine.bulk.internal.PreviewImport;
import io.vitrine.bulk.internal.StartImport;
import io.vitrine.identity.CurrentUser;
import io.vitrine.networks.Connections;
import io.vitrine.publishing.TargetState;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.WorkspaceAccess;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Import and export pages: upload a file, read its preview and problems, import all rows or the valid
 * ones, follow the progress (htmx polls a fragment while the import runs); the export form downloads from
 * the REST twin, which a signed-in browser may call.
 */
@Controller
@RequestMapping("/w/{workspaceId}/import")
class ImportPages {

	static final int PAGE_ERRORS = 200;

	private final WorkspaceAccess access;

	private final PreviewImport preview;

	private final StartImport start;

	private final Imports imports;

	private final Connections connections;

	private final MessageSource messages;

	ImportPages(WorkspaceAccess access, PreviewImport preview, StartImport start, Imports imports, Connections connections,
			MessageSource messages) {
		this.access = access;
		this.preview = preview;
		this.start = start;
		this.imports = imports;
		this.connections = connections;
		this.messages = messages;
	}

	@GetMapping
	String page(CurrentUser user, @PathVariable UUID workspaceId, Model model) {
		Member member = access.require(user, workspaceId);
		return page(member, List.of(), model);
	}

	@PostMapping
	String upload(CurrentUser user, @PathVariable UUID workspaceId, @RequestParam(name = "file", required = false) MultipartFile file,
			Model model) throws IOException {
		Member member = access.require(user, workspaceId);
		if (file == null || file.isEmpty()) {
			return page(member, List.of(new InvalidInput.Problem("file", "required", "choose a CSV file")), model);
		}
		try {
			ImportStatus status = preview.preview(member, file.getOriginalFilename(), file.getBytes());
			return "redirect:/w/" + workspaceId + "/import/" + status.id();
		}
		catch (InvalidInput e) {
			return page(member, e.problems(), model);
		}
	}

	@GetMapping("/{importId}")
	String show(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID importId, Model model) {
		Member member = access.require(user, workspaceId);
		ImportStatus status = find(member, importId);
		model.addAttribute("member", member);
		model.addAttribute("status", status);
		model.addAttribute("stalled", start.stalled(status));
		model.addAttribute("errors", imports.problems(importId, PAGE_ERRORS));
		model.addAttribute("maxErrors", PAGE_ERRORS);
		model.addAttribute("rows", imports.firstRows(importId, BulkApi.PREVIEW_ROWS));
		return "bulk/preview";
	}

	@GetMapping("/{importId}/progress")
	String progress(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID importId, Model model) {
		Member member = access.require(user, workspaceId);
		model.addAttribute("member", member);
		ImportStatus status = find(member, importId);
		model.addAttribute("status", status);
		model.addAttribute("stalled", start.stalled(status));
		return "bulk/preview :: progress";
	}

	@PostMapping("/{importId}/start")
	String start(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID importId,
			@RequestParam(defaultValue = "false") boolean validRowsOnly, RedirectAttributes redirect) {
		Member member = access.require(user, workspaceId);
		find(member, importId);
		try {
			start.start(member, importId, validRowsOnly);
		}
		catch (InvalidInput e) {
			redirect.addFlashAttribute("notice", messages.getMessage("bulk.error." + e.problems().getFirst().rule(), null,
					e.problems().getFirst().message(), LocaleContextHolder.getLocale()));
		}
		return "redirect:/w/" + workspaceId + "/import/" + importId;
	}

	private ImportStatus find(Member member, UUID importId) {
		return imports.find(member.workspaceId(), importId).orElseThrow(() -> new NotFound("import " + importId));
	}

	private String page(Member member, List<InvalidInput.Problem> problems, Model model) {
		model.addAttribute("member", member);
		model.addAttribute("problems", problems);
		model.addAttribute("recent", imports.recent(member.workspaceId(), 10));
		model.addAttribute("accounts", connections.list(member.workspaceId()));
		model.addAttribute("states", Arrays.stream(TargetState.values()).map(TargetState::dbValue).toList());
		return "bulk/import";
	}
}
