package io.vitrine.approvals.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import io.vitrine.approvals.Decision;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Connectors;
import io.vitrine.publishing.ApprovalHolds;
import io.vitrine.publishing.PostView;
import io.vitrine.shared.NotFound;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a client without an account sees and does through a review link: the post's variants and
 * where it stands — never the team's names, e-mails or other posts.
 */
@Service
public class ClientReview {

	private final ReviewLinks links;

	private final Approvals approvals;

	private final ApprovalHolds holds;

	private final Connections connections;

	private final Connectors connectors;

	ClientReview(ReviewLinks links, Approvals approvals, ApprovalHolds holds, Connections connections, Connectors connectors) {
		this.links = links;
		this.approvals = approvals;
		this.holds = holds;
		this.connections = connections;
		this.connectors = connectors;
	}

	@Schema(description = "A post as a client sees it through a review link")
	public record ReviewView(UUID postId,
			@Schema(description = "not-required, pending, approved, changes-requested or rejected") String status,
			String stepName,
			@Schema(description = "whether the client's decision counts as the current step's decision; otherwise it is "
					+ "kept for the team to read") boolean decisionCounts,
			@Schema(description = "whether the post is waiting for a decision at all") boolean open, Instant expiresAt,
			List<Variant> variants) {
	}

	public record Variant(String network, String account, String text, String link, List<String> imageDescriptions) {
	}

	public ReviewView open(String token) {
		ReviewLinks.Link link = links.resolve(token).orElseThrow(() -> new NotFound("review link"));
		PostView post = holds.post(link.workspaceId(), link.postId()).orElseThrow(() -> new NotFound("review link"));
		ApprovalView approval = approvals.view(link.workspaceId(), link.postId(), null);
		List<Variant> variants = post.targets().stream().map(t -> {
			ConnectionView account = connections.get(link.workspaceId(), t.connectionId());
			return new Variant(connectors.get(account.network()).displayName(), account.handle(), t.text(), t.link(),
					t.images().stream().map(i -> i.altText() == null ? "" : i.altText()).toList());
		}).toList();
		return new ReviewView(post.id(), approval.status(), approval.stepName(), approval.waitingForClient(),
				"pending".equals(approval.status()), link.expiresAt(), variants);
	}

	@Schema(description = "The client's decision: counted as the step's decision, or kept for the team to read")
	public record Decided(boolean counted, ReviewView review) {
	}

	public Decided decide(String token, String name, String decision, String comment) {
		ReviewLinks.Link link = links.resolve(token).orElseThrow(() -> new NotFound("review link"));
		boolean counted = approvals.clientDecides(link, name, Decision.parse("decision", decision), comment);
		return new Decided(counted, open(token));
	}
}
