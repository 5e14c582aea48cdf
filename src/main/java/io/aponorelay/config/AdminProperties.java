package io.aponorelay.config;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use {@code /api} and the Actuator endpoints other than health.
 *
 * @param auth {@code token} (bearer tokens below) or {@code none}, which must be chosen explicitly
 * and is warned about at every start
 * @param tokens the admins' bearer tokens, each with a name for the logs and a role
 */
public record AdminProperties(@DefaultValue("token") Mode auth, @Nullable List<AdminToken> tokens) {

	public AdminProperties {
		tokens = (tokens != null) ? List.copyOf(tokens) : List.of();
	}

	@Override
	public List<AdminToken> tokens() {
		return tokens;
	}

	/** Whether admins need a token. */
	public enum Mode {

		TOKEN, NONE

	}

	/** What an admin may do. */
	public enum Role {

		/** Reads: webhooks, invocations, the dry run, metrics. */
		VIEWER,

		/** Also acts: Test, redelivery. */
		OPERATOR

	}

	/**
	 * One admin's token.
	 *
	 * @param name who holds it, for the logs
	 * @param token the bearer token; a secret
	 * @param role {@code viewer} or {@code operator}
	 */
	public record AdminToken(@Nullable String name, @Nullable String token, @DefaultValue("viewer") Role role) {

	}

}
