package io.vitrine.web;

import io.vitrine.shared.Forbidden;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import java.util.List;

/**
 * Errors of server-rendered pages as pages inside the layout. Ordered after {@link ApiErrors}
 * (which matches REST controllers first); forms handle their own validation errors, this is the
 * fallback. Anything unexpected is left to Boot's error page.
 */
@ControllerAdvice(basePackages = "io.vitrine", annotations = Controller.class)
@Order(100)
class PageErrors {

	private final LayoutModel layout;

	PageErrors(LayoutModel layout) {
		this.layout = layout;
	}

	@ExceptionHandler({ NotFound.class, MethodArgumentTypeMismatchException.class })
	ModelAndView notFound(HttpServletRequest request) {
		return page(request, HttpStatus.NOT_FOUND, List.of());
	}

	@ExceptionHandler(Forbidden.class)
	ModelAndView forbidden(HttpServletRequest request) {
		return page(request, HttpStatus.FORBIDDEN, List.of());
	}

	@ExceptionHandler(InvalidInput.class)
	ModelAndView invalid(HttpServletRequest request, InvalidInput e) {
		return page(request, HttpStatus.UNPROCESSABLE_CONTENT, e.problems());
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ModelAndView badRequest(HttpServletRequest request, MissingServletRequestParameterException e) {
		return page(request, HttpStatus.BAD_REQUEST,
				List.of(new InvalidInput.Problem(e.getParameterName(), "required", "is required")));
	}

	private ModelAndView page(HttpServletRequest request, HttpStatus status, List<InvalidInput.Problem> problems) {
		ModelAndView mav = new ModelAndView("error", status);
		mav.addObject("status", status.value());
		mav.addObject("problems", problems);
		mav.addObject(LayoutModel.ATTRIBUTE, layout.of(request));
		return mav;
	}
}
