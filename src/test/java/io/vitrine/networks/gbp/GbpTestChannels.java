package io.vitrine.networks.gbp;

import io.vitrine.testsupport.OAuthTestChannel;

import java.util.Map;

/** One connected Business Profile location as the database keeps it; each {@link #open()} is what the engine gets for one send. */
final class GbpTestChannels extends OAuthTestChannel {

	final String boardId;

	GbpTestChannels(String boardId, Map<String, String> credentials) {
		super(GbpConnector.ID, GbpOAuth.SERVER, boardId, "Boulangerie Martin", GbpRules.LIMITS, credentials);
		this.boardId = boardId;
	}

	static final class Media extends OAuthTestChannel.Media {
	}
}
