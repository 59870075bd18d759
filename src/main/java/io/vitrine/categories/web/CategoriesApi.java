package io.vitrine.categories.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.categories.ContentCategories;
import io.vitrine.categories.ContentCategory;
import io.vitrine.identity.CurrentUser;
import io.vitrine.workspaces.WorkspaceAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The REST twin of the content categories page. */
@RestController
@Tag(name = "Content categories", description = "A workspace's content pillars: a post names one, the calendar shows and filters by them")
class CategoriesApi {

	private final WorkspaceAccess access;

	private final ContentCategories categories;

	CategoriesApi(WorkspaceAccess access, ContentCategories categories) {
		this.access = access;
		this.categories = categories;
	}

	record CategoryBody(@Schema(example = "Behind the scenes", maxLength = ContentCategories.MAX_NAME) String name,
			@Schema(description = "# and six hexadecimal digits; empty takes the next colour of the palette", example = "#2a9d8f") String color) {
	}

	@GetMapping("/api/v1/workspaces/{workspaceId}/categories")
	@Operation(summary = "The workspace's content categories", description = "By name")
	List<ContentCategory> list(CurrentUser user, @PathVariable UUID workspaceId) {
		return categories.list(access.require(user, workspaceId));
	}

	@PostMapping("/api/v1/workspaces/{workspaceId}/categories")
	@Operation(summary = "Add a content category", description = "Owners, admins and editors. 422 rules: name required, "
			+ "max-length, unique (case ignored), max-items (50 per workspace); color color")
	ResponseEntity<ContentCategory> create(CurrentUser user, @PathVariable UUID workspaceId, @RequestBody CategoryBody body) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(categories.create(access.require(user, workspaceId), body.name(), body.color()));
	}

	@PutMapping("/api/v1/workspaces/{workspaceId}/categories/{categoryId}")
	@Operation(summary = "Rename or recolour a content category", description = "Its posts keep it. Same rules as creation")
	ContentCategory change(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID categoryId,
			@RequestBody CategoryBody body) {
		return categories.change(access.require(user, workspaceId), categoryId, body.name(), body.color());
	}

	@DeleteMapping("/api/v1/workspaces/{workspaceId}/categories/{categoryId}")
	@Operation(summary = "Remove a content category", description = "Its posts stay, without a category")
	ResponseEntity<Void> delete(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID categoryId) {
		categories.delete(access.require(user, workspaceId), categoryId);
		return ResponseEntity.noContent().build();
	}
}
