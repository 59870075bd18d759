package io.vitrine.testsupport;

import io.vitrine.identity.CurrentUser;

import java.util.Map;
import java.util.UUID;

/**
 * Objects of "workspace B" for the cross-workspace isolation test
 * ({@code io.vitrine.web.CrossWorkspaceIsolationContract}).
 * <p>
 * That test walks <em>every</em> route of Spring MVC's {@code RequestMappingHandlerMapping} as a
 * member of workspace A, with each path variable replaced: {@code {workspaceId}} by B's id, any
 * other variable by the id a fixture returned under that variable's name (else a random UUID). It
 * expects 404 for every {@code {workspaceId}} route, 404/403/405 for other routes with a variable,
 * no 5xx anywhere, none of B's names or ids in any body, and B's rows unchanged afterwards.
 * <p>
 * <b>To cover your routes with real ids</b> (e.g. {@code /api/v1/posts/{postId}}), implement this
 * interface in a class anywhere under {@code io.vitrine} in {@code src/test/java}:
 * <pre>
 * class PostIsolationFixtures implements IsolationFixtures {
 *     private final CreatePost createPost;                      // any beans, constructor-injected
 *     PostIsolationFixtures(CreatePost createPost) { this.createPost = createPost; }
 *
 *     public Map&lt;String, String&gt; create(WorkspaceB b) {
 *         UUID post = createPost.draft(b.owner(), b.workspaceId(), "B's secret draft").id();
 *         return Map.of("postId", post.toString());             // key = the path variable's name
 *     }
 * }
 * </pre>
 * It is found by classpath scanning (not component scanning, so other tests never see it) and
 * built with constructor injection from the test's application context. Use distinct variable
 * names per kind of object ({@code postId}, {@code connectionId}, {@code targetId}); if two
 * fixtures return the same name, one of the ids is used.
 */
public interface IsolationFixtures {

	/** Workspace B and its owner (who may create anything in it). */
	record WorkspaceB(UUID workspaceId, CurrentUser owner) {
	}

	/** Creates objects in workspace B; returns path-variable name → id. */
	Map<String, String> create(WorkspaceB b);

	/**
	 * Routes that are public by design and may answer 2xx for B's ids (e.g. a media URL a network
	 * must fetch), as {@code "GET /media/{mediaId}"} → the reason. They are still checked for 5xx.
	 */
	default Map<String, String> publicByDesign() {
		return Map.of();
	}
}
