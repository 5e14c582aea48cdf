package io.aponorelay.config;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Logpoint appliance that action presets call.
 *
 * @param url the appliance's root, for example {@code https://logpoint.example.internal}
 * @param username the API user; masked like a secret
 * @param secretKey the API user's "API Access Key"; a secret
 * @param sslBundle the SSL bundle that trusts the appliance's certificate (and holds a client
 * certificate for mutual TLS)
 * @param insecureSkipTlsVerify trust any certificate; for a test appliance only
 * @param timeout limit for each call, connecting included
 */
public record LogpointProperties(@Nullable String url, @Nullable String username, @Nullable String secretKey,
		@Nullable String sslBundle, @DefaultValue("false") boolean insecureSkipTlsVerify,
		@DefaultValue("10s") Duration timeout) {

	/** Whether a Logpoint appliance is configured at all. */
	public boolean isConfigured() {
		return url != null && !url.isBlank();
	}

	/** The URL of an endpoint, such as {@code reopen_incident}. */
	public String endpoint(String name) {
		String root = String.valueOf(url).strip();
		return (root.endsWith("/") ? root : root + "/") + name;
	}

}
