package io.vitrine.publishing.engine;

import io.micrometer.core.instrument.MeterRegistry;
import io.vitrine.networks.Capability;
import io.vitrine.networks.ConnectionStatus;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.publishing.PostView;
import io.vitrine.publishing.TargetState;
import io.vitrine.publishing.TargetView;
import io.vitrine.publishing.TransitionView;
import io.vitrine.publishing.internal.ComposePost;
import io.vitrine.publishing.internal.Targets;
import io.vitrine.publishing.internal.Transitions;
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
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Networks that publish asynchronously: a post they accepted is pending, and the engine asks until it is settled. */
@SpringBootTest(properties = "vitrine.engine.enabled=false")
@ActiveProfiles("test")
@Import(EngineTestConfig.class)
abstract class PendingPostsContract {

	static final Duration LEASE = Duration.ofSeconds(60);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Connections connections;

	@Autowired
	ComposePost compose;

	@Autowired
	Targets targets;

	@Autowired
	Transitions transitions;

	@Autowired
	DueTargets due;

	@Autowired
	PublishTarget publisher;

	@Autowired
	PendingChecks pending;

	@Autowired
	Reconciliation reconciliation;

	@Autowired
	Leases leases;

	@Autowired
	ScriptedConnector network;

	@Autowired
	MeterRegistry meters;

	@Autowired
	SettableClock clock;

	Member member;

	ConnectionView account;

	@BeforeEach
	void setUp() {
		network.reset();
		network.capabilities = Set.of(Capability.PUBLISH, Capability.ASYNC_PUBLISH, Capability.RECONCILE);
		for (String table : List.of("target_transition", "post_target_media", "post_target", "post")) {
			jdbc.sql("delete from " + table).update();
		}
		clock.set(Instant.parse("2026-03-20T08:00:00Z"));
		member = EngineFixtures.editor(jdbc);
		account = EngineFixtures.account(connections, member, 20);
	}

	@Test
	void a_post_the_network_is_processing_is_pending_then_published_when_the_network_says_so_and_sent_only_once() {
		double pendingBefore = outcomes("pending");
		TargetView target = dueNow();
		network.publishAnswers.add(new PublishOutcome.Pending("container-1", clock.instant().plusSeconds(30), "IN_PROGRESS"));
		tick("node-a");

		TargetView waiting = reload(target);
		assertThat(waiting.state()).isEqualTo(TargetState.PENDING);
		assertThat(waiting.pendingRef()).isEqualTo("container-1");
		assertThat(waiting.notBefore()).isEqualTo(clock.instant().plusSeconds(30));
		assertThat(waiting.failureReason()).isEqualTo("Scripted is processing the post: IN_PROGRESS");
		assertThat(outcomes("pending") - pendingBefore).isEqualTo(1.0);
		assertThat(meters.get("vitrine.targets.pending").gauge().value()).isEqualTo(1.0);
		assertThat(tick("node-a")).as("a pending target is never claimed for sending").isEmpty();
		assertThat(pendingTick("node-a")).as("not asked before its check time").isEmpty();

		clock.advance(Duration.ofSeconds(30));
		network.pendingAnswers.add(new PublishOutcome.Pending("container-1", clock.instant().plusSeconds(10), "still IN_PROGRESS"));
		assertThat(pendingTick("node-a")).containsExactly(target.id());
		assertThat(reload(target).state()).isEqualTo(TargetState.PENDING);
		assertThat(reload(target).failureReason()).contains("still IN_PROGRESS");

		clock.advance(Duration.ofSeconds(10));
		pendingTick("node-a");

		TargetView published = reload(target);
		assertThat(published.state()).isEqualTo(TargetState.PUBLISHED);
		assertThat(published.remoteId()).isEqualTo("remote-" + target.id());
		assertThat(published.failureReason()).isNull();
		assertThat(network.pendingChecks).containsExactly("container-1", "container-1");
		assertThat(network.sends.get(target.id().toString())).as("published once, only asked afterwards").hasValue(1);
		assertThat(transitions.of(target.id())).extracting(TransitionView::to)
			.containsExactly(TargetState.SCHEDULED, TargetState.PUBLISHING, TargetState.PENDING, TargetState.PUBLISHED);
		assertThat(transitions.of(target.id()).get(2).reason()).contains("container-1");
		assertThat(meters.get("vitrine.targets.pending").gauge().value()).isZero();
	}

	@Test
	void the_wait_between_two_questions_is_at_least_five_seconds_and_at_most_the_configured_maximum() {
		TargetView target = dueNow();
		network.publishAnswers.add(new PublishOutcome.Pending("c-1", clock.instant().minusSeconds(1), "answered 'now'"));
		tick("node-a");
		assertThat(reload(target).notBefore()).isEqualTo(clock.instant().plus(PendingChecks.MIN_POLL));

		clock.advance(PendingChecks.MIN_POLL);
		network.pendingAnswers.add(new PublishOutcome.Pending("c-1", clock.instant().plus(Duration.ofHours(6)), "transcoding"));
		pendingTick("node-a");
		assertThat(reload(target).notBefore()).as("VITRINE_ENGINE_PENDING_MAX_POLL, 10 minutes by default")
			.isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
	}

