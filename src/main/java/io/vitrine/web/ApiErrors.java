package io.vitrine.web;

import io.vitrine.shared.Forbidden;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;
import java.util.Map;

/**
 * REST errors as RFC 9457 problem details. Bad input always names the field and the rule, and
 * nothing a client sends may turn into a 500. Ordered first so that it, not the page error advice,
 * answers for REST controllers.
 */
@RestControllerAdvice(basePackages = "io.vitrine", annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(0)
class ApiErrors {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	@ExceptionHandler(InvalidInput.class)
	ProblemDetail invalid(InvalidInput e) {
		return invalid(e.problems());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException e) {
		return invalid(e.getBindingResult().getFieldErrors().stream()
			.map(f -> new InvalidInput.Problem(f.getField(), ruleOf(f.getCode()), f.getDefaultMessage()))
			.toList());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException e) {
		String field = JsonFieldPath.of(e).orElse("body");
		return problem(HttpStatus.BAD_REQUEST, "Malformed request body",
				List.of(new InvalidInput.Problem(field, "json", "must be valid JSON of the documented shape")));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
		String type = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
		return problem(HttpStatus.BAD_REQUEST, "Malformed parameter",
				List.of(new InvalidInput.Problem(e.getName(), "type", "must be a " + type)));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ProblemDetail missing(MissingServletRequestParameterException e) {
		return problem(HttpStatus.BAD_REQUEST, "Missing parameter",
				List.of(new InvalidInput.Problem(e.getParameterName(), "required", "is required")));
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ProblemDetail missingPart(MissingServletRequestPartException e) {
		return problem(HttpStatus.BAD_REQUEST, "Missing part",
				List.of(new InvalidInput.Problem(e.getRequestPartName(), "required", "is required")));
	}

	@ExceptionHandler(NotFound.class)
	ProblemDetail notFound(NotFound e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ProblemDetail noRoute(NoResourceFoundException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no such resource");
	}

	@ExceptionHandler(Forbidden.class)
	ProblemDetail forbidden(Forbidden e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ProblemDetail method(HttpRequestMethodNotSupportedException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
	}

	@ExceptionHandler(AuthenticationException.class)
	ProblemDetail unauthenticated(AuthenticationException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "sign in or send a personal API token");
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail denied(AccessDeniedException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "access denied");
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception e) {
		log.error("Unexpected error in API call", e);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "unexpected error; it has been logged");
	}

	private static ProblemDetail invalid(List<InvalidInput.Problem> problems) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid input", problems);
	}

	static ProblemDetail problem(HttpStatus status, String title, List<InvalidInput.Problem> problems) {
		ProblemDetail detail = ProblemDetail.forStatus(status);
		detail.setTitle(title);
		detail.setDetail(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(title));
		detail.setProperty("errors", problems.stream()
			.map(p -> Map.of("field", p.field(), "rule", p.rule(), "message", p.message()))
			.toList());
		return detail;
	}

	private static String ruleOf(String constraintCode) {
		if (constraintCode == null) {
			return "invalid";
		}
		return constraintCode.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
	}
}
