package io.vitrine.workspaces.setup;

import io.vitrine.identity.SignIn;
import io.vitrine.shared.InvalidInput;
import io.vitrine.workspaces.manage.ZoneChoices;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** /setup?token=…: the owner account and first workspace, from the link printed at first start. */
@Controller
class SetupPage {

	private final SetupTokens tokens;

	private final CreateOwner createOwner;

	private final SignIn signIn;

	SetupPage(SetupTokens tokens, CreateOwner createOwner, SignIn signIn) {
		this.tokens = tokens;
		this.createOwner = createOwner;
		this.signIn = signIn;
	}

	@GetMapping("/setup")
	ModelAndView form(@RequestParam(defaultValue = "") String token) {
		if (!tokens.usable(token)) {
			return closed();
		}
		ModelAndView mav = new ModelAndView("setup");
		mav.addObject("token", token);
		mav.addObject("zones", ZoneChoices.all());
		mav.addObject("zone", ZoneChoices.FALLBACK);
		mav.addObject("preselectBrowserZone", true);
		mav.addObject("problems", Map.of());
		return mav;
	}

	@PostMapping("/setup")
	ModelAndView create(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String passwordAgain,
			@RequestParam(defaultValue = "") String workspaceName, @RequestParam(defaultValue = "") String timeZone,
			HttpServletRequest request, HttpServletResponse response) {
		try {
			CreateOwner.Owner owner = createOwner.fromSetupLink(token, email, displayName, password, passwordAgain,
					workspaceName, timeZone, LocaleContextHolder.getLocale());
			signIn.startSession(owner.user(), request, response);
			return new ModelAndView("redirect:/w/" + owner.workspace().id() + "/posts");
		}
		catch (CreateOwner.SetupClosed e) {
			return closed();
		}
		catch (InvalidInput e) {
			ModelAndView mav = new ModelAndView("setup", HttpStatus.UNPROCESSABLE_CONTENT);
			mav.addObject("token", token);
			mav.addObject("zones", ZoneChoices.all());
			mav.addObject("zone", timeZone);
			mav.addObject("email", email);
			mav.addObject("displayName", displayName);
			mav.addObject("workspaceName", workspaceName);
			mav.addObject("problems", e.problems()
				.stream()
				.collect(Collectors.toMap(InvalidInput.Problem::field, Function.identity(), (a, b) -> a)));
			return mav;
		}
	}

	private static ModelAndView closed() {
		return new ModelAndView("setup-closed", HttpStatus.NOT_FOUND);
	}
}
