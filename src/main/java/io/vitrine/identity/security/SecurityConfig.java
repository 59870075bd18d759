package io.vitrine.identity.security;

import io.vitrine.identity.tokens.ApiTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains. {@code /api/v1/**}: a personal API token (stateless, no CSRF) or the browser
 * session (with CSRF, for htmx calls from our pages); refusals are problem+json 401/403. Everything
 * else: pages with form sign-in, session and CSRF.
 * <p>
 * {@code /review/**} and {@code /api/v1/review/**} are open on purpose: the unguessable token in the path is a
 * client's only credential (approvals' ReviewLinks), checked by the controller.
 * <p>
 * {@code /actuator/prometheus} is open on purpose: it is scraped by the operator's Prometheus,
 * typically on loopback; expose the port to the world only behind a proxy that hides that path.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	static final String[] PUBLIC_PAGES = { "/login", "/setup", "/password", "/webjars/**", "/css/**", "/js/**",
			"/favicon.ico", "/favicon.svg", "/feeds/calendar/**", "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/api/docs",
			"/api/docs/**", "/api/swagger-ui/**", "/error",
			// media handed to a network that fetches it by URL (Instagram, Threads): a sealed, expiring token is the key
			"/public/media/*",
			// a client's read-only review page: the unguessable link is the key
			"/review/**" };

	static final String[] PUBLIC_API = { "/api/v1/openapi.json", "/api/v1/openapi.json/**", "/api/v1/review/**" };

	/**
	 * No inline scripts: page scripts live in /js/*.js (htmx's eval-based features are switched off
	 * in the layout to match). Inline styles stay allowed; they cannot run code.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data: blob: https:; media-src 'self' blob: https:; font-src 'self' data:; connect-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt today; hashes carry their algorithm id, so a stronger default later upgrades them at sign-in.
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ApiProblems problems) throws Exception {
		http.securityMatcher("/api/v1/**")
			.authorizeHttpRequests(a -> a.requestMatchers(PUBLIC_API).permitAll().anyRequest().authenticated())
			.addFilterBefore(new BearerTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
			.csrf(c -> c.ignoringRequestMatchers(SecurityConfig::cannotRideOnASession))
			.requestCache(c -> c.disable())
			.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers(SecurityConfig::headers);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http) throws Exception {
		// The form sign-in uses PasswordSignIn through the global AuthenticationManager (it is the only
		// AuthenticationProvider bean). Registering it here as well would make a failed attempt run
		// twice (this chain's manager, then its parent) and count as two failures.
		http.authorizeHttpRequests(a -> a.requestMatchers(PUBLIC_PAGES).permitAll().anyRequest().authenticated())
			.formLogin(f -> f.loginPage("/login")
				.usernameParameter("email")
				.passwordParameter("password")
				.defaultSuccessUrl("/", false)
				.failureHandler(new SignInFailure()))
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
			.csrf(Customizer.withDefaults())
			.exceptionHandling(e -> e.authenticationEntryPoint(new HtmxAwareEntryPoint()))
			.headers(SecurityConfig::headers);
		return http.build();
	}

	/**
	 * CSRF protects the session cookie. A call with a bearer token is judged by the token alone, and
	 * a call without a live session cannot be authenticated by one; checking CSRF there would
	 * only turn an honest "401 sign in" into a puzzling "403 CSRF".
	 */
	private static boolean cannotRideOnASession(jakarta.servlet.http.HttpServletRequest request) {
		return BearerTokenFilter.hasBearerHeader(request) || request.getSession(false) == null;
	}

	private static void headers(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
	}
}
