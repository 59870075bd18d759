package io.vitrine.publishing.engine;

import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.PublishQuota;
import io.vitrine.networks.QuotaUsages;
import io.vitrine.publishing.PostView;
import io.vitrine.publishing.TargetState;
import io.vitrine.publishing.TargetView;
import io.vitrine.publishing.internal.ComposePost;
import io.vitrine.publishing.internal.PostQuotas;
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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A network's documented quota: a post that would go over it waits until a slot frees, and says so. */
@SpringBootTest(properties = "vitrine.engine.enabled=false")
@ActiveProfiles("test")
@Import(EngineTestConfig.class)
abstract class PostQuotasContract {

	static final Duration LEASE = Duration.ofSeconds(60);

	/** Each test starts a day after the last, so that counts the ledger keeps in memory never leak into the next. */
	private static final AtomicInteger DAY = new AtomicInteger();

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
	PendingChecks pending;

	@Autowired
	PostQuotas quotas;

	@Autowired
	ScriptedConnector network;

	@Autowired
	SettableClock clock;

	Member member;

	ConnectionView account;

	Instant start;

	@BeforeEach
	void setUp() {
		network.reset();
		for (String table : List.of("target_transition", "post_target_media", "post_target", "post")) {
			jdbc.sql("delete from " + table).update();
		}
		start = Instant.parse("2026-03-20T08:00:00Z").plus(Duration.ofDays(DAY.incrementAndGet()));
		clock.set(start);
		member = EngineFixtures.editor(jdbc);
		account = EngineFixtures.account(connections, member, 20);
	}

	@Test
	void a_post_over_the_accounts_quota_waits_until_the_oldest_counted_post_leaves_the_window_and_says_so() {
		network.quotas = List.of(new PublishQuota(2, Duration.ofHours(1), PublishQuota.Scope.ACCOUNT, "https://scripted.test/limits"));
		TargetView first = scheduleIn(account, Duration.ofSeconds(1));
		clock.advance(Duration.ofMinutes(10));
		tick("node-a");
		TargetView second = scheduleIn(account, Duration.ofSeconds(1));
		TargetView third = scheduleIn(account, Duration.ofSeconds(1));
		clock.advance(Duration.ofSeconds(1));
		tick("node-a");

		assertThat(reload(first).state()).isEqualTo(TargetState.PUBLISHED);
		// The two were claimed in one batch and sent by parallel workers: whichever reserved first went.
		TargetView waiting = reload(second).state() == TargetState.PUBLISHED ? third : second;
		TargetView went = waiting == third ? second : third;
		assertThat(reload(went).state()).isEqualTo(TargetState.PUBLISHED);
		TargetView held = reload(waiting);
		Instant firstWentAt = reload(first).publishedAt();
		assertThat(held.state()).isEqualTo(TargetState.SCHEDULED);
		assertThat(held.notBefore()).isEqualTo(firstWentAt.plus(Duration.ofHours(1)));
		assertThat(held.attempts()).as("waiting for a slot is not an attempt").isZero();
		assertThat(held.failureReason()).isEqualTo("Scripted allows 2 posts per hour on this account; goes at "
				+ java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(held.notBefore().atOffset(java.time.ZoneOffset.UTC)) + " UTC");
		assertThat(network.sends).doesNotContainKey(waiting.id().toString());

		List<QuotaUsages.QuotaUsage> usage = quotas.of(account);
		assertThat(usage).singleElement().satisfies(u -> {
			assertThat(u.used()).isEqualTo(2);
			assertThat(u.full()).isTrue();
			assertThat(u.nextSlotAt()).isEqualTo(held.notBefore());
		});

		clock.set(held.notBefore().minusSeconds(1));
		assertThat(tick("node-a")).isEmpty();
		clock.set(held.notBefore());
		assertThat(tick("node-a")).containsExactly(waiting.id());
		assertThat(reload(waiting).state()).isEqualTo(TargetState.PUBLISHED);
		assertThat(reload(waiting).failureReason()).isNull();
	}

	@Test
	void an_app_wide_quota_counts_every_account_of_the_network_together() {
		network.quotas = List.of(new PublishQuota(1, Duration.ofMinutes(30), PublishQuota.Scope.APP, "https://scripted.test/limits"));
		Member other = EngineFixtures.editor(jdbc);
		ConnectionView otherAccount = EngineFixtures.account(connections, other, 20);
		TargetView mine = scheduleIn(account, Duration.ofSeconds(1));
		clock.advance(Duration.ofSeconds(1));
		tick("node-a");
		TargetView theirs = scheduleIn(otherAccount, Duration.ofSeconds(1));
		clock.advance(Duration.ofSeconds(1));
		tick("node-a");

		assertThat(reload(mine).state()).isEqualTo(TargetState.PUBLISHED);
		assertThat(reload(theirs).state()).isEqualTo(TargetState.SCHEDULED);
		assertThat(reload(theirs).failureReason()).startsWith("Scripted allows 1 post per 30 minutes over all accounts of this Vitrine");
	}

