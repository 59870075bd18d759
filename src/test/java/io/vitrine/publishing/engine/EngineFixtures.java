package io.vitrine.publishing.engine;

import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.NewConnection;
import io.vitrine.publishing.PostDraft;
import io.vitrine.publishing.PostView;
import io.vitrine.publishing.internal.ComposePost;
import io.vitrine.shared.Ids;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A workspace with an editor and one scripted account, built through the modules' own APIs where they exist. */
final class EngineFixtures {

	private EngineFixtures() {
	}

	static Member editor(JdbcClient jdbc) {
		UUID user = Ids.next();
		UUID workspace = Ids.next();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		jdbc.sql("insert into app_user (id, email, display_name, password_hash, locale, created_at) values (?, ?, 'Ed', 'x', 'en', ?)")
			.params(user, user + "@example.test", now)
			.update();
		jdbc.sql("insert into workspace (id, name, time_zone, created_at) values (?, 'Brand', 'Europe/Paris', ?)")
			.params(workspace, now)
			.update();
		jdbc.sql("insert into membership (workspace_id, user_id, role, created_at) values (?, ?, 'EDITOR', ?)")
			.params(workspace, user, now)
			.update();
		return new Member(user, workspace, "Brand", Role.EDITOR, ZoneId.of("Europe/Paris"));
	}

	static ConnectionView account(Connections connections, Member member, int maxCharacters) {
		return connections.connect(member.workspaceId(), new NewConnection(ScriptedConnector.ID, "https://scripted.test",
				"acct-" + member.workspaceId(), "ed@scripted.test", "Ed", new NetworkLimits(maxCharacters, 0, 0, 0, 0, 0),
				new Credentials(Map.of("token", "secret-token"))));
	}

	static PostView schedule(ComposePost compose, Member member, ConnectionView account, String text, Instant at) {
		return compose.create(member, new PostDraft(List.of(new PostDraft.TargetDraft(account.id(), text, null, List.of())),
				new PostDraft.At(at, member.workspaceZone())));
	}
}
