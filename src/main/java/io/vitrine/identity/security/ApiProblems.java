package io.vitrine.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;

/**
 * Security refusals on {@code /api/v1} as RFC 9457 problem+json, like every other API error: an API
 * client gets 401 or 403 it can read, never a redirect to the sign-in page.
 */
@Component
class ApiProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper json;

	ApiProblems(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		String detail = request.getHeader(HttpHeaders.AUTHORIZATION) != null
				? "the API token is unknown or revoked"
				: "send 'Authorization: Bearer <personal API token>' (create one under Account > API tokens)";
		write(request, response, HttpStatus.UNAUTHORIZED, detail);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
			throws IOException {
		String detail = e instanceof CsrfException
				? "a session-authenticated call must carry the CSRF token (header X-CSRF-TOKEN); API clients use a bearer token instead"
				: "access denied";
		write(request, response, HttpStatus.FORBIDDEN, detail);
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}
}
