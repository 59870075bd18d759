package io.vitrine.identity.security;

import io.vitrine.identity.CurrentUser;
import io.vitrine.identity.SignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

@Component
class SessionSignIn implements SignIn {

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	private final CsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

	@Override
	public void startSession(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
		// A fresh session id, as after a form sign-in, so a session id planted before cannot be reused.
		// Likewise a new CSRF token, as the form sign-in does.
		if (request.getSession(false) != null) {
			request.changeSessionId();
			csrfTokens.saveToken(null, request, response);
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				AuthorityUtils.createAuthorityList("ROLE_USER")));
		SecurityContextHolder.setContext(context);
		repository.saveContext(context, request, response);
	}
}
