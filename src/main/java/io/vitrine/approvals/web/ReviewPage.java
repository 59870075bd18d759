package io.vitrine.approvals.web;

import io.vitrine.approvals.internal.ClientReview;
import io.vitrine.shared.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The page behind a review link, for a client without an account (public: the token is the credential). */
@Controller
@RequestMapping("/review/{token}")
class ReviewPage {

	private final ClientReview review;

	private final MessageSource messages;

	ReviewPage(ClientReview review, MessageSource messages) {
		this.review = review;
		this.messages = messages;
	}

	@GetMapping
	String open(@PathVariable String token, Model model) {
		model.addAttribute("review", review.open(token));
		model.addAttribute("token", token);
		return "approvals/review";
	}

	@PostMapping
	String decide(@PathVariable String token, @RequestParam(required = false) String name,
			@RequestParam(required = false) String decision, @RequestParam(required = false) String comment, Model model,
			RedirectAttributes redirect) {
		try {
			ClientReview.Decided decided = review.decide(token, name, decision, comment);
			redirect.addFlashAttribute("notice", messages.getMessage(decided.counted() ? "review.thanks" : "review.thanks.noted",
					null, LocaleContextHolder.getLocale()));
			return "redirect:/review/" + token;
		}
		catch (InvalidInput e) {
			model.addAttribute("review", review.open(token));
			model.addAttribute("token", token);
			model.addAttribute("name", name);
			model.addAttribute("comment", comment);
			model.addAttribute("problems", e.problems().stream().collect(Collectors.toMap(InvalidInput.Problem::field,
					Function.identity(), (a, b) -> a, LinkedHashMap::new)));
			return "approvals/review";
		}
	}
}
