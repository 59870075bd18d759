package io.vitrine.identity.security;

import io.vitrine.identity.CurrentUser;
import io.vitrine.identity.OneTimeSecret;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Checks an e-mail and password from the sign-in form, after asking the throttle. */
@Component
class PasswordSignIn implements AuthenticationProvider {

	private record Stored(CurrentUser user, String passwordHash) {
	}

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final LoginThrottle throttle;

	/** Compared against when the e-mail is unknown, so that both cases cost one hash check. */
	private final String decoyHash;

	PasswordSignIn(JdbcClient jdbc, PasswordEncoder encoder, LoginThrottle throttle) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.throttle = throttle;
		this.decoyHash = encoder.encode(OneTimeSecret.generate());
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String email = attempt.getName() == null ? "" : attempt.getName().trim().toLowerCase(Locale.ROOT);
		String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
		String address = attempt.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
		throttle.refuseIfThrottled(email, address);
		Optional<Stored> stored = find(email);
		boolean matches = encoder.matches(password, stored.map(Stored::passwordHash).orElse(decoyHash));
		if (stored.isEmpty() || !matches) {
			throttle.recordFailure(email, address);
			throw new BadCredentialsException("wrong e-mail or password");
		}
		throttle.recordSuccess(email);
		CurrentUser user = stored.get().user();
		if (encoder.upgradeEncoding(stored.get().passwordHash())) {
			jdbc.sql("update app_user set password_hash = ? where id = ?").params(encoder.encode(password), user.id()).update();
		}
		UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(user, null,
				AuthorityUtils.createAuthorityList("ROLE_USER"));
		signedIn.setDetails(attempt.getDetails());
		return signedIn;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private Optional<Stored> find(String email) {
		return jdbc.sql("select id, email, display_name, password_hash from app_user where email = ?")
			.param(email)
			.query((rs, row) -> new Stored(new CurrentUser(rs.getObject("id", UUID.class), rs.getString("email"),
					rs.getString("display_name")), rs.getString("password_hash")))
			.optional();
	}
}
