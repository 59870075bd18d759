package io.vitrine.networks.instagram;

import io.vitrine.networks.Channel;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.networks.meta.GraphFindPost;
import io.vitrine.networks.oauth.OAuthTokens;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** After an ambiguous media_publish, reads the account's latest media and looks for the same caption since the first attempt. */
@Component
class InstagramFindPost {

	private final GraphFindPost find;

	InstagramFindPost(InstagramApi api, OAuthTokens tokens) {
		this.find = new GraphFindPost(tokens, api::recentMedia,
				new GraphFindPost.Words("Instagram", "the account's recent media", "Page token", "caption", "account"));
	}

	ReconcileOutcome find(Channel channel, PublishRequest request, Instant sentAt) {
		return find.find(channel, request, sentAt);
	}
}
