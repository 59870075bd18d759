package io.vitrine.web;

import io.vitrine.identity.CurrentUser;
import io.vitrine.workspaces.WorkspaceSummary;
import io.vitrine.workspaces.Workspaces;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds the {@code layout} model attribute to every rendered page, so page controllers do nothing
 * for the header. Error pages get it from {@link PageErrors} and {@code ErrorPageLayout}.
 */
@Configuration(proxyBeanMethods = false)
class LayoutModel implements HandlerInterceptor, WebMvcConfigurer {

	static final String ATTRIBUTE = "layout";

	private static final Pattern WORKSPACE_PATH = Pattern.compile("^/w/([0-9a-fA-F-]{36})(?:/([^/]+))?");

	private final Workspaces workspaces;

	LayoutModel(Workspaces workspaces) {
		this.workspaces = workspaces;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView mav) {
		if (mav != null && (mav.getViewName() == null || !mav.getViewName().startsWith("redirect:"))
				&& !mav.getModel().containsKey(ATTRIBUTE)) {
			mav.addObject(ATTRIBUTE, of(request));
		}
	}

	Layout of(HttpServletRequest request) {
		// On an error dispatch the URI is /error; the language links must point at the page the person asked for.
		Object failedUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = failedUri instanceof String s ? s : request.getRequestURI();
		String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
		String query = failedUri == null ? request.getQueryString() : null;
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)) {
			return Layout.signedOut(path, query);
		}
		List<WorkspaceSummary> mine = workspaces.of(user);
		Matcher matcher = WORKSPACE_PATH.matcher(path);
		WorkspaceSummary current = null;
		String section = null;
		if (matcher.find()) {
			current = mine.stream().filter(w -> w.id().toString().equalsIgnoreCase(matcher.group(1))).findFirst().orElse(null);
			section = matcher.group(2);
		}
		return new Layout(user, mine, current, current == null ? null : section, path, query);
	}
}
