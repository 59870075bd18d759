package io.vitrine.workspaces.scope;

import io.vitrine.identity.CurrentUser;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.WorkspaceAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Map;
import java.util.UUID;

/**
 * Defence in depth for the URL scheme {@code /w/{workspaceId}/...} and
 * {@code /api/v1/workspaces/{workspaceId}/...}: before any controller runs — before its body is
 * even read or validated — a caller who is not a member of that workspace gets 404. Controllers
 * still call {@link WorkspaceAccess#require} for the member's role; this makes a forgotten call
 * harmless and keeps validation errors from answering a stranger's request.
 */
@Configuration(proxyBeanMethods = false)
class WorkspaceScopeGuard implements HandlerInterceptor, WebMvcConfigurer {

	static final String VARIABLE = "workspaceId";

	private final WorkspaceAccess access;

	WorkspaceScopeGuard(WorkspaceAccess access) {
		this.access = access;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)
				|| !(variables.get(VARIABLE) instanceof String raw)) {
			return true;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)) {
			// Public routes carry no workspace; signed-out callers were already turned away by security.
			throw new NotFound("workspace");
		}
		access.require(user, parse(raw));
		return true;
	}

	private static UUID parse(String raw) {
		try {
			return UUID.fromString(raw);
		}
		catch (IllegalArgumentException e) {
			throw new NotFound("workspace");
		}
	}
}
