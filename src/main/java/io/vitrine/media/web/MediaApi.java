package io.vitrine.media.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.identity.CurrentUser;
import io.vitrine.media.CropPreset;
import io.vitrine.media.MediaItem;
import io.vitrine.media.MediaLibrary;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import io.vitrine.workspaces.WorkspaceAccess;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/media")
@Tag(name = "Media", description = "The media library: images and videos to attach to posts; type, dimensions, size and "
		+ "duration are read from the file itself")
class MediaApi {

	private final WorkspaceAccess access;

	private final MediaLibrary library;

	MediaApi(WorkspaceAccess access, MediaLibrary library) {
		this.access = access;
		this.library = library;
	}

	@Schema(description = "What people say about a file: alt text and tags")
	record Description(@Schema(description = "described for people who cannot see it; blank removes it", maxLength = 1500) String altText,
			@Schema(description = "replaces the tags; lower-cased, '#' dropped, at most 20 of 50 letters, digits, '-' or '_'") List<String> tags) {
	}

	@Schema(description = "A crop to a network's aspect ratio; the result is a new image in the library")
	record Crop(@Schema(description = "aspect ratio", allowableValues = { "1:1", "4:5", "1.91:1", "9:16" }, example = "4:5") String ratio,
			@Schema(description = "where the cut sits along the axis that loses pixels: 0 left/top, 0.5 centre (default), 1 right/bottom",
					minimum = "0", maximum = "1") Double offset) {
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Upload an image (JPEG, PNG, GIF, WebP) or a video (MP4, QuickTime)",
			description = "The type comes from the file's bytes, not its name. Larger than VITRINE_MAX_UPLOAD_SIZE: 413.")
	MediaItem upload(CurrentUser user, @PathVariable UUID workspaceId, @RequestPart("file") MultipartFile file,
			@RequestParam(required = false) String altText, @RequestParam(required = false) List<String> tags) throws IOException {
		Member member = access.require(user, workspaceId);
		Policies.require(Policies.MAY_COMPOSE, member, "upload media");
		if (file.isEmpty()) {
			throw InvalidInput.of("file", "required", "is empty");
		}
		MediaItem item;
		try (InputStream in = file.getInputStream()) {
			item = library.store(member.workspaceId(), file.getOriginalFilename(), in);
		}
		boolean described = (altText != null && !altText.isBlank()) || (tags != null && !tags.isEmpty());
		return described ? library.describe(member.workspaceId(), item.id(), altText, tags) : item;
	}

	@GetMapping
	@Operation(summary = "The library, newest first, optionally searched")
	List<MediaItem> list(CurrentUser user, @PathVariable UUID workspaceId,
			@Parameter(description = "words in the file name, alt text or tags") @RequestParam(required = false) String q,
			@Parameter(description = "only files with this tag") @RequestParam(required = false) String tag) {
		return library.search(access.require(user, workspaceId).workspaceId(), q, tag);
	}

	@GetMapping("/{mediaId}")
	MediaItem get(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID mediaId) {
		return library.get(access.require(user, workspaceId).workspaceId(), mediaId);
	}

	@PutMapping("/{mediaId}")
	@Operation(summary = "Set the alt text and the tags")
	MediaItem describe(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID mediaId,
			@RequestBody Description body) {
		Member member = composer(user, workspaceId, "describe media");
		if (body == null) {
			throw InvalidInput.of("body", "required", "send altText and tags");
		}
		return library.describe(member.workspaceId(), mediaId, body.altText(), body.tags());
	}

	@PostMapping("/{mediaId}/crop")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Crop an image to a network's aspect ratio (a new image; the original stays)")
	MediaItem crop(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID mediaId, @RequestBody Crop body) {
		Member member = composer(user, workspaceId, "crop media");
		if (body == null) {
			throw InvalidInput.of("ratio", "required", "choose an aspect ratio");
		}
		return library.crop(member.workspaceId(), mediaId, CropPreset.of("ratio", body.ratio()),
				body.offset() == null ? 0.5 : body.offset());
	}

	@DeleteMapping("/{mediaId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a file", description = "Refused (422, rule in-use) while a post not yet published uses it.")
	void delete(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID mediaId) {
		library.delete(composer(user, workspaceId, "delete media").workspaceId(), mediaId);
	}

	@GetMapping("/{mediaId}/content")
	@Operation(summary = "The file itself")
	ResponseEntity<byte[]> content(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID mediaId) {
		MediaItem item = library.get(access.require(user, workspaceId).workspaceId(), mediaId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(item.contentType()))
			.cacheControl(CacheControl.noCache().cachePrivate())
			.header("X-Content-Type-Options", "nosniff")
			.body(library.content(item.id()));
	}

	@GetMapping("/{mediaId}/thumbnail")
	@Operation(summary = "A small JPEG preview (404 for a video: no poster frame without ffmpeg)")
	ResponseEntity<byte[]> thumbnail(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID mediaId) {
		byte[] thumbnail = library.thumbnail(access.require(user, workspaceId).workspaceId(), mediaId)
			.orElseThrow(() -> new NotFound("thumbnail of media " + mediaId));
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePrivate())
			.body(thumbnail);
	}

	private Member composer(CurrentUser user, UUID workspaceId, String action) {
		Member member = access.require(user, workspaceId);
		Policies.require(Policies.MAY_COMPOSE, member, action);
		return member;
	}
}
