package io.vitrine.publishing.engine;

import io.micrometer.core.instrument.MeterRegistry;
import io.vitrine.networks.Capability;
import io.vitrine.networks.ConnectionStatus;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.NewConnection;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.publishing.PostView;
import io.vitrine.publishing.TargetState;
import io.vitrine.publishing.TargetView;
import io.vitrine.publishing.TransitionView;
import io.vitrine.publishing.internal.ComposePost;
import io.vitrine.publishing.internal.Targets;
import io.vitrine.publishing.internal.Transitions;
import io.vitrine.shared.InvalidInput;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(properties = "vitrine.engine.enabled=false")
@ActiveProfiles("test")
@Import(EngineTestConfig.class)
abstract class PublishingEngineContract {

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
		for (String table : List.of("target_transition", "post_target_media", "post_target", "post")) {
			jdbc.sql("delete from " + table).update();
		}
		clock.set(Instant.parse("2026-03-20T08:00:00Z"));
		member = EngineFixtures.editor(jdbc);
		account = EngineFixtures.account(connections, member, 20);
	}

	@Test
	void a_due_target_is_published_once_with_its_remote_id_and_every_transition_recorded() {
		TargetView target = scheduleIn(Duration.ofMinutes(5));
		assertThat(tick("node-a")).isEmpty();

		clock.advance(Duration.ofMinutes(5));
		assertThat(tick("node-a")).containsExactly(target.id());

		TargetView published = reload(target);
		assertThat(published.state()).isEqualTo(TargetState.PUBLISHED);
		assertThat(published.remoteId()).isEqualTo("remote-" + target.id());
		assertThat(published.remoteUrl()).isEqualTo("https://scripted.test/" + target.id());
		assertThat(network.sends).containsOnlyKeys(target.id().toString());
		assertThat(network.sends.get(target.id().toString())).hasValue(1);
		assertThat(transitions.of(target.id())).extracting(TransitionView::to)
			.containsExactly(TargetState.SCHEDULED, TargetState.PUBLISHING, TargetState.PUBLISHED);
		assertThat(tick("node-a")).isEmpty();
	}

	@Test
	void metrics_show_what_is_due_what_was_published_and_how_late() {
		scheduleIn(Duration.ofSeconds(10));
		scheduleIn(Duration.ofSeconds(10));
		assertThat(meters.get("vitrine.targets.due").gauge().value()).isZero();
		clock.advance(Duration.ofSeconds(12));
		assertThat(meters.get("vitrine.targets.due").gauge().value()).isEqualTo(2.0);
		double publishedBefore = publishedCount();
		long lateBefore = meters.get("vitrine.publish.lateness").timer().count();
		double maxBefore = meters.get("vitrine.publish.lateness").timer().max(java.util.concurrent.TimeUnit.SECONDS);

		tick("node-a");

		assertThat(meters.get("vitrine.targets.due").gauge().value()).isZero();
		assertThat(publishedCount() - publishedBefore).isEqualTo(2.0);
		assertThat(meters.get("vitrine.publish.lateness").timer().count() - lateBefore).isEqualTo(2);
		assertThat(meters.get("vitrine.publish.lateness").timer().max(java.util.concurrent.TimeUnit.SECONDS))
			.isGreaterThanOrEqualTo(Math.min(2.0, Math.max(maxBefore, 2.0)));
	}

	private double publishedCount() {
		var counter = meters.find("vitrine.publish.outcomes").tag("outcome", "published").counter();
		return counter == null ? 0 : counter.count();
	}

	@Test
	void two_nodes_claiming_at_the_same_time_never_claim_the_same_target() throws Exception {
		List<UUID> all = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			all.add(scheduleIn(Duration.ofSeconds(1)).id());
		}
		clock.advance(Duration.ofSeconds(1));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		Callable<List<UUID>> node = () -> {
			String owner = "node-" + Thread.currentThread().threadId();
			List<UUID> mine = new ArrayList<>();
			List<UUID> batch;
			do {
				batch = claimIds(owner, 25);
				mine.addAll(batch);
			}
			while (!batch.isEmpty());
			return mine;
		};
		Future<List<UUID>> a = pool.submit(node);
		Future<List<UUID>> b = pool.submit(node);
		List<UUID> claimedByA = a.get();
		List<UUID> claimedByB = b.get();
		pool.shutdown();

		assertThat(Collections.disjoint(claimedByA, claimedByB)).isTrue();
		Set<UUID> union = new HashSet<>(claimedByA);
		union.addAll(claimedByB);
		assertThat(union).containsExactlyInAnyOrderElementsOf(all);
	}

	@Test
	void a_rejected_post_fails_with_the_networks_own_message() {
		TargetView target = dueNow();
		network.publishAnswers.add(new PublishOutcome.Rejected("Validation failed: Text character limit of 500 exceeded"));
		tick("node-a");

		TargetView failed = reload(target);
		assertThat(failed.state()).isEqualTo(TargetState.FAILED);
		assertThat(failed.failureReason()).contains("Scripted refused the post")
			.contains("Validation failed: Text character limit of 500 exceeded");
	}

	@Test
	void a_rate_limited_target_waits_for_the_reset_time_and_pauses_its_account() {
		TargetView target = dueNow();
		Instant reset = clock.instant().plus(Duration.ofMinutes(3));
		network.publishAnswers.add(new PublishOutcome.RateLimited(reset, "429 Too Many Requests"));
		tick("node-a");

		assertThat(reload(target).state()).isEqualTo(TargetState.SCHEDULED);
		assertThat(connections.get(member.workspaceId(), account.id()).pausedUntil()).isEqualTo(reset);
		clock.advance(Duration.ofMinutes(2));
		assertThat(tick("node-a")).as("nothing is sent before the reset time").isEmpty();
		clock.set(reset);
		assertThat(tick("node-a")).containsExactly(target.id());
		assertThat(reload(target).state()).isEqualTo(TargetState.PUBLISHED);
		assertThat(network.sends.get(target.id().toString())).hasValue(2);
	}

	@Test
	void waiting_for_rate_limits_does_not_use_up_the_attempts_a_real_failure_gets() {
		TargetView target = dueNow();
		for (int i = 0; i < PublishTarget.MAX_TRANSIENT_ATTEMPTS + 2; i++) {
			Instant reset = clock.instant().plus(Duration.ofMinutes(1));
			network.publishAnswers.add(new PublishOutcome.RateLimited(reset, "429 Too Many Requests"));
			tick("node-a");
			clock.set(reset);
		}
		assertThat(reload(target).attempts()).as("rate-limit waits are not attempts").isZero();

		network.publishAnswers.add(new PublishOutcome.Transient("connection refused"));
		tick("node-a");
		TargetView waiting = reload(target);
		assertThat(waiting.state()).as("a first real failure is retried, not the last straw").isEqualTo(TargetState.SCHEDULED);
		assertThat(waiting.notBefore()).as("with the first back-off, not an escalated one")
			.isEqualTo(clock.instant().plus(Duration.ofSeconds(30)));
	}

	@Test
	void a_target_claimed_before_its_account_was_paused_is_not_sent_before_the_pause_ends() {
		TargetView target = dueNow();
		List<TargetView> claimed = due.claim("node-a", clock.instant(), clock.instant().plus(LEASE), 10);
		Instant reset = clock.instant().plus(Duration.ofMinutes(3));
		connections.pauseUntil(account.id(), reset, "another target of the account met a rate limit");

		claimed.forEach(t -> publisher.publish(t, "node-a"));

		assertThat(network.sends).as("nothing sent while the account is paused").isEmpty();
		TargetView waiting = reload(target);
		assertThat(waiting.state()).isEqualTo(TargetState.SCHEDULED);
		assertThat(waiting.notBefore()).isEqualTo(reset);
		clock.set(reset);
		assertThat(tick("node-a")).containsExactly(target.id());
		assertThat(reload(target).state()).isEqualTo(TargetState.PUBLISHED);
	}

	@Test
	void a_transient_failure_is_retried_later_with_the_same_idempotency_key() {
		TargetView target = dueNow();
		network.publishAnswers.add(new PublishOutcome.Transient("connection refused"));
		tick("node-a");

		TargetView waiting = reload(target);
		assertThat(waiting.state()).isEqualTo(TargetState.SCHEDULED);
		assertThat(waiting.notBefore()).isAfter(clock.instant());
		assertThat(tick("node-a")).isEmpty();
		clock.set(waiting.notBefore());
		tick("node-a");
		assertThat(reload(target).state()).isEqualTo(TargetState.PUBLISHED);
		assertThat(network.sends).containsOnlyKeys(target.id().toString());
	}

	@Test
	void an_unknown_outcome_is_settled_as_published_when_the_post_is_found_on_the_network() {
		TargetView target = dueNow();
		network.publishAnswers.add(new PublishOutcome.Unknown("read timed out"));
		tick("node-a");
		assertThat(reload(target).state()).isEqualTo(TargetState.UNKNOWN);

		network.reconcileAnswers.add(new ReconcileOutcome.Found("found-1", "https://scripted.test/found-1"));
		clock.advance(Duration.ofSeconds(20));
		reconcileTick("node-a");

		TargetView settled = reload(target);
		assertThat(settled.state()).isEqualTo(TargetState.PUBLISHED);
		assertThat(settled.remoteId()).isEqualTo("found-1");
		assertThat(network.sends.get(target.id().toString())).as("never sent again").hasValue(1);
	}

	@Test
	void an_unknown_target_of_a_paused_account_is_not_checked_before_the_pause_ends() {
		TargetView target = dueNow();
		network.publishAnswers.add(new PublishOutcome.Unknown("read timed out"));
		tick("node-a");
		Instant reset = clock.instant().plus(Duration.ofMinutes(5));
		connections.pauseUntil(account.id(), reset, "another target met a rate limit");

		clock.advance(Duration.ofSeconds(20));
		reconcileTick("node-a");
		assertThat(network.reads).as("reading is a request too").hasValue(0);
		assertThat(reload(target).notBefore()).isEqualTo(reset);

		clock.set(reset);
		network.reconcileAnswers.add(new ReconcileOutcome.Found("found-1", "https://scripted.test/found-1"));
		reconcileTick("node-a");
		assertThat(network.reads).hasValue(1);
		assertThat(reload(target).state()).isEqualTo(TargetState.PUBLISHED);
	}

	@Test
	void a_check_refused_by_a_rate_limit_pauses_the_account_and_waits_for_the_reset_before_anything_else() {
		TargetView target = dueNow();
		network.publishAnswers.add(new PublishOutcome.Unknown("read timed out"));
		tick("node-a");
		clock.advance(Duration.ofSeconds(20));
		Instant reset = clock.instant().plus(Duration.ofMinutes(4));
		network.reconcileAnswers.add(new ReconcileOutcome.RateLimited(reset, "429 Too Many Requests"));
		reconcileTick("node-a");

		assertThat(connections.get(member.workspaceId(), account.id()).pausedUntil()).isEqualTo(reset);
		assertThat(reload(target).state()).isEqualTo(TargetState.UNKNOWN);
		assertThat(reload(target).notBefore()).isEqualTo(reset);
		TargetView other = dueNow();
		clock.advance(Duration.ofMinutes(3));
		assertThat(tick("node-a")).as("no post goes out on the paused account").isEmpty();
		assertThat(reconcileTick("node-a")).isEmpty();

		clock.set(reset);
		reconcileTick("node-a");
		assertThat(reload(target).state()).as("not found, re-sent with its key").isEqualTo(TargetState.SCHEDULED);
		tick("node-a");
		assertThat(reload(target).state()).isEqualTo(TargetState.PUBLISHED);
		assertThat(reload(other).state()).isEqualTo(TargetState.PUBLISHED);
	}

	@Test
	void after_a_check_meets_a_rate_limit_the_accounts_other_unknown_targets_are_not_read_before_the_reset() {
		TargetView first = dueNow();
		TargetView second = dueNow();
		network.publishAnswers.add(new PublishOutcome.Unknown("read timed out"));
		network.publishAnswers.add(new PublishOutcome.Unknown("read timed out"));
		tick("node-a");
		clock.advance(Duration.ofSeconds(20));
		Instant reset = clock.instant().plus(Duration.ofMinutes(2));
		network.reconcileAnswers.add(new ReconcileOutcome.RateLimited(reset, "429 Too Many Requests"));

		assertThat(reconcileTick("node-a")).containsExactlyInAnyOrder(first.id(), second.id());

		assertThat(network.reads).as("the second check saw the pause the first one met").hasValue(1);
		assertThat(reload(first).notBefore()).isEqualTo(reset);
		assertThat(reload(second).notBefore()).isEqualTo(reset);
	}

	@Test
	void an_ambiguous_send_whose_read_back_met_a_rate_limit_pauses_the_account_until_the_reset() {
		TargetView target = dueNow();
		Instant reset = clock.instant().plus(Duration.ofMinutes(10));
		network.publishAnswers.add(new PublishOutcome.Unknown("HTTP 502; reading back: 429", reset));
		tick("node-a");

		assertThat(connections.get(member.workspaceId(), account.id()).pausedUntil()).isEqualTo(reset);
		assertThat(reload(target).notBefore()).as("first check after the reset, not after the usual delay").isEqualTo(reset);
	}

	@Test
	void an_unknown_outcome_proven_absent_is_sent_again_with_the_same_key_while_that_key_protects_it() {
		TargetView target = dueNow();
		network.publishAnswers.add(new PublishOutcome.Unknown("HTTP 502"));
		tick("node-a");
		clock.advance(Duration.ofSeconds(20));
		reconcileTick("node-a");
		assertThat(reload(target).state()).isEqualTo(TargetState.SCHEDULED);

		tick("node-a");
		assertThat(reload(target).state()).isEqualTo(TargetState.PUBLISHED);
		assertThat(network.sends).containsOnlyKeys(target.id().toString());
	}

	@Test
	void an_unknown_outcome_absent_after_the_safe_window_waits_for_a_person_instead_of_risking_a_duplicate() {
		network.resendWindow = Duration.ofMinutes(1);
		TargetView target = dueNow();
		network.publishAnswers.add(new PublishOutcome.Unknown("connection reset after sending"));
		tick("node-a");
		clock.advance(Duration.ofMinutes(5));
		reconcileTick("node-a");

		TargetView waiting = reload(target);
		assertThat(waiting.state()).isEqualTo(TargetState.UNKNOWN);
		assertThat(waiting.notBefore()).isNull();
		assertThat(waiting.failureReason()).contains("could publish it twice");
		clock.advance(Duration.ofHours(1));
		assertThat(reconcileTick("node-a")).isEmpty();
		assertThat(network.sends.get(target.id().toString())).hasValue(1);
	}

	@Test
	void an_inconclusive_check_within_the_safe_window_sends_again_with_the_same_key() {
		TargetView target = dueNow();
		network.publishAnswers.add(new PublishOutcome.Unknown("HTTP 503"));
		tick("node-a");
		network.reconcileAnswers.add(new ReconcileOutcome.Inconclusive("every recent post is newer than the attempt"));
		clock.advance(Duration.ofSeconds(20));
		reconcileTick("node-a");
		assertThat(reload(target).state()).isEqualTo(TargetState.SCHEDULED);

		tick("node-a");
		assertThat(reload(target).state()).isEqualTo(TargetState.PUBLISHED);
		assertThat(network.sends).containsOnlyKeys(target.id().toString());
	}

	@Test
	void an_inconclusive_check_after_the_safe_window_keeps_checking_instead_of_sending() {
		network.resendWindow = Duration.ofMinutes(1);
		TargetView target = dueNow();
		network.publishAnswers.add(new PublishOutcome.Unknown("HTTP 503"));
		tick("node-a");
		network.reconcileAnswers.add(new ReconcileOutcome.Inconclusive("the network is down"));
		clock.advance(Duration.ofMinutes(5));
		reconcileTick("node-a");

		TargetView waiting = reload(target);
		assertThat(waiting.state()).isEqualTo(TargetState.UNKNOWN);
		assertThat(waiting.notBefore()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
		assertThat(network.sends.get(target.id().toString())).hasValue(1);
	}

	@Test
	void a_connector_without_safe_resend_never_sends_an_absent_unknown_again_by_itself() {
		network.capabilities = Set.of(Capability.PUBLISH, Capability.RECONCILE);
		network.resendWindow = Duration.ZERO;
		TargetView target = dueNow();
		network.publishAnswers.add(new PublishOutcome.Unknown("timeout"));
		tick("node-a");
		clock.advance(Duration.ofSeconds(20));
		reconcileTick("node-a");
		assertThat(reload(target).state()).isEqualTo(TargetState.UNKNOWN);
		assertThat(tick("node-a")).isEmpty();
	}

	@Test
	void a_revoked_token_fails_the_target_and_marks_the_account_as_needing_reconnection() {
		TargetView target = dueNow();
		network.publishAnswers.add(new PublishOutcome.Reauthorize("The access token was revoked"));
		tick("node-a");

		assertThat(reload(target).state()).isEqualTo(TargetState.FAILED);
		assertThat(reload(target).failureReason()).contains("reconnect");
		ConnectionView after = connections.get(member.workspaceId(), account.id());
		assertThat(after.status()).isEqualTo(ConnectionStatus.NEEDS_RECONNECT);
	}

	@Test
	void the_claim_of_a_dead_node_that_had_started_sending_becomes_unknown_and_is_reconciled_not_resent_blindly() {
		TargetView target = dueNow();
		List<UUID> claimed = claimIds("dead-node", 10);
		assertThat(claimed).containsExactly(target.id());
		jdbc.sql("update post_target set sent_at = ? where id = ?").params(clock.instant().atOffset(java.time.ZoneOffset.UTC), target.id()).update();

		clock.advance(LEASE.minusSeconds(1));
		assertThat(leases.recoverExpired(clock.instant())).isZero();
		clock.advance(Duration.ofSeconds(2));
		assertThat(leases.recoverExpired(clock.instant())).isEqualTo(1);
		assertThat(reload(target).state()).isEqualTo(TargetState.UNKNOWN);
		assertThat(tick("node-b")).as("an unknown target is not claimed for sending").isEmpty();

		network.reconcileAnswers.add(new ReconcileOutcome.Found("r-1", "https://scripted.test/r-1"));
		reconcileTick("node-b");
		assertThat(reload(target).state()).isEqualTo(TargetState.PUBLISHED);
		assertThat(network.sends).isEmpty();
	}

	@Test
	void the_claim_of_a_dead_node_that_never_started_sending_goes_back_to_scheduled() {
		TargetView target = dueNow();
		claimIds("dead-node", 10);
		clock.advance(LEASE.plusSeconds(1));
		leases.recoverExpired(clock.instant());

		assertThat(reload(target).state()).isEqualTo(TargetState.SCHEDULED);
		tick("node-b");
		assertThat(reload(target).state()).isEqualTo(TargetState.PUBLISHED);
	}

	@Test
	void a_node_restarted_under_the_same_name_does_not_keep_its_killed_runs_claims_alive() {
		String killedRun = PublishingEngine.claimOwner("node-a");
		String nextRun = PublishingEngine.claimOwner("node-a");
		assertThat(killedRun).startsWith("node-a#").isNotEqualTo(nextRun);
		TargetView target = dueNow();
		assertThat(claimIds(killedRun, 10)).containsExactly(target.id());
		jdbc.sql("update post_target set sent_at = ? where id = ?").params(clock.instant().atOffset(java.time.ZoneOffset.UTC), target.id()).update();

		clock.advance(LEASE.minusSeconds(5));
		assertThat(leases.heartbeat(nextRun, clock.instant().plus(LEASE))).as("the new run keeps only its own claims alive").isZero();
		clock.advance(Duration.ofSeconds(10));
		assertThat(leases.recoverExpired(clock.instant())).isEqualTo(1);
		assertThat(reload(target).state()).isEqualTo(TargetState.UNKNOWN);
	}

	@Test
	void a_heartbeat_keeps_a_live_nodes_claim_from_being_taken_back() {
		TargetView target = dueNow();
		claimIds("live-node", 10);
		clock.advance(LEASE.minusSeconds(5));
		assertThat(leases.heartbeat("live-node", clock.instant().plus(LEASE))).isEqualTo(1);
		clock.advance(Duration.ofSeconds(10));
		assertThat(leases.recoverExpired(clock.instant())).isZero();
		assertThat(reload(target).state()).isEqualTo(TargetState.PUBLISHING);
	}

	@Test
	void a_variant_that_broke_its_networks_limits_since_it_was_saved_fails_before_anything_is_sent() {
		TargetView target = dueNow();
		connections.connect(member.workspaceId(), new NewConnection(ScriptedConnector.ID, "https://scripted.test",
				"acct-" + member.workspaceId(), "ed@scripted.test", "Ed", new NetworkLimits(3, 0, 0, 0, 0, 0),
				new Credentials(Map.of("token", "secret-token"))));
		tick("node-a");

		TargetView failed = reload(target);
		assertThat(failed.state()).isEqualTo(TargetState.FAILED);
		assertThat(failed.failureReason()).contains("no longer valid for Scripted").contains("at most 3 characters");
		assertThat(network.sends).isEmpty();
	}

	@Test
	void saving_a_variant_over_the_limit_is_refused_naming_the_network_the_field_and_the_rule() {
		assertThatThrownBy(() -> EngineFixtures.schedule(compose, member, account, "x".repeat(21),
				clock.instant().plusSeconds(60)))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
				assertThat(p.field()).isEqualTo("targets[0].text");
				assertThat(p.rule()).isEqualTo("max-characters");
				assertThat(p.message()).startsWith("Scripted (ed@scripted.test)");
			}));
	}

	@Test
	void a_target_whose_account_was_disconnected_fails_without_being_sent() {
		TargetView target = dueNow();
		connections.disconnect(member.workspaceId(), account.id());
		tick("node-a");

		assertThat(reload(target).state()).isEqualTo(TargetState.FAILED);
		assertThat(reload(target).failureReason()).contains("disconnected");
		assertThat(network.sends).isEmpty();
	}

	@Test
	void nine_oclock_in_paris_on_the_day_the_clocks_change_goes_out_at_nine_paris_time() {
		clock.set(Instant.parse("2026-03-28T12:00:00Z"));
		PostView post = compose.create(member, new io.vitrine.publishing.PostDraft(
				List.of(new io.vitrine.publishing.PostDraft.TargetDraft(account.id(), "Spring forward", null, List.of())),
				io.vitrine.publishing.internal.ScheduleParser.parse("schedule", "2026-03-29T09:00", "Europe/Paris",
						member.workspaceZone())));
		TargetView target = post.targets().get(0);
		assertThat(target.dueAt()).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));

		clock.set(Instant.parse("2026-03-29T06:59:59Z"));
		assertThat(tick("node-a")).as("08:59:59 in Paris (summer time since 02:00)").isEmpty();
		clock.set(Instant.parse("2026-03-29T07:00:00Z"));
		assertThat(tick("node-a")).containsExactly(target.id());
		assertThat(reload(target).publishedAt().atZone(java.time.ZoneId.of("Europe/Paris")).toLocalTime())
			.isEqualTo(java.time.LocalTime.of(9, 0));
	}

	@Test
	void scheduling_in_the_past_is_refused() {
		assertThatThrownBy(() -> EngineFixtures.schedule(compose, member, account, "hello", clock.instant().minusSeconds(1)))
			.isInstanceOfSatisfying(InvalidInput.class,
					e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field).containsExactly("scheduledAt"));
	}

	private TargetView dueNow() {
		TargetView target = scheduleIn(Duration.ofSeconds(1));
		clock.advance(Duration.ofSeconds(1));
		return target;
	}

	private TargetView scheduleIn(Duration delay) {
		PostView post = EngineFixtures.schedule(compose, member, account, "hello", clock.instant().plus(delay));
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

	private List<UUID> claimIds(String owner, int limit) {
		return due.claim(owner, clock.instant(), clock.instant().plus(LEASE), limit).stream().map(TargetView::id).toList();
	}

	private List<UUID> reconcileTick(String owner) {
		List<List<UUID>> claimed = reconciliation.claim(owner, clock.instant(), clock.instant().plus(LEASE), 100);
		claimed.forEach(group -> reconciliation.reconcileAll(group, owner));
		return claimed.stream().flatMap(List::stream).toList();
	}
}
