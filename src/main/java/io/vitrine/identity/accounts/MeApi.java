package io.vitrine.identity.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.identity.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@Tag(name = "Account", description = "Who you are signed in as")
class MeApi {

	@Schema(name = "Me")
	record MeJson(UUID id, String email, String displayName) {
	}

	@GetMapping("/api/v1/me")
	@Operation(summary = "The account the session or API token belongs to")
	MeJson me(CurrentUser user) {
		return new MeJson(user.id(), user.email(), user.displayName());
	}
}
