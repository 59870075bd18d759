package io.vitrine.networks.threads;

import io.vitrine.networks.Channel;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.networks.meta.GraphFindPost;
import io.vitrine.networks.oauth.OAuthTokens;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** After an ambiguous threads_publish, reads the profile's latest posts and looks for the same text since the first attempt. */
@Component
class ThreadsFindPost {

	private final GraphFindPost find;

	ThreadsFindPost(ThreadsApi api, OAuthTokens tokens) {
		this.find = new GraphFindPost(tokens, api::recentPosts,
				new GraphFindPost.Words("Threads", "the profile's recent posts", "access token", "text", "profile"));
	}

	ReconcileOutcome find(Channel channel, PublishRequest request, Instant sentAt) {
		return find.find(channel, request, sentAt);
	}
}
