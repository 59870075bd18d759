package io.vitrine.media.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.identity.CurrentUser;
import io.vitrine.media.MediaItem;
import io.vitrine.media.MediaLibrary;
import io.vitrine.shared.InvalidInput;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import io.vitrine.workspaces.WorkspaceAccess;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/media")
@Tag(name = "Media", description = "Images to attach to posts; dimensions and size are read from the file")
class MediaApi {

	private final WorkspaceAccess access;

	private final MediaLibrary library;

	MediaApi(WorkspaceAccess access, MediaLibrary library) {
		this.access = access;
		this.library = library;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Upload an image (PNG, JPEG or GIF)")
	MediaItem upload(CurrentUser user, @PathVariable UUID workspaceId, @RequestPart("file") MultipartFile file)
			throws IOException {
		Member member = access.require(user, workspaceId);
		Policies.require(Policies.MAY_COMPOSE, member, "upload media");
		if (file.isEmpty()) {
			throw InvalidInput.of("file", "required", "is empty");
		}
		return library.store(member.workspaceId(), file.getOriginalFilename(), file.getBytes());
	}

	@GetMapping
	List<MediaItem> list(CurrentUser user, @PathVariable UUID workspaceId) {
		return library.list(access.require(user, workspaceId).workspaceId());
	}

	@GetMapping("/{mediaId}")
	MediaItem get(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID mediaId) {
		return library.get(access.require(user, workspaceId).workspaceId(), mediaId);
	}

	@GetMapping("/{mediaId}/content")
	@Operation(summary = "The image itself")
	ResponseEntity<byte[]> content(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID mediaId) {
		MediaItem item = library.get(access.require(user, workspaceId).workspaceId(), mediaId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(item.contentType()))
			.cacheControl(CacheControl.noCache().cachePrivate())
			.body(library.content(item.id()));
	}
}
