package io.vitrine.identity.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document says how to authenticate: a personal API token as a bearer token. */
@Configuration(proxyBeanMethods = false)
class ApiDocsSecurity {

	static final String SCHEME = "personalApiToken";

	@Bean
	OpenApiCustomizer personalApiTokenScheme() {
		return openApi -> {
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents()
				.addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.description("A personal API token (vt_…), created under Account > API tokens or POST /api/v1/tokens"));
			openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
		};
	}
}