	@Test
	void a_post_whose_processing_failed_fails_with_the_networks_message() {
		TargetView target = pendingNow("c-2");
		network.pendingAnswers.add(new PublishOutcome.Rejected("ERROR: the video's aspect ratio is not supported"));
		pendingTick("node-a");

		TargetView failed = reload(target);
		assertThat(failed.state()).isEqualTo(TargetState.FAILED);
		assertThat(failed.failureReason()).isEqualTo("Scripted could not publish the post: ERROR: the video's aspect ratio is not supported");
		assertThat(network.sends.get(target.id().toString())).hasValue(1);
	}

	@Test
	void a_failed_question_is_asked_again_later_with_a_growing_backoff_and_never_publishes_again() {
		TargetView target = pendingNow("c-3");
		network.pendingAnswers.add(new PublishOutcome.Transient("HTTP 503"));
		pendingTick("node-a");
		TargetView first = reload(target);
		assertThat(first.state()).isEqualTo(TargetState.PENDING);
		assertThat(first.notBefore()).isEqualTo(clock.instant().plusSeconds(15));

		clock.set(first.notBefore());
		network.pendingAnswers.add(new PublishOutcome.Transient("HTTP 503"));
		pendingTick("node-a");
		assertThat(reload(target).notBefore()).isEqualTo(clock.instant().plusSeconds(30));

		clock.set(reload(target).notBefore());
		pendingTick("node-a");
		assertThat(reload(target).state()).isEqualTo(TargetState.PUBLISHED);
		assertThat(network.sends.get(target.id().toString())).hasValue(1);
	}

	@Test
	void a_post_still_processing_after_the_give_up_time_fails_with_a_reason_the_person_can_act_on() {
		TargetView target = pendingNow("c-4");
		for (int i = 0; i < 6 * 25; i++) {
			clock.set(reload(target).notBefore());
			network.pendingAnswers.add(new PublishOutcome.Pending("c-4", clock.instant().plus(Duration.ofMinutes(10)), "IN_PROGRESS"));
			pendingTick("node-a");
			if (reload(target).state() != TargetState.PENDING) {
				break;
			}
		}
		TargetView failed = reload(target);
		assertThat(failed.state()).isEqualTo(TargetState.FAILED);
		assertThat(failed.failureReason()).startsWith("Scripted was still processing the post 24 h after it was sent")
			.contains("check the account");
		assertThat(network.pendingChecks).hasSizeBetween(24 * 6 - 1, 24 * 6 + 1);
	}

	@Test
	void a_rate_limited_question_pauses_the_account_and_asks_after_the_reset() {
		TargetView target = pendingNow("c-5");
		Instant reset = clock.instant().plus(Duration.ofMinutes(15));
		network.pendingAnswers.add(new PublishOutcome.RateLimited(reset, "429"));
		pendingTick("node-a");

		assertThat(connections.get(member.workspaceId(), account.id()).pausedUntil()).isEqualTo(reset);
		assertThat(reload(target).notBefore()).isEqualTo(reset);
		assertThat(reload(target).state()).isEqualTo(TargetState.PENDING);
	}

