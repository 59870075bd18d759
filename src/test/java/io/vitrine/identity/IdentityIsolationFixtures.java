package io.vitrine.identity;

import io.vitrine.identity.tokens.ApiTokens;
import io.vitrine.testsupport.IsolationFixtures;

import java.util.Map;

/** B's owner's API token and B's owner as a member, for /tokens/{tokenId} and /members/{userId}. */
class IdentityIsolationFixtures implements IsolationFixtures {

	private final ApiTokens tokens;

	IdentityIsolationFixtures(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public Map<String, String> create(WorkspaceB b) {
		ApiTokens.IssuedToken token = tokens.create(b.owner(), "B's token");
		return Map.of("tokenId", token.token().id().toString(), "userId", b.owner().id().toString());
	}
}
