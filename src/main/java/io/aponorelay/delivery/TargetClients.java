package io.aponorelay.delivery;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

import io.aponorelay.config.ConfigurationCheck;
import io.aponorelay.config.ConfigurationProblems;
import io.aponorelay.config.LogpointProperties;
import io.aponorelay.config.RelayProperties;
import io.aponorelay.config.WebhookProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;

/**
 * One {@link TargetClient} per webhook, with the TLS it needs: the webhook's SSL bundle (a CA to
 * trust, a client certificate for mutual TLS), else {@code relay.delivery.ssl-bundle}, else the
 * JVM's trust store; host names are always verified, unless the webhook says
 * {@code insecure-skip-tls-verify}.
 */
@Component
class TargetClients implements ConfigurationCheck {

	private final Map<String, TargetClient> clients = new ConcurrentHashMap<>();

	/** One TLS context per bundle, shared by the clients and the syslog sinks that use it (empty: the JVM's). */
	private final Map<String, Optional<SSLContext>> contexts = new ConcurrentHashMap<>();

	private final SslBundles bundles;

	private final @Nullable String sharedBundle;

	private final LogpointProperties logpoint;

	TargetClients(SslBundles bundles, RelayProperties relay) {
		this.bundles = bundles;
		this.sharedBundle = relay.delivery().sslBundle();
		this.logpoint = relay.logpoint();
	}

	TargetClient forWebhook(WebhookProperties webhook) {
		boolean preset = webhook.logpoint() != null && webhook.sslBundle() == null && !webhook.insecureSkipTlsVerify();
		// a Logpoint preset trusts what relay.logpoint says, unless the webhook says otherwise
		return preset ? client(webhook.timeout(), logpoint.sslBundle(), logpoint.insecureSkipTlsVerify())
				: client(webhook.timeout(), webhook.sslBundle(), webhook.insecureSkipTlsVerify());
	}

	/** The TLS a webhook's syslog sink uses: its bundle, else the shared one, else the JVM's default. */
	@Nullable SSLContext sslContextFor(WebhookProperties webhook) {
		String bundle = (webhook.sslBundle() != null) ? webhook.sslBundle() : sharedBundle;
		return sslContext(bundle, webhook.insecureSkipTlsVerify());
	}

	/**
	 * A client with the given timeout and TLS.
	 * @param sslBundle the bundle to trust (and present a client certificate from), or {@code null}
	 * for {@code relay.delivery.ssl-bundle} or the JVM's default
	 * @param insecure whether to trust any certificate for any name
	 */
	TargetClient client(Duration timeout, @Nullable String sslBundle, boolean insecure) {
		String bundle = (sslBundle != null) ? sslBundle : sharedBundle;
		return clients.computeIfAbsent(timeout + "|" + bundle + "|" + insecure,
				(key) -> new TargetClient(timeout, sslContext(bundle, insecure)));
	}

	private @Nullable SSLContext sslContext(@Nullable String bundle, boolean insecure) {
		return contexts
			.computeIfAbsent(bundle + "|" + insecure, (key) -> Optional.ofNullable(insecure ? trustingEverything()
					: (bundle != null) ? bundles.getBundle(bundle).createSslContext() : null))
			.orElse(null);
	}

	@Override
	public void check(RelayProperties relay, ConfigurationProblems problems) {
		if (isMissing(relay.delivery().sslBundle())) {
			problems.add("relay.delivery.ssl-bundle", missing(relay.delivery().sslBundle()));
		}
		if (isMissing(relay.logpoint().sslBundle())) {
			problems.add("relay.logpoint.ssl-bundle", missing(relay.logpoint().sslBundle()));
		}
		for (int i = 0; i < relay.webhooks().size(); i++) {
			WebhookProperties webhook = relay.webhooks().get(i);
			if (isMissing(webhook.sslBundle())) {
				problems.add(i, webhook, "ssl-bundle", missing(webhook.sslBundle()));
			}
		}
	}

	private boolean isMissing(@Nullable String bundle) {
		if (bundle == null) {
			return false;
		}
		try {
			bundles.getBundle(bundle);
			return false;
		}
		catch (NoSuchSslBundleException ex) {
			return true;
		}
	}

	private static String missing(@Nullable String bundle) {
		return "no SSL bundle named '" + bundle + "' (define it under spring.ssl.bundle.pem or spring.ssl.bundle.jks)";
	}

	private static SSLContext trustingEverything() {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, new TrustManager[] { new TrustingEverything() }, new SecureRandom());
			return context;
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException("TLS is part of every Java runtime", ex);
		}
	}

	/** Trusts any certificate for any host: what insecure-skip-tls-verify asks for, and nothing else. */
	private static final class TrustingEverything extends X509ExtendedTrustManager {

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return new X509Certificate[0];
		}

	}

}
