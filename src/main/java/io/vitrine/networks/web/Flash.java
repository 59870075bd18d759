package io.vitrine.networks.web;

import io.vitrine.shared.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Carries a form's outcome to the page it redirects to. A confirmation goes out as translated text
 * in {@code notice}, which the shared layout shows in its live region; a refused form's problem
 * goes as its rule (for the translated title) and message (for the detail).
 */
public final class Flash {

	private Flash() {
	}

	public static void notice(RedirectAttributes redirect, MessageSource messages, String key, Object... args) {
		redirect.addFlashAttribute("notice", messages.getMessage(key, args, LocaleContextHolder.getLocale()));
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
