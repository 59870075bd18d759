package io.vitrine.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import java.io.IOException;

/** Back to the sign-in page, saying whether the password was wrong or the attempt was throttled. */
class SignInFailure implements AuthenticationFailureHandler {

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException e) throws IOException {
		String query = e instanceof LoginThrottled throttled ? "throttled=" + throttled.retryAfter().toSeconds() : "error";
		response.sendRedirect(request.getContextPath() + "/login?" + query);
	}
}
