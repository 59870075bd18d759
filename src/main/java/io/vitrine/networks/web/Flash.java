package io.vitrine.networks.web;

import io.vitrine.shared.InvalidInput;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Carries a refused form's problem to the page it redirects to (rule for the translated title, message for detail). */
public final class Flash {

	private Flash() {
	}

	public static void error(RedirectAttributes redirect, InvalidInput e) {
		InvalidInput.Problem problem = e.problems().get(0);
		redirect.addFlashAttribute("errorRule", problem.rule());
		redirect.addFlashAttribute("errorField", problem.field());
		redirect.addFlashAttribute("errorMessage", problem.message());
	}

	public static void error(RedirectAttributes redirect, String rule, String message) {
		redirect.addFlashAttribute("errorRule", rule);
		redirect.addFlashAttribute("errorMessage", message);
	}
}
