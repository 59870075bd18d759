package io.vitrine.approvals.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.approvals.internal.ClientReview;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The review page's twin, for a client without an account: the token in the path is the only credential. */
@RestController
@RequestMapping("/api/v1/review/{token}")
@Tag(name = "Review links", description = "What a client without an account sees and decides through a review link")
@SecurityRequirements
class ReviewApi {

	private final ClientReview review;

	ReviewApi(ClientReview review) {
		this.review = review;
	}

	@Schema(description = "A client's decision: their name, approve or request-changes, and a comment (required to request changes)")
	record ClientDecision(String name, @Schema(allowableValues = { "approve", "request-changes" }) String decision,
			String comment) {
	}

	@GetMapping
	@Operation(summary = "The post behind a review link", description = "404 when the link is unknown, expired or revoked")
	ClientReview.ReviewView open(@PathVariable String token) {
		return review.open(token);
	}

	@PostMapping("/decision")
	@Operation(summary = "Approve or request changes as the client", description = "Counted as the current step's decision "
			+ "only when that step takes a client's decision (decisionCounts); otherwise kept in the history for the team.")
	ClientReview.Decided decide(@PathVariable String token, @RequestBody ClientDecision body) {
		return review.decide(token, body == null ? null : body.name(), body == null ? null : body.decision(),
				body == null ? null : body.comment());
	}
}
