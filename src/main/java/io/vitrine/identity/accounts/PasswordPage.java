package io.vitrine.identity.accounts;

import io.vitrine.shared.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** /password?token=…: a person added by an admin chooses their password. */
@Controller
class PasswordPage {

	private final PasswordLinks links;

	PasswordPage(PasswordLinks links) {
		this.links = links;
	}

	@GetMapping("/password")
	ModelAndView form(@RequestParam(defaultValue = "") String token) {
		return links.holder(token)
			.map(person -> new ModelAndView("account/password", Map.of("token", token, "email", person.email(),
					"problems", Map.of())))
			.orElseGet(PasswordPage::closed);
	}

	@PostMapping("/password")
	ModelAndView save(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String passwordAgain) {
		var person = links.holder(token);
		if (person.isEmpty()) {
			return closed();
		}
		List<InvalidInput.Problem> problems = new ArrayList<>(AccountRules.checkPassword("password", password));
		if (!password.equals(passwordAgain)) {
			problems.add(new InvalidInput.Problem("passwordAgain", "matches", "must repeat the password"));
		}
		if (!problems.isEmpty()) {
			return new ModelAndView("account/password", Map.of("token", token, "email", person.get().email(), "problems",
					problems.stream().collect(Collectors.toMap(InvalidInput.Problem::field, Function.identity(), (a, b) -> a))),
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
		return links.use(token, password)
			.map(saved -> new ModelAndView("redirect:/login?passwordSet"))
			.orElseGet(PasswordPage::closed);
	}

	private static ModelAndView closed() {
		return new ModelAndView("account/password-closed", HttpStatus.NOT_FOUND);
	}
}
