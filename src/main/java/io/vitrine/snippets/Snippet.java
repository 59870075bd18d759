package io.vitrine.snippets;

import java.util.List;
import java.util.UUID;

/**
 * A hashtag group or a caption template of a workspace.
 *
 * @param variables a template's {@code {{names}}}, in order of first use; none for a hashtag group
 */
public record Snippet(UUID id, SnippetKind kind, String name, String body, List<String> variables) {

	public Snippet {
		variables = variables == null ? List.of() : List.copyOf(variables);
	}
}
