package io.vitrine.publishing.internal;

import io.vitrine.categories.ContentCategories;
import io.vitrine.networks.ConnectionStatus;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Connectors;
import io.vitrine.networks.NetworkConnector;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.VariantCheck;
import io.vitrine.publishing.ApprovalGate;
import io.vitrine.publishing.PostDraft;
import io.vitrine.publishing.PostLabels;
import io.vitrine.publishing.PostView;
import io.vitrine.publishing.TargetState;
import io.vitrine.publishing.TargetView;
import io.vitrine.publishing.TargetsBecameDue;
import io.vitrine.shared.Ids;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Saves a new post: one target per chosen account, each variant checked against its network's rules. */
@Service
public class ComposePost {

	static final int MAX_TEXT = 100_000;

	/** Longest value of one network field; no network takes anywhere near this (YouTube's description: 5,000 bytes). */
	static final int MAX_FIELD = 10_000;

	private final JdbcClient jdbc;

	private final Connections connections;

	private final Connectors connectors;

	private final VariantValidation validation;

	private final Transitions transitions;

	private final Targets targets;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ObjectProvider<ApprovalGate> approvals;

	private final ContentCategories categories;

	ComposePost(JdbcClient jdbc, Connections connections, Connectors connectors, VariantValidation validation,
			Transitions transitions, Targets targets, ApplicationEventPublisher events, Clock clock,
			ObjectProvider<ApprovalGate> approvals, ContentCategories categories) {
		this.approvals = approvals;
		this.categories = categories;
		this.jdbc = jdbc;
		this.connections = connections;
		this.connectors = connectors;
		this.validation = validation;
		this.transitions = transitions;
		this.targets = targets;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public PostView create(Member member, PostDraft draft) {
		return create(member, draft, List.of());
	}

	/**
	 * A scheduled post whose targets are each due at their own time (the queue gives each account
	 * its next free slot); {@code draft.when()} is the earliest of them, checked as usual.
	 */
	@Transactional
	public PostView create(Member member, PostDraft draft, List<Instant> duePerTarget) {
		if (!duePerTarget.isEmpty() && (duePerTarget.size() != draft.targets().size() || !(draft.when() instanceof PostDraft.At))) {
			throw new IllegalArgumentException("one due time per target, and a scheduled post");
		}
		boolean publishing = !(draft.when() instanceof PostDraft.AsDraft);
		Policies.require(Policies.MAY_COMPOSE, member, "write posts");
		if (publishing) {
			Policies.require(Policies.MAY_SCHEDULE, member, "schedule or publish posts");
		}
		ApprovalGate gate = approvals.getIfAvailable(() -> ApprovalGate.NONE);
		boolean needsApproval = gate.requiresApproval(member);
		Instant now = clock.instant();
		Instant due = due(draft, now);
		// A post that needs approval may take its time (or its queue slots) while it waits: the engine sends none
		// of its targets before approval. Going out now would need the approval now, which no one has given yet.
		if (publishing && needsApproval && !due.isAfter(now)) {
			throw InvalidInput.of("publish", "approval", "this post needs approval before it is published: "
					+ "schedule it, add it to the queue or save it as a draft, and it goes to its approvers");
		}
		List<ConnectionView> accounts = check(member, draft, publishing, due, now);

		UUID postId = Ids.next();
		String zone = draft.when() instanceof PostDraft.At at ? at.zone().getId() : null;
		jdbc.sql("insert into post (id, workspace_id, created_by, scheduled_at, scheduled_zone, created_at, updated_at, category_id,"
				+ " campaign, submission_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(postId, member.workspaceId(), member.userId(), Sql.ts(due), zone, Sql.ts(now), Sql.ts(now),
					draft.labels().categoryId(), draft.labels().campaign(), draft.submissionKey())
			.update();
		TargetState state = publishing ? TargetState.SCHEDULED : TargetState.DRAFT;
		for (int i = 0; i < draft.targets().size(); i++) {
			insertTarget(member, postId, draft.targets().get(i), accounts.get(i), state,
					duePerTarget.isEmpty() ? due : duePerTarget.get(i), now);
		}
		if (needsApproval) {
			jdbc.sql("update post_target set awaiting_approval = true where post_id = ?").param(postId).update();
			gate.submitted(member, postId);
		}
		if (publishing && !due.isAfter(now)) {
			events.publishEvent(new TargetsBecameDue(draft.targets().size()));
		}
		return targets.post(member.workspaceId(), postId).orElseThrow();
	}

	/**
	 * What {@link #create} would refuse this draft for, by the same rules (accounts, links, each variant by its
	 * network), saving nothing; empty when it would be saved. Permissions are the caller's to check.
	 */
	public List<InvalidInput.Problem> problems(Member member, PostDraft draft) {
		Instant now = clock.instant();
		try {
			check(member, draft, !(draft.when() instanceof PostDraft.AsDraft), due(draft, now), now);
			return List.of();
		}
		catch (InvalidInput e) {
			return e.problems();
		}
	}

	private static Instant due(PostDraft draft, Instant now) {
		return switch (draft.when()) {
			case PostDraft.AsDraft d -> null;
			case PostDraft.Now n -> now;
			case PostDraft.At at -> at.instant();
		};
	}

	private void insertTarget(Member member, UUID postId, PostDraft.TargetDraft t, ConnectionView account,
			TargetState state, Instant due, Instant now) {
		UUID targetId = Ids.next();
		jdbc.sql("insert into post_target (id, post_id, workspace_id, connection_id, body, link, fields, state, due_at, attempts,"
				+ " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
			.params(targetId, postId, member.workspaceId(), account.id(), t.text() == null ? "" : t.text(),
					blankToNull(t.link()), FieldsJson.write(t.fields()), state.dbValue(), Sql.ts(due), Sql.ts(now), Sql.ts(now))
			.update();
		for (int j = 0; j < t.images().size(); j++) {
			PostDraft.ImageDraft image = t.images().get(j);
			jdbc.sql("insert into post_target_media (target_id, position, media_id, alt_text) values (?, ?, ?, ?)")
				.params(targetId, j, image.mediaId(), blankToNull(image.altText()))
				.update();
		}
		transitions.record(targetId, null, state, now,
				state == TargetState.SCHEDULED ? "scheduled by " + member.userId() : "saved as draft by " + member.userId());
	}

	private void labelProblems(Member member, PostLabels labels, List<InvalidInput.Problem> problems) {
		if (labels.categoryId() != null && categories.find(member.workspaceId(), labels.categoryId()).isEmpty()) {
			problems.add(new InvalidInput.Problem("categoryId", "exists", "no such content category in this workspace"));
		}
		if (labels.campaign() != null && labels.campaign().codePointCount(0, labels.campaign().length()) > PostLabels.MAX_CAMPAIGN) {
			problems.add(new InvalidInput.Problem("campaign", "max-length", "at most " + PostLabels.MAX_CAMPAIGN + " characters"));
		}
	}

	private List<ConnectionView> check(Member member, PostDraft draft, boolean publishing, Instant due, Instant now) {
		List<InvalidInput.Problem> problems = new ArrayList<>();
		if (draft.targets().isEmpty()) {
			problems.add(new InvalidInput.Problem("targets", "required", "choose at least one account"));
		}
		if (draft.when() instanceof PostDraft.At && due.isBefore(now)) {
			problems.add(new InvalidInput.Problem("scheduledAt", "future", "must be in the future; use \"publish now\" instead"));
		}
		labelProblems(member, draft.labels(), problems);
		if (draft.submissionKey() != null && draft.submissionKey().length() > PostDraft.MAX_SUBMISSION_KEY) {
			problems.add(new InvalidInput.Problem("submissionKey", "max-length", "at most " + PostDraft.MAX_SUBMISSION_KEY + " characters"));
		}
		List<ConnectionView> accounts = new ArrayList<>();
		Set<UUID> seen = new HashSet<>();
		for (int i = 0; i < draft.targets().size(); i++) {
			PostDraft.TargetDraft t = draft.targets().get(i);
			String prefix = "targets[" + i + "].";
			ConnectionView account = account(member, t.connectionId(), prefix, problems);
			accounts.add(account);
			if (account == null) {
				continue;
			}
			if (!seen.add(account.id())) {
				problems.add(new InvalidInput.Problem(prefix + "connectionId", "unique", "the same account is chosen twice"));
			}
			if (t.text() != null && t.text().length() > MAX_TEXT) {
				problems.add(new InvalidInput.Problem(prefix + "text", "max-length", "is longer than " + MAX_TEXT + " characters"));
				continue;
			}
			linkProblem(t.link()).ifPresent(message -> problems.add(new InvalidInput.Problem(prefix + "link", "url", message)));
			if (!fieldsKnown(account, t, prefix, problems)) {
				continue;
			}
			if (account.status() == ConnectionStatus.DISCONNECTED) {
				problems.add(new InvalidInput.Problem(prefix + "connectionId", "connected",
						account.handle() + " is disconnected from this workspace"));
				continue;
			}
			if (publishing && account.status() == ConnectionStatus.NEEDS_RECONNECT) {
				problems.add(new InvalidInput.Problem(prefix + "connectionId", "connected",
						account.handle() + " needs to be reconnected before it can publish"));
			}
			PostVariant variant = variant(member, t, prefix, problems);
			if (variant != null) {
				VariantCheck result = validation.check(account, variant);
				String network = connectors.get(account.network()).displayName();
				result.violations().forEach(v -> problems.add(new InvalidInput.Problem(prefix + v.field(), v.rule(),
						network + " (" + account.handle() + "): " + v.message())));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return accounts;
	}

	private ConnectionView account(Member member, UUID connectionId, String prefix, List<InvalidInput.Problem> problems) {
		if (connectionId == null) {
			problems.add(new InvalidInput.Problem(prefix + "connectionId", "required", "choose an account"));
			return null;
		}
		try {
			return connections.get(member.workspaceId(), connectionId);
		}
		catch (NotFound e) {
			problems.add(new InvalidInput.Problem(prefix + "connectionId", "exists", "no such account in this workspace"));
			return null;
		}
	}

	private PostVariant variant(Member member, PostDraft.TargetDraft t, String prefix, List<InvalidInput.Problem> problems) {
		List<TargetView.ImageView> images = new ArrayList<>();
		boolean ok = true;
		for (int j = 0; j < t.images().size(); j++) {
			PostDraft.ImageDraft image = t.images().get(j);
			if (image == null || image.mediaId() == null) {
				problems.add(new InvalidInput.Problem(prefix + "images[" + j + "].mediaId", "required", "choose an image"));
				ok = false;
				continue;
			}
			images.add(new TargetView.ImageView(image.mediaId(), image.altText()));
		}
		if (!ok) {
			return null;
		}
		try {
			return validation.variantOf(member.workspaceId(), t.text(), blankToNull(t.link()), images, t.fields());
		}
		catch (NotFound e) {
			problems.add(new InvalidInput.Problem(prefix + "images", "exists", "an image is not in this workspace's library"));
			return null;
		}
	}

	/**
	 * Only the fields the account's network declares are kept; anything else is a mistake worth naming (a typo in an
	 * API client's "titel" would otherwise be dropped silently). The network's own rules check the values.
	 */
	private boolean fieldsKnown(ConnectionView account, PostDraft.TargetDraft t, String prefix,
			List<InvalidInput.Problem> problems) {
		NetworkConnector connector = connectors.get(account.network());
		Set<String> declared = new HashSet<>();
		connector.variantFields().forEach(f -> declared.add(f.name()));
		boolean ok = true;
		for (Map.Entry<String, String> field : t.fields().entrySet()) {
			String name = prefix + "fields." + field.getKey();
			if (!declared.contains(field.getKey())) {
				problems.add(new InvalidInput.Problem(name, "known", connector.displayName() + " has no field '"
						+ field.getKey() + "'" + (declared.isEmpty() ? "" : "; its fields are " + String.join(", ", declared))));
				ok = false;
			}
			else if (field.getValue() != null && field.getValue().length() > MAX_FIELD) {
				problems.add(new InvalidInput.Problem(name, "max-length", "is longer than " + MAX_FIELD + " characters"));
				ok = false;
			}
		}
		return ok;
	}

	private static Optional<String> linkProblem(String link) {
		if (link == null || link.isBlank()) {
			return Optional.empty();
		}
		try {
			URI uri = new URI(link.strip());
			boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
			if (!web || uri.getHost() == null || link.length() > 2048) {
				return Optional.of("must be an http(s) address of at most 2048 characters");
			}
			return Optional.empty();
		}
		catch (URISyntaxException e) {
			return Optional.of("must be an http(s) address such as https://example.com/page");
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
