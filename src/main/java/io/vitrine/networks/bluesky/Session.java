package io.vitrine.networks.bluesky;

import io.vitrine.networks.Credentials;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed-in Bluesky account: what is kept (encrypted) in the connection's credentials.
 *
 * @param pdsUrl where the account's repository lives (its DID document's #atproto_pds service);
 *               may differ from the server the person signed in on (bsky.social is an entryway)
 * @param appPassword kept to sign in again when the refresh token itself has expired
 */
record Session(String did, String handle, String pdsUrl, String accessJwt, String refreshJwt, String appPassword) {

	static final String DID = "did";

	static final String HANDLE = "handle";

	static final String PDS_URL = "pdsUrl";

	static final String ACCESS_JWT = "accessJwt";

	static final String REFRESH_JWT = "refreshJwt";

	static final String APP_PASSWORD = "appPassword";

	Session {
		Objects.requireNonNull(did, "did");
		Objects.requireNonNull(pdsUrl, "pdsUrl");
		Objects.requireNonNull(accessJwt, "accessJwt");
		Objects.requireNonNull(refreshJwt, "refreshJwt");
	}

	static Session of(Credentials credentials) {
		return new Session(credentials.require(DID), credentials.get(HANDLE).orElse(null), credentials.require(PDS_URL),
				credentials.require(ACCESS_JWT), credentials.require(REFRESH_JWT), credentials.get(APP_PASSWORD).orElse(null));
	}

	/**
	 * From a createSession or refreshSession answer. Without a DID document in the answer (some
	 * servers leave it out), the account is taken to live on the server that answered.
	 *
	 * @throws IllegalArgumentException when the answer is not a session
	 */
	static Session fromAnswer(JsonNode body, String answeringServer, String appPassword) {
		String did = XrpcAnswer.text(body, "did");
		String access = XrpcAnswer.text(body, "accessJwt");
		String refresh = XrpcAnswer.text(body, "refreshJwt");
		if (did == null || access == null || refresh == null) {
			throw new IllegalArgumentException("not a session: did, accessJwt or refreshJwt missing");
		}
		return new Session(did, XrpcAnswer.text(body, "handle"), pdsOf(body.path("didDoc")).orElse(answeringServer), access,
				refresh, appPassword);
	}

	Credentials credentials() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put(DID, did);
		if (handle != null) {
			values.put(HANDLE, handle);
		}
		values.put(PDS_URL, pdsUrl);
		values.put(ACCESS_JWT, accessJwt);
		values.put(REFRESH_JWT, refreshJwt);
		if (appPassword != null) {
			values.put(APP_PASSWORD, appPassword);
		}
		return new Credentials(values);
	}

	/** A token without a readable expiry is used until the server says it expired. */
	boolean expiresWithin(Duration margin, Instant now) {
		return Jwt.expiry(accessJwt).map(exp -> exp.isBefore(now.plus(margin))).orElse(false);
	}

	private static Optional<String> pdsOf(JsonNode didDoc) {
		for (JsonNode service : didDoc.path("service")) {
			String id = XrpcAnswer.text(service, "id");
			String endpoint = XrpcAnswer.text(service, "serviceEndpoint");
			if (endpoint != null && ("#atproto_pds".equals(id) || (id != null && id.endsWith("#atproto_pds")))) {
				return Optional.of(endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint);
			}
		}
		return Optional.empty();
	}

	@Override
	public String toString() {
		return "Session[" + did + ", " + handle + ", " + pdsUrl + ", tokens hidden]";
	}
}
