package io.vitrine.networks.web;

import io.vitrine.shared.Forbidden;
import io.vitrine.shared.NotFound;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Pages of this module answer 404/403 with a short page rather than a server error. */
@ControllerAdvice(basePackages = "io.vitrine.networks", annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

	@ExceptionHandler(NotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(Model model) {
		model.addAttribute("titleKey", "networks.error.not-found");
		return "connections/error";
	}

	@ExceptionHandler(Forbidden.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String forbidden(Forbidden e, Model model) {
		model.addAttribute("titleKey", "networks.error.forbidden");
		model.addAttribute("detail", e.getMessage());
		return "connections/error";
	}
}
