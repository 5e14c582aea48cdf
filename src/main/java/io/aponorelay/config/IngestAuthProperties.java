package io.aponorelay.config;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@code /ingest/apono} knows a request comes from Apono.
 *
 * @param mode {@code bearer} ({@code Authorization: Bearer <token>}, Apono's "Bearer token"),
 * {@code header} (a custom header carrying a shared secret, Apono's "Custom" authentication),
 * {@code basic} (HTTP Basic), {@code hmac} (Standard Webhooks signatures of the body, for callers
 * that sign), or {@code none}, which must be chosen explicitly and is warned about at every start
 * @param tokens the accepted secrets: tokens, header values, Basic passwords or HMAC signing keys;
 * several at once while one is rotated out
 * @param headerName the header that carries the secret in {@code header} mode
 * @param username the user name in {@code basic} mode
 * @param tolerance how far a signature's timestamp may be from now in {@code hmac} mode
 */
public record IngestAuthProperties(@DefaultValue("bearer") Mode mode, @Nullable List<String> tokens,
		@Nullable String headerName, @Nullable String username, @DefaultValue("5m") Duration tolerance) {

	public IngestAuthProperties {
		tokens = (tokens != null) ? List.copyOf(tokens) : List.of();
	}

	@Override
	public List<String> tokens() {
		return tokens;
	}

	/** The ways Apono (or a signing caller) can authenticate. */
	public enum Mode {

		BEARER, HEADER, BASIC, HMAC, NONE

	}

}
