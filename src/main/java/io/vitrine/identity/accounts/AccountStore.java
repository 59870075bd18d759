package io.vitrine.identity.accounts;

import io.vitrine.identity.Accounts;
import io.vitrine.identity.CurrentUser;
import io.vitrine.identity.OneTimeSecret;
import io.vitrine.shared.Ids;
import io.vitrine.shared.InvalidInput;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@Repository
class AccountStore implements Accounts {

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final PasswordLinks passwordLinks;

	private final Clock clock;

	AccountStore(JdbcClient jdbc, PasswordEncoder encoder, PasswordLinks passwordLinks, Clock clock) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.passwordLinks = passwordLinks;
		this.clock = clock;
	}

	@Override
	public boolean anyExists() {
		return jdbc.sql("select count(*) from app_user").query(Long.class).single() > 0;
	}

	@Override
	public Optional<CurrentUser> byEmail(String email) {
		return jdbc.sql("select id, email, display_name from app_user where email = ?")
			.param(AccountRules.normalizeEmail(email))
			.query(AccountStore::user)
			.optional();
	}

	@Override
	public Map<UUID, CurrentUser> byIds(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select id, email, display_name from app_user where id in (:ids)")
			.param("ids", List.copyOf(ids))
			.query(AccountStore::user)
			.list()
			.stream()
			.collect(Collectors.toMap(CurrentUser::id, Function.identity()));
	}

	@Override
	public List<InvalidInput.Problem> problems(String email, String displayName, String password) {
		List<InvalidInput.Problem> problems = new ArrayList<>(AccountRules.checkEmail(AccountRules.normalizeEmail(email)));
		problems.addAll(AccountRules.checkDisplayName(displayName));
		if (password != null) {
			problems.addAll(AccountRules.checkPassword("password", password));
		}
		return problems;
	}

	@Override
	@Transactional
	public CurrentUser create(String email, String displayName, String password, Locale locale) {
		String normalized = AccountRules.normalizeEmail(email);
		List<InvalidInput.Problem> problems = problems(email, displayName, password);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		// A person added by an admin gets the hash of a random secret nobody knows: the account
		// exists (so it can be a member) but nobody can sign in until a password link is used.
		String hash = encoder.encode(password != null ? password : OneTimeSecret.generate());
		UUID id = Ids.next();
		try {
			jdbc.sql("""
					insert into app_user (id, email, display_name, password_hash, locale, created_at)
					values (?, ?, ?, ?, ?, ?)""")
				.params(id, normalized, displayName.strip(), hash, locale.toLanguageTag(),
						clock.instant().atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw InvalidInput.of("email", "unique", "an account with this e-mail address already exists");
		}
		return new CurrentUser(id, normalized, displayName.strip());
	}

	@Override
	public String passwordLink(UUID userId) {
		return passwordLinks.issue(userId);
	}

	static CurrentUser user(ResultSet rs, int row) throws SQLException {
		return new CurrentUser(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"));
	}
}