	@Test
	void refused_credentials_while_following_ask_for_a_reconnect_and_keep_the_post_pending() {
		TargetView target = pendingNow("c-6");
		network.pendingAnswers.add(new PublishOutcome.Reauthorize("token revoked"));
		pendingTick("node-a");

		assertThat(connections.get(member.workspaceId(), account.id()).status()).isEqualTo(ConnectionStatus.NEEDS_RECONNECT);
		TargetView waiting = reload(target);
		assertThat(waiting.state()).isEqualTo(TargetState.PENDING);
		assertThat(waiting.failureReason()).contains("reconnect");
		assertThat(waiting.notBefore()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
	}

	@Test
	void a_lost_answer_to_the_final_step_goes_the_unknown_way_and_is_reconciled_not_published_again() {
		TargetView target = pendingNow("c-7");
		network.pendingAnswers.add(new PublishOutcome.Unknown("media_publish timed out"));
		pendingTick("node-a");
		assertThat(reload(target).state()).isEqualTo(TargetState.UNKNOWN);

		clock.advance(Duration.ofSeconds(20));
		network.reconcileAnswers.add(new ReconcileOutcome.Found("found-7", "https://scripted.test/found-7"));
		List<List<UUID>> claimed = reconciliation.claim("node-a", clock.instant(), clock.instant().plus(LEASE), 10);
		claimed.forEach(group -> reconciliation.reconcileAll(group, "node-a"));
		assertThat(reload(target).state()).isEqualTo(TargetState.PUBLISHED);
		assertThat(transitions.of(target.id())).extracting(TransitionView::to).containsExactly(TargetState.SCHEDULED,
				TargetState.PUBLISHING, TargetState.PENDING, TargetState.UNKNOWN, TargetState.PUBLISHED);
		assertThat(network.sends.get(target.id().toString())).hasValue(1);
	}

	@Test
	void a_post_found_half_done_goes_on_as_pending_from_where_the_network_is_never_sent_again() {
		TargetView target = dueNow();
		network.publishAnswers.add(new PublishOutcome.Unknown("the first post's answer was lost"));
		tick("node-a");
		assertThat(reload(target).state()).isEqualTo(TargetState.UNKNOWN);

		clock.advance(Duration.ofSeconds(20));
		network.reconcileAnswers.add(new ReconcileOutcome.Continuing("thread:head-1:1", "the rest of the thread follows"));
		List<List<UUID>> claimed = reconciliation.claim("node-a", clock.instant(), clock.instant().plus(LEASE), 10);
		claimed.forEach(group -> reconciliation.reconcileAll(group, "node-a"));

		TargetView continuing = reload(target);
		assertThat(continuing.state()).isEqualTo(TargetState.PENDING);
		assertThat(continuing.pendingRef()).isEqualTo("thread:head-1:1");
		assertThat(continuing.failureReason()).contains("the rest of the thread follows");
		pendingTick("node-a");
		assertThat(reload(target).state()).isEqualTo(TargetState.PUBLISHED);
		assertThat(network.pendingChecks).containsExactly("thread:head-1:1");
		assertThat(network.sends.get(target.id().toString())).as("the first send only").hasValue(1);
		assertThat(transitions.of(target.id())).extracting(TransitionView::to).containsExactly(TargetState.SCHEDULED,
				TargetState.PUBLISHING, TargetState.UNKNOWN, TargetState.PENDING, TargetState.PUBLISHED);
	}

	@Test
	void a_question_claimed_by_a_node_that_died_is_asked_again_by_another_once_the_claim_expires() {
		TargetView target = pendingNow("c-8");
		assertThat(pending.claim("dead-node", clock.instant(), clock.instant().plus(LEASE), 10)).containsExactly(target.id());
		assertThat(pendingTick("node-b")).as("claimed: nobody else asks meanwhile").isEmpty();
		assertThat(leases.heartbeat("node-b", clock.instant().plus(LEASE))).isZero();

		clock.advance(LEASE.plusSeconds(1));
		assertThat(leases.recoverExpired(clock.instant())).as("a pending target needs no recovery: no send is in doubt").isZero();
		assertThat(pendingTick("node-b")).containsExactly(target.id());
		assertThat(reload(target).state()).isEqualTo(TargetState.PUBLISHED);
		assertThat(network.sends.get(target.id().toString())).hasValue(1);
	}

	@Test
	void a_live_nodes_heartbeat_keeps_its_question_claimed() {
		TargetView target = pendingNow("c-9");
		pending.claim("live-node", clock.instant(), clock.instant().plus(LEASE), 10);
		clock.advance(LEASE.minusSeconds(5));
		assertThat(leases.heartbeat("live-node", clock.instant().plus(LEASE))).isEqualTo(1);
		clock.advance(Duration.ofSeconds(10));
		assertThat(pendingTick("node-b")).isEmpty();
		assertThat(reload(target).state()).isEqualTo(TargetState.PENDING);
	}

	@Test
	void a_connector_that_answers_pending_without_declaring_it_is_not_asked_and_the_post_is_read_back_instead() {
		TargetView target = pendingNow("c-10");
		network.capabilities = Set.of(Capability.PUBLISH, Capability.RECONCILE);
		pendingTick("node-a");

		assertThat(network.pendingChecks).isEmpty();
		assertThat(reload(target).state()).isEqualTo(TargetState.UNKNOWN);
		assertThat(network.sends.get(target.id().toString())).hasValue(1);
	}

	private TargetView pendingNow(String ref) {
		TargetView target = dueNow();
		network.publishAnswers.add(new PublishOutcome.Pending(ref, clock.instant().plusSeconds(10), "IN_PROGRESS"));
		tick("node-a");
		assertThat(reload(target).state()).isEqualTo(TargetState.PENDING);
		clock.advance(Duration.ofSeconds(10));
		return target;
	}

	private double outcomes(String outcome) {
		var counter = meters.find("vitrine.publish.outcomes").tag("outcome", outcome).counter();
		return counter == null ? 0 : counter.count();
	}

	private TargetView dueNow() {
		PostView post = EngineFixtures.schedule(compose, member, account, "hello", clock.instant().plusSeconds(1));
		clock.advance(Duration.ofSeconds(1));
		return post.targets().get(0);
	}

	private TargetView reload(TargetView target) {
		return targets.find(target.id()).orElseThrow();
	}

	private List<UUID> tick(String owner) {
		List<TargetView> claimed = due.claim(owner, clock.instant(), clock.instant().plus(LEASE), 100);
		claimed.forEach(target -> publisher.publish(target, owner));
		return claimed.stream().map(TargetView::id).toList();
	}

	private List<UUID> pendingTick(String owner) {
		List<UUID> claimed = pending.claim(owner, clock.instant(), clock.instant().plus(LEASE), 100);
		claimed.forEach(id -> pending.check(id, owner));
		return claimed;
	}
}
