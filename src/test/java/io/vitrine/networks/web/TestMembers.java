package io.vitrine.networks.web;

import io.vitrine.identity.CurrentUser;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Role;
import io.vitrine.workspaces.WorkspaceAccess;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.security.Principal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the identity and workspaces modules (branch identity) in this module's web tests:
 * who is signed in comes from the mock principal's name (a user id), and memberships are set by the test.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestMembers implements WorkspaceAccess, WebMvcConfigurer {

	private final Map<UUID, CurrentUser> users = new ConcurrentHashMap<>();

	private final Map<String, Role> roles = new ConcurrentHashMap<>();

	public CurrentUser user(String name) {
		CurrentUser user = new CurrentUser(UUID.randomUUID(), name + "@example.com", name);
		users.put(user.id(), user);
		return user;
	}

	public void join(CurrentUser user, UUID workspaceId, Role role) {
		roles.put(user.id() + " " + workspaceId, role);
	}

	@Override
	public Member require(CurrentUser user, UUID workspaceId) {
		Role role = roles.get(user.id() + " " + workspaceId);
		if (role == null) {
			throw new NotFound("workspace");
		}
		return new Member(user.id(), workspaceId, "Brand", role, ZoneId.of("Europe/Paris"));
	}

	@Bean
	@Primary
	WorkspaceAccess testWorkspaceAccess() {
		return this;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(0, new HandlerMethodArgumentResolver() {
			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType() == CurrentUser.class;
			}

			@Override
			public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
					WebDataBinderFactory binders) {
				Principal principal = request.getUserPrincipal();
				if (principal == null) {
					throw new NotFound("user");
				}
				return users.get(UUID.fromString(principal.getName()));
			}
		});
	}
}
