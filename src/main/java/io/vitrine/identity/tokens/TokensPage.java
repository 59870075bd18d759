package io.vitrine.identity.tokens;

import io.vitrine.identity.CurrentUser;
import io.vitrine.shared.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** /account/tokens: create (shown once), list and revoke personal API tokens. */
@Controller
class TokensPage {

	private final ApiTokens tokens;

	private final MessageSource messages;

	TokensPage(ApiTokens tokens, MessageSource messages) {
		this.tokens = tokens;
		this.messages = messages;
	}

	@GetMapping("/account/tokens")
	ModelAndView show(CurrentUser user) {
		return page(user, HttpStatus.OK, Map.of());
	}

	@PostMapping("/account/tokens")
	ModelAndView create(CurrentUser user, @RequestParam(defaultValue = "") String name) {
		try {
			ApiTokens.IssuedToken issued = tokens.create(user, name);
			// Rendered, not redirected: the secret is shown once and must not travel in a URL or the session.
			ModelAndView mav = page(user, HttpStatus.OK, Map.of());
			mav.addObject("issued", issued);
			return mav;
		}
		catch (InvalidInput e) {
			ModelAndView mav = page(user, HttpStatus.UNPROCESSABLE_CONTENT, e.problems()
				.stream()
				.collect(Collectors.toMap(InvalidInput.Problem::field, Function.identity(), (a, b) -> a)));
			mav.addObject("name", name);
			return mav;
		}
	}

	@PostMapping("/account/tokens/{tokenId}/revoke")
	String revoke(CurrentUser user, @PathVariable UUID tokenId, RedirectAttributes redirect) {
		tokens.revoke(user, tokenId);
		redirect.addFlashAttribute("notice", messages.getMessage("tokens.revoked", null, LocaleContextHolder.getLocale()));
		return "redirect:/account/tokens";
	}

	/** A token row with its times as text; a person has no time zone of their own yet, so times are in UTC. */
	record Row(UUID id, String name, Instant createdAt, String created, String lastUsed) {
	}

	private ModelAndView page(CurrentUser user, HttpStatus status, Map<String, InvalidInput.Problem> problems) {
		DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(LocaleContextHolder.getLocale())
			.withZone(ZoneOffset.UTC);
		ModelMap model = new ModelMap();
		model.addAttribute("tokens", tokens.list(user)
			.stream()
			.map(t -> new Row(t.id(), t.name(), t.createdAt(), format.format(t.createdAt()) + " UTC",
					t.lastUsedAt() == null ? null : format.format(t.lastUsedAt()) + " UTC"))
			.toList());
		model.addAttribute("problems", problems);
		return new ModelAndView("account/tokens", model, status);
	}
}
