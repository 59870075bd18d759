package io.vitrine.networks.x;

import io.vitrine.testsupport.OAuthTestChannel;

import java.util.Map;

/** One connected X account as the database keeps it; each {@link #open()} is what the engine gets for one send. */
final class XTestChannels extends OAuthTestChannel {

	XTestChannels(Map<String, String> credentials) {
		super(XConnector.ID, XOAuth.SERVER, XContractServer.USER_ID, "@" + XContractServer.USERNAME, XRules.LIMITS, credentials);
	}

	static final class Media extends OAuthTestChannel.Media {
	}
}
