package io.vitrine.identity.security;

import io.vitrine.identity.CurrentUser;
import io.vitrine.identity.tokens.ApiTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Authenticates an API call by its personal API token. The context is set for this request only
 * and never saved in a session, so token calls stay stateless. A request that carries a bearer
 * header is judged by that header alone: a bad token is refused even if the same browser also has
 * a session, otherwise a forged header could skip the CSRF check and ride on the session.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	private final AuthenticationEntryPoint entryPoint;

	BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint) {
		this.tokens = tokens;
		this.entryPoint = entryPoint;
	}

	static boolean hasBearerHeader(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!hasBearerHeader(request)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<CurrentUser> user = tokens.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION).substring(7).trim());
		if (user.isEmpty()) {
			SecurityContextHolder.clearContext();
			entryPoint.commence(request, response, new BadCredentialsException("unknown or revoked API token"));
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null,
				AuthorityUtils.createAuthorityList("ROLE_USER", "ROLE_API_TOKEN")));
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}
}
