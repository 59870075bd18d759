package io.vitrine.networks.pinterest;

import io.vitrine.testsupport.OAuthTestChannel;

import java.util.Map;

/** One connected Pinterest board as the database keeps it; each {@link #open()} is what the engine gets for one send. */
final class PinterestTestChannels extends OAuthTestChannel {

	final String boardId;

	PinterestTestChannels(String boardId, Map<String, String> credentials) {
		super(PinterestConnector.ID, PinterestOAuth.SERVER, boardId, "Nos pains", PinterestRules.LIMITS, credentials);
		this.boardId = boardId;
	}

	static final class Media extends OAuthTestChannel.Media {
	}
}
