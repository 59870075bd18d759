package io.vitrine.identity.security;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** Too many recent failures for this e-mail or address: refused before the password is even checked. */
class LoginThrottled extends AuthenticationException {

	private final Duration retryAfter;

	LoginThrottled(Duration retryAfter) {
		super("too many failed sign-in attempts; retry in " + retryAfter.toSeconds() + " s");
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return retryAfter;
	}
}
