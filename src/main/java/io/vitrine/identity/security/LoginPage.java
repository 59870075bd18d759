package io.vitrine.identity.security;

import io.vitrine.identity.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in form; Spring Security's filter handles the POST. */
@Controller
class LoginPage {

	@GetMapping("/login")
	String show(@RequestParam(required = false) String error, @RequestParam(required = false) Long throttled,
			Model model) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser) {
			return "redirect:/";
		}
		model.addAttribute("failed", error != null);
		model.addAttribute("retryAfterSeconds", throttled == null ? null : Math.max(1, Math.min(throttled, 86_400)));
		return "login";
	}
}
