package io.vitrine.networks.linkedin;

import io.vitrine.testsupport.OAuthTestChannel;

import java.util.Map;

/** One connected LinkedIn identity as the database keeps it; each {@link #open()} is what the engine gets for one send. */
final class LinkedInTestChannels extends OAuthTestChannel {

	final String author;

	LinkedInTestChannels(String author, Map<String, String> credentials) {
		super(LinkedInConnector.ID, LinkedInOAuth.SERVER, author, "Boulangerie Martin", LinkedInRules.LIMITS, credentials);
		this.author = author;
	}

	static final class Media extends OAuthTestChannel.Media {
	}
}