	@Test
	void a_post_the_network_certainly_did_not_take_does_not_use_up_a_slot() {
		network.quotas = List.of(new PublishQuota(1, Duration.ofHours(1), PublishQuota.Scope.ACCOUNT, "https://scripted.test/limits"));
		TargetView refused = scheduleIn(account, Duration.ofSeconds(1));
		network.publishAnswers.add(new PublishOutcome.Transient("connection refused"));
		clock.advance(Duration.ofSeconds(1));
		tick("node-a");
		assertThat(reload(refused).state()).isEqualTo(TargetState.SCHEDULED);

		TargetView next = scheduleIn(account, Duration.ofSeconds(1));
		clock.advance(Duration.ofSeconds(1));
		tick("node-a");
		assertThat(reload(next).state()).isEqualTo(TargetState.PUBLISHED);
		assertThat(quotas.of(account)).singleElement().satisfies(u -> assertThat(u.used()).isEqualTo(1));
	}

	@Test
	void a_pending_post_counts_since_the_network_has_it() {
		network.quotas = List.of(new PublishQuota(1, Duration.ofHours(24), PublishQuota.Scope.ACCOUNT, "https://scripted.test/limits"));
		TargetView processing = scheduleIn(account, Duration.ofSeconds(1));
		network.publishAnswers.add(new PublishOutcome.Pending("c-1", clock.instant().plusSeconds(60), "IN_PROGRESS"));
		clock.advance(Duration.ofSeconds(1));
		tick("node-a");
		assertThat(reload(processing).state()).isEqualTo(TargetState.PENDING);

		clock.advance(Duration.ofSeconds(30));
		TargetView next = scheduleIn(account, Duration.ofSeconds(1));
		clock.advance(Duration.ofSeconds(1));
		tick("node-a");
		assertThat(reload(next).state()).isEqualTo(TargetState.SCHEDULED);
		assertThat(reload(next).failureReason()).startsWith("Scripted allows 1 post per 24 hours on this account");
	}

	@Test
	void the_counts_are_read_again_from_the_database_so_another_nodes_sends_are_seen() {
		network.quotas = List.of(new PublishQuota(1, Duration.ofHours(1), PublishQuota.Scope.ACCOUNT, "https://scripted.test/limits"));
		assertThat(quotas.of(account)).singleElement().satisfies(u -> assertThat(u.used()).isZero());
		TargetView elsewhere = scheduleIn(account, Duration.ofSeconds(1));
		// Sent by another node: this node's memory knows nothing of it.
		jdbc.sql("update post_target set state = 'published', sent_at = ?, published_at = ? where id = ?")
			.params(clock.instant().atOffset(java.time.ZoneOffset.UTC), clock.instant().atOffset(java.time.ZoneOffset.UTC), elsewhere.id())
			.update();

		clock.advance(Duration.ofSeconds(11));
		TargetView next = scheduleIn(account, Duration.ofSeconds(1));
		clock.advance(Duration.ofSeconds(1));
		tick("node-a");
		assertThat(reload(next).state()).isEqualTo(TargetState.SCHEDULED);
	}

	@Test
	void the_composer_is_warned_when_the_chosen_times_window_is_already_full() {
		network.quotas = List.of(new PublishQuota(2, Duration.ofHours(24), PublishQuota.Scope.ACCOUNT, "https://scripted.test/limits"));
		Instant tomorrowNoon = start.plus(Duration.ofHours(28));
		scheduleIn(account, Duration.ofHours(20));
		scheduleIn(account, Duration.ofHours(21));

		assertThat(quotas.fullAt(account, tomorrowNoon)).singleElement().asString()
			.startsWith("Scripted allows 2 posts per 24 hours on this account; 2 are already planned or published in the 24 hours before this time");
		assertThat(quotas.fullAt(account, start.plus(Duration.ofHours(20)).plus(Duration.ofHours(24)).plusSeconds(1)))
			.as("once the first has left the window").isEmpty();
	}

	@Test
	void networks_without_quotas_are_never_held_and_show_no_usage() {
		TargetView target = scheduleIn(account, Duration.ofSeconds(1));
		clock.advance(Duration.ofSeconds(1));
		tick("node-a");
		assertThat(reload(target).state()).isEqualTo(TargetState.PUBLISHED);
		assertThat(quotas.of(account)).isEmpty();
		assertThat(quotas.fullAt(account, clock.instant())).isEmpty();
	}

	private TargetView scheduleIn(ConnectionView on, Duration delay) {
		Member owner = on.workspaceId().equals(member.workspaceId()) ? member
				: new Member(member.userId(), on.workspaceId(), "Brand", member.role(), member.workspaceZone());
		PostView post = EngineFixtures.schedule(compose, owner, on, "hello", clock.instant().plus(delay));
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
}
