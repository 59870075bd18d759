package io.vitrine.networks.medialinks;

import io.vitrine.media.MediaLibrary;
import io.vitrine.shared.NotFound;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves a media file to whoever holds a valid {@link PublicMediaLinks} token, without a session: the network's
 * fetcher (Instagram, Threads) signs in nowhere. Deliberately outside /api/v1 and not in OpenAPI: it is no API of
 * Vitrine's, only a file handed to a network for a day. An unknown, altered or expired token is a plain 404.
 */
@RestController
class PublicMediaFiles {

	private final PublicMediaLinks links;

	private final MediaLibrary library;

	PublicMediaFiles(PublicMediaLinks links, MediaLibrary library) {
		this.links = links;
		this.library = library;
	}

	@GetMapping(PublicMediaLinks.PATH + "{token}")
	ResponseEntity<byte[]> file(@PathVariable String token) {
		PublicMediaLinks.Opened opened = links.open(token).orElseThrow(() -> new NotFound("media"));
		byte[] content;
		try {
			content = library.content(opened.mediaId());
		}
		catch (EmptyResultDataAccessException deleted) {
			throw new NotFound("media");
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(opened.contentType()))
			.cacheControl(CacheControl.noStore())
			.body(content);
	}
}
