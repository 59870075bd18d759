package io.vitrine.publishing.engine;

import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.publishing.ApprovalHolds;
import io.vitrine.publishing.TargetState;
import io.vitrine.publishing.TargetView;
import io.vitrine.publishing.internal.ComposePost;
import io.vitrine.publishing.internal.Targets;
import io.vitrine.testsupport.SettableClock;
import io.vitrine.workspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's side of approvals: a target held for approval is never claimed nor sent, whatever its
 * state says, on both claim paths (SKIP LOCKED on PostgreSQL, one by one on H2). Same context as
 * PublishingEngineContract, so it costs no extra application start.
 */
@SpringBootTest(properties = "vitrine.engine.enabled=false")
@ActiveProfiles("test")
@Import(EngineTestConfig.class)
abstract class ApprovalHoldContract {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Connections connections;

	@Autowired
	ComposePost compose;

	@Autowired
	Targets targets;

	@Autowired
	DueTargets due;

	@Autowired
	PublishTarget publisher;

	@Autowired
	ApprovalHolds holds;

	@Autowired
	ScriptedConnector network;

	@Autowired
	SettableClock clock;

	Member member;

	ConnectionView account;

	@BeforeEach
	void setUp() {
		network.reset();
		clock.set(Instant.parse("2026-03-20T08:00:00Z"));
		member = EngineFixtures.editor(jdbc);
		account = EngineFixtures.account(connections, member, 20);
	}

	@Test
	void the_engine_does_not_send_an_unapproved_target_even_if_its_state_says_scheduled() {
		TargetView target = EngineFixtures.schedule(compose, member, account, "held", clock.instant().plusSeconds(60))
			.targets().getFirst();
		assertThat(holds.hold(member.workspaceId(), target.postId())).isEqualTo(1);
		clock.advance(Duration.ofMinutes(2));

		assertThat(claim()).doesNotContain(target.id());
		assertThat(targets.find(target.id()).orElseThrow().state()).isEqualTo(TargetState.SCHEDULED);
		assertThat(network.sends).doesNotContainKey(target.id().toString());
	}

	@Test
	void an_approved_target_already_due_goes_out_once_released() {
		TargetView target = EngineFixtures.schedule(compose, member, account, "released", clock.instant().plusSeconds(60))
			.targets().getFirst();
		holds.hold(member.workspaceId(), target.postId());
		clock.advance(Duration.ofMinutes(2));
		assertThat(claim()).doesNotContain(target.id());

		assertThat(holds.release(member.workspaceId(), target.postId())).isEqualTo(1);
		List<TargetView> claimed = due.claim("node-a", clock.instant(), clock.instant().plusSeconds(60), 500);
		assertThat(claimed).extracting(TargetView::id).contains(target.id());
		claimed.forEach(t -> publisher.publish(t, "node-a"));
		assertThat(targets.find(target.id()).orElseThrow().state()).isEqualTo(TargetState.PUBLISHED);
		assertThat(network.sends.get(target.id().toString())).hasValue(1);
	}

	private List<java.util.UUID> claim() {
		List<TargetView> claimed = due.claim("node-a", clock.instant(), clock.instant().plusSeconds(60), 500);
		claimed.forEach(t -> publisher.publish(t, "node-a"));
		return claimed.stream().map(TargetView::id).toList();
	}
}
