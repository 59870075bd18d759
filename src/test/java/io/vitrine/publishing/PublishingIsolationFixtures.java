package io.vitrine.publishing;

import io.vitrine.media.MediaItem;
import io.vitrine.media.MediaLibrary;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.NewConnection;
import io.vitrine.publishing.internal.ComposePost;
import io.vitrine.testsupport.IsolationFixtures;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Role;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** A connected account, an image and a scheduled post in workspace B, for the isolation walk. */
class PublishingIsolationFixtures implements IsolationFixtures {

	private final Connections connections;

	private final MediaLibrary media;

	private final ComposePost compose;

	PublishingIsolationFixtures(Connections connections, MediaLibrary media, ComposePost compose) {
		this.connections = connections;
		this.media = media;
		this.compose = compose;
	}

	@Override
	public Map<String, String> create(WorkspaceB b) {
		ConnectionView account = connections.connect(b.workspaceId(), new NewConnection(new NetworkId("mastodon"),
				"https://b-secret.example", "b-account", "b-secret-handle@b-secret.example", "B secret",
				new NetworkLimits(500, 0, 23, 4, 16_000_000, 1500), new Credentials(Map.of("accessToken", "b-secret-token"))));
		MediaItem image = media.store(b.workspaceId(), "b-secret.png", png());
		Member owner = new Member(b.owner().id(), b.workspaceId(), "B", Role.OWNER, ZoneId.of("Europe/Paris"));
		PostView post = compose.create(owner, new PostDraft(List.of(new PostDraft.TargetDraft(account.id(),
				"B's secret launch", null, List.of(new PostDraft.ImageDraft(image.id(), "B's secret image")))),
				new PostDraft.At(Instant.now().plusSeconds(86_400), ZoneId.of("Europe/Paris"))));
		return Map.of("connectionId", account.id().toString(), "mediaId", image.id().toString(), "postId",
				post.id().toString(), "targetId", post.targets().get(0).id().toString());
	}

	private static byte[] png() {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
