package io.vitrine.publishing.internal;

import io.vitrine.media.MediaItem;
import io.vitrine.media.MediaLibrary;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connectors;
import io.vitrine.networks.NetworkConnector;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.VariantCheck;
import io.vitrine.publishing.TargetView;
import org.springframework.stereotype.Component;

import io.vitrine.networks.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One way to check a variant, used when it is saved and again just before it is sent. */
@Component
public class VariantValidation {

	private final Connectors connectors;

	private final MediaLibrary media;

	VariantValidation(Connectors connectors, MediaLibrary media) {
		this.connectors = connectors;
		this.media = media;
	}

	public VariantCheck check(ConnectionView connection, PostVariant variant) {
		NetworkConnector connector = connectors.get(connection.network());
		VariantCheck own = connector.validate(variant, connection.limits() != null ? connection.limits() : connector.defaultLimits());
		List<Violation> common = CommonRules.check(connector, variant);
		if (common.isEmpty()) {
			return own;
		}
		List<Violation> all = new ArrayList<>(common);
		all.addAll(own.violations());
		return new VariantCheck(own.length(), own.maxLength(), all);
	}

	/** Each file's facts as read from the file; the library's alt text when the post gives none. */
	public PostVariant variantOf(UUID workspaceId, String text, String link, List<TargetView.ImageView> images) {
		return variantOf(workspaceId, text, link, images, Map.of());
	}

	/** @param fields the network's own fields; blank values are left out, as if not given */
	public PostVariant variantOf(UUID workspaceId, String text, String link, List<TargetView.ImageView> images,
			Map<String, String> fields) {
		return new PostVariant(text, link, images.stream().map(image -> {
			MediaItem item = media.get(workspaceId, image.mediaId());
			String alt = image.altText() == null || image.altText().isBlank() ? item.altText() : image.altText();
			return new PostVariant.Media(item.id(), item.contentType(), item.sizeBytes(), item.width(), item.height(),
					item.durationMillis(), alt);
		}).toList(), FieldsJson.withoutBlanks(fields));
	}

	/** The variant a stored target sends: its text, link, images and fields. */
	public PostVariant variantOf(TargetView target) {
		return variantOf(target.workspaceId(), target.text(), target.link(), target.images(), target.fields());
	}
}
