package io.vitrine.identity.tokens;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens", description = "Your personal API tokens (send as 'Authorization: Bearer <token>')")
class TokensApi {

	@Schema(name = "ApiToken")
	record TokenJson(UUID id, String name, Instant createdAt, Instant lastUsedAt) {

		static TokenJson of(ApiTokens.TokenView t) {
			return new TokenJson(t.id(), t.name(), t.createdAt(), t.lastUsedAt());
		}
	}

	@Schema(name = "NewApiToken")
	record NewToken(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100, example = "CI script") String name) {
	}

	@Schema(name = "IssuedApiToken")
	record IssuedJson(UUID id, String name, Instant createdAt,
			@Schema(description = "the token itself, shown only in this answer", example = "vt_…") String token) {
	}

	private final ApiTokens tokens;

	TokensApi(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping
	@Operation(summary = "List your active API tokens (never the tokens themselves)")
	List<TokenJson> list(CurrentUser user) {
		return tokens.list(user).stream().map(TokenJson::of).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an API token; the answer is the only time it is shown")
	IssuedJson create(CurrentUser user, @RequestBody NewToken body) {
		ApiTokens.IssuedToken issued = tokens.create(user, body.name());
		return new IssuedJson(issued.token().id(), issued.token().name(), issued.token().createdAt(), issued.secret());
	}

	@DeleteMapping("/{tokenId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke one of your API tokens")
	void revoke(CurrentUser user, @PathVariable UUID tokenId) {
		tokens.revoke(user, tokenId);
	}
}
