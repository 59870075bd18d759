package io.vitrine.web;

import io.vitrine.identity.CurrentUser;
import io.vitrine.workspaces.WorkspaceSummary;
import io.vitrine.workspaces.Workspaces;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;

/** "/" opens the first workspace's posts, or asks to create a workspace when there is none. */
@Controller
class HomeRedirect {

	private final Workspaces workspaces;

	HomeRedirect(Workspaces workspaces) {
		this.workspaces = workspaces;
	}

	@GetMapping("/")
	String home(CurrentUser user) {
		List<WorkspaceSummary> mine = workspaces.of(user);
		return mine.isEmpty() ? "redirect:/workspaces/new" : "redirect:/w/" + mine.getFirst().id() + "/posts";
	}
}
