package io.vitrine.approvals.internal;

import io.vitrine.shared.Forbidden;
import io.vitrine.shared.Ids;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import io.vitrine.publishing.ApprovalHolds;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Read-only review links for a client without an account: 256 random bits in the URL, only their
 * SHA-256 stored, an expiry, and revocable. The page behind one shows the post and takes a name, a
 * comment and "approve" or "request changes".
 */
@Service
public class ReviewLinks {

	static final String PREFIX = "vr_";

	static final Duration LONGEST = Duration.ofDays(30);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final ApprovalHolds holds;

	private final WorkflowStore workflows;

	private final Clock clock;

	private final Duration defaultValidity;

	private final String baseUrl;

	ReviewLinks(JdbcClient jdbc, ApprovalHolds holds, WorkflowStore workflows, Clock clock,
			@Value("${vitrine.approvals.review-link-validity:7d}") Duration defaultValidity,
			@Value("${vitrine.base-url}") String baseUrl) {
		this.jdbc = jdbc;
		this.holds = holds;
		this.workflows = workflows;
		this.clock = clock;
		this.defaultValidity = defaultValidity;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** A link that opens its post (valid: not expired, not revoked). */
	public record Link(UUID id, UUID postId, UUID workspaceId, Instant expiresAt) {
	}

	/** The secret is shown once, at creation. */
	public record Created(UUID id, String url, String token, Instant expiresAt) {
	}

	public record Listed(UUID id, UUID createdBy, Instant createdAt, Instant expiresAt, Instant revokedAt, boolean active) {
	}

	/** Those who may schedule posts, and the workflow's approvers, may share a post with a client. */
	public boolean mayShare(Member member) {
		return Policies.MAY_SCHEDULE.test(member) || workflows.of(member.workspaceId()).steps().stream()
			.anyMatch(s -> s.people().contains(member.userId()));
	}

	@Transactional
	public Created create(Member member, UUID postId, Integer validDays) {
		holds.post(member.workspaceId(), postId).orElseThrow(() -> new NotFound("post " + postId));
		if (!mayShare(member)) {
			throw new Forbidden("only people who may schedule posts, or the workflow's approvers, may share a review link");
		}
		Duration validity = validDays == null ? defaultValidity : Duration.ofDays(validDays);
		if (validity.compareTo(Duration.ofDays(1)) < 0 || validity.compareTo(LONGEST) > 0) {
			throw InvalidInput.of("validDays", "range", "must be between 1 and 30 days");
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		UUID id = Ids.next();
		Instant now = clock.instant();
		Instant expires = now.plus(validity);
		jdbc.sql("insert into review_link (id, post_id, workspace_id, token_hash, created_by, created_at, expires_at)"
				+ " values (?, ?, ?, ?, ?, ?, ?)")
			.params(id, postId, member.workspaceId(), hash(token), member.userId(), Db.ts(now), Db.ts(expires))
			.update();
		return new Created(id, baseUrl + "/review/" + token, token, expires);
	}

	public List<Listed> of(Member member, UUID postId) {
		Policies.require(Policies.MAY_VIEW, member, "see posts");
		Instant now = clock.instant();
		return jdbc.sql("select id, created_by, created_at, expires_at, revoked_at from review_link"
				+ " where post_id = ? and workspace_id = ? order by created_at desc, id desc")
			.params(postId, member.workspaceId())
			.query((rs, n) -> {
				Instant expires = Db.instant(rs, "expires_at");
				Instant revoked = Db.instant(rs, "revoked_at");
				return new Listed(rs.getObject("id", UUID.class), rs.getObject("created_by", UUID.class), Db.instant(rs, "created_at"),
						expires, revoked, revoked == null && expires.isAfter(now));
			})
			.list();
	}

	/** @return the post of the revoked link */
	@Transactional
	public UUID revoke(Member member, UUID linkId) {
		UUID postId = jdbc.sql("select post_id from review_link where id = ? and workspace_id = ?")
			.params(linkId, member.workspaceId())
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new NotFound("review link " + linkId));
		if (!mayShare(member)) {
			throw new Forbidden("only people who may schedule posts, or the workflow's approvers, may revoke a review link");
		}
		jdbc.sql("update review_link set revoked_at = ? where id = ? and revoked_at is null")
			.params(Db.ts(clock.instant()), linkId)
			.update();
		return postId;
	}

	/** Expired, revoked and unknown tokens look the same to the caller: not found. */
	public Optional<Link> resolve(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("select id, post_id, workspace_id, expires_at from review_link"
				+ " where token_hash = ? and revoked_at is null and expires_at > ?")
			.params(hash(token), Db.ts(clock.instant()))
			.query((rs, n) -> new Link(rs.getObject("id", UUID.class), rs.getObject("post_id", UUID.class),
					rs.getObject("workspace_id", UUID.class), Db.instant(rs, "expires_at")))
			.optional();
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
