package io.vitrine.snippets.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.identity.CurrentUser;
import io.vitrine.snippets.Snippet;
import io.vitrine.snippets.SnippetKind;
import io.vitrine.snippets.Snippets;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.WorkspaceAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The REST twin of the hashtag groups and templates page, and filling a template. */
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}")
@Tag(name = "Hashtag groups and templates", description = "What the composer reuses: hashtags used together, captions with {{variables}}")
class SnippetsApi {

	private final WorkspaceAccess access;

	private final Snippets snippets;

	SnippetsApi(WorkspaceAccess access, Snippets snippets) {
		this.access = access;
		this.snippets = snippets;
	}

	record SnippetBody(@Schema(example = "Bakery", maxLength = Snippets.MAX_NAME) String name,
			@Schema(description = "hashtags separated by spaces, or a caption with {{variables}}", example = "#bread #sourdough")
			String body) {
	}

	record FillBody(@Schema(description = "a value for each of the template's variables", example = "{\"product\": \"stollen\"}")
			Map<String, String> values) {
	}

	record Filled(String text) {
	}

	@GetMapping("/hashtag-groups")
	@Operation(summary = "The workspace's hashtag groups", description = "By name; writers, editors and up")
	List<Snippet> hashtagGroups(CurrentUser user, @PathVariable UUID workspaceId) {
		return snippets.list(access.require(user, workspaceId), SnippetKind.HASHTAGS);
	}

	@PostMapping("/hashtag-groups")
	@Operation(summary = "Add a hashtag group", description = "Owners, admins and editors. 422 rules: name required, max-length, "
			+ "unique (case ignored), max-items; body required, hashtags (only hashtags, as X reads them), max-length")
	ResponseEntity<Snippet> createHashtagGroup(CurrentUser user, @PathVariable UUID workspaceId, @RequestBody SnippetBody body) {
		return created(access.require(user, workspaceId), SnippetKind.HASHTAGS, body);
	}

	@PutMapping("/hashtag-groups/{snippetId}")
	@Operation(summary = "Change a hashtag group", description = "Same rules as adding one")
	Snippet changeHashtagGroup(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID snippetId, @RequestBody SnippetBody body) {
		return snippets.change(access.require(user, workspaceId), SnippetKind.HASHTAGS, snippetId, body.name(), body.body());
	}

	@DeleteMapping("/hashtag-groups/{snippetId}")
	@Operation(summary = "Remove a hashtag group")
	ResponseEntity<Void> deleteHashtagGroup(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID snippetId) {
		snippets.delete(access.require(user, workspaceId), SnippetKind.HASHTAGS, snippetId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/templates")
	@Operation(summary = "The workspace's caption templates", description = "By name, each with its variables")
	List<Snippet> templates(CurrentUser user, @PathVariable UUID workspaceId) {
		return snippets.list(access.require(user, workspaceId), SnippetKind.TEMPLATE);
	}

	@PostMapping("/templates")
	@Operation(summary = "Add a caption template", description = "Owners, admins and editors. Variables are written {{name}}. "
			+ "422 rules: name required, max-length, unique, max-items; body required, max-length, variables")
	ResponseEntity<Snippet> createTemplate(CurrentUser user, @PathVariable UUID workspaceId, @RequestBody SnippetBody body) {
		return created(access.require(user, workspaceId), SnippetKind.TEMPLATE, body);
	}

	@PutMapping("/templates/{snippetId}")
	@Operation(summary = "Change a caption template", description = "Same rules as adding one")
	Snippet changeTemplate(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID snippetId, @RequestBody SnippetBody body) {
		return snippets.change(access.require(user, workspaceId), SnippetKind.TEMPLATE, snippetId, body.name(), body.body());
	}

	@DeleteMapping("/templates/{snippetId}")
	@Operation(summary = "Remove a caption template")
	ResponseEntity<Void> deleteTemplate(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID snippetId) {
		snippets.delete(access.require(user, workspaceId), SnippetKind.TEMPLATE, snippetId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/templates/{snippetId}/fill")
	@Operation(summary = "Fill a caption template", description = "422 names each missing value (values.{name}, rule required) "
			+ "and each value the template does not use (rule unknown)")
	Filled fill(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID snippetId, @RequestBody FillBody body) {
		Member member = access.require(user, workspaceId);
		return new Filled(snippets.fill(snippets.get(member, SnippetKind.TEMPLATE, snippetId), body.values()));
	}

	private ResponseEntity<Snippet> created(Member member, SnippetKind kind, SnippetBody body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(snippets.create(member, kind, body.name(), body.body()));
	}
}
