package io.vitrine.networks.medialinks;

import io.vitrine.networks.Credentials;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.internal.CredentialVault;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Links to a post's media that a network fetches by itself (Instagram and Threads take {@code image_url} and
 * {@code video_url}, never bytes): {@code <public-url>/public/media/<token>}, where the token is the media id, its
 * type and an expiry sealed with the credentials key (AES-256-GCM). Nobody can guess one or stretch its life, and
 * every node of a cluster opens the tokens of the others. Nothing but the file is reachable through it.
 */
@Component
public class PublicMediaLinks {

	/** Instagram containers live 24 hours; a link outliving the container serves no one. */
	public static final Duration LIFETIME = Duration.ofHours(24);

	static final String PATH = "/public/media/";

	private static final String PURPOSE = "public-media-link";

	/** What a valid token opens to. */
	record Opened(UUID mediaId, String contentType) {
	}

	private final CredentialVault vault;

	private final String publicUrl;

	private final Clock clock;

	public PublicMediaLinks(CredentialVault vault, @Value("${vitrine.public-url:${vitrine.base-url}}") String publicUrl, Clock clock) {
		this.vault = vault;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		this.clock = clock;
	}

	/** A link to {@code media} that works for {@link #LIFETIME} from now. */
	public String link(PostVariant.Media media) {
		Credentials sealed = new Credentials(Map.of("media", media.mediaId().toString(), "type", media.contentType(),
				"expires", clock.instant().plus(LIFETIME).toString()));
		return publicUrl + PATH + Base64.getUrlEncoder().withoutPadding().encodeToString(vault.seal(sealed, PURPOSE));
	}

	/** Empty when the token is not one of ours, was altered, or has expired. */
	Optional<Opened> open(String token) {
		try {
			Credentials opened = vault.open(Base64.getUrlDecoder().decode(token), PURPOSE);
			if (!Instant.parse(opened.require("expires")).isAfter(clock.instant())) {
				return Optional.empty();
			}
			return Optional.of(new Opened(UUID.fromString(opened.require("media")), opened.require("type")));
		}
		catch (IllegalArgumentException | IllegalStateException | java.time.format.DateTimeParseException e) {
			return Optional.empty();
		}
	}
}
