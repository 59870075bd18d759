package io.vitrine.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

import java.io.IOException;

/**
 * Signed-out visitors of a page go to the sign-in page. An htmx request gets HX-Redirect instead:
 * following a plain redirect, htmx would swap the whole sign-in page into a fragment of the page.
 */
class HtmxAwareEntryPoint implements AuthenticationEntryPoint {

	private final AuthenticationEntryPoint signInPage = new LoginUrlAuthenticationEntryPoint("/login");

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException, jakarta.servlet.ServletException {
		if ("true".equals(request.getHeader("HX-Request"))) {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setHeader("HX-Redirect", request.getContextPath() + "/login");
			return;
		}
		signInPage.commence(request, response, e);
	}
}
