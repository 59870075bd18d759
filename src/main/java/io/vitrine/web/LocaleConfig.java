package io.vitrine.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The page language: {@code ?lang=fr|en} (remembered in a cookie), else the cookie, else the
 * browser's Accept-Language, else English. Only English and French exist; anything else falls back.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfig implements WebMvcConfigurer {

	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("vitrine-lang");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieSameSite("Lax");
		resolver.setDefaultLocaleFunction(LocaleConfig::fromBrowser);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new LanguageParameter());
	}

	static Locale fromBrowser(HttpServletRequest request) {
		for (Locale wanted : Collections.list(request.getLocales())) {
			Optional<Locale> match = supported(wanted.getLanguage());
			if (match.isPresent()) {
				return match.get();
			}
		}
		return Locale.ENGLISH;
	}

	static Optional<Locale> supported(String language) {
		return SUPPORTED.stream().filter(l -> l.getLanguage().equalsIgnoreCase(language)).findFirst();
	}

	/** {@code ?lang=} switches the language; unknown values are ignored rather than stored. */
	private static final class LanguageParameter implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			String lang = request.getParameter("lang");
			if (lang != null) {
				supported(lang).ifPresent(locale -> {
					LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
					if (resolver != null) {
						resolver.setLocale(request, response, locale);
					}
				});
			}
			return true;
		}
	}
}
