package io.vitrine.approvals;

import io.vitrine.approvals.internal.Approvals;
import io.vitrine.approvals.internal.ReviewLinks;
import io.vitrine.approvals.internal.WorkflowSettings;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.NewConnection;
import io.vitrine.publishing.PostDraft;
import io.vitrine.publishing.PostView;
import io.vitrine.publishing.internal.ComposePost;
import io.vitrine.testsupport.IsolationFixtures;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Role;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Workspace B's workflow, a post under approval with a comment and a review link, for the isolation walk. */
class ApprovalsIsolationFixtures implements IsolationFixtures {

	private final Connections connections;

	private final ComposePost compose;

	private final WorkflowSettings settings;

	private final Approvals approvals;

	private final ReviewLinks links;

	ApprovalsIsolationFixtures(Connections connections, ComposePost compose, WorkflowSettings settings, Approvals approvals,
			ReviewLinks links) {
		this.connections = connections;
		this.compose = compose;
		this.settings = settings;
		this.approvals = approvals;
		this.links = links;
	}

	@Override
	public Map<String, String> create(WorkspaceB b) {
		Member owner = new Member(b.owner().id(), b.workspaceId(), "B", Role.OWNER, ZoneId.of("Europe/Paris"));
		// Contributors' posts only: other fixtures schedule posts in B as its owner, which must stay possible.
		settings.replace(owner, "contributors", List.of(new WorkflowSettings.StepInput("B's secret launch step", "any",
				List.of(), true)));
		ConnectionView account = connections.connect(b.workspaceId(), new NewConnection(new NetworkId("mastodon"),
				"https://b-approvals.example", "b-approvals", "b-secret-handle@b-approvals.example", "B secret",
				new NetworkLimits(500, 0, 23, 4, 16_000_000, 1500), new Credentials(Map.of("accessToken", "b-secret-token"))));
		Member asContributor = new Member(b.owner().id(), b.workspaceId(), "B", Role.CONTRIBUTOR, ZoneId.of("Europe/Paris"));
		PostView post = compose.create(asContributor, new PostDraft(List.of(new PostDraft.TargetDraft(account.id(),
				"B's secret launch", null, List.of())), new PostDraft.AsDraft()));
		approvals.comment(owner, post.id(), "B's secret launch comment");
		ReviewLinks.Created link = links.create(owner, post.id(), 7);
		// Not the token: whoever holds it may read the post by design (it is a client's only credential),
		// so the walk fills {token} with a random value, which must answer 404 like an unknown one.
		return Map.of("linkId", link.id().toString());
	}
}
