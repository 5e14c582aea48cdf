package io.aponorelay.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A syslog sink that sends each event to Logpoint's Syslog Collector as an RFC 5424 message whose
 * body is CEF, so that an alert rule can turn it into an incident (Logpoint's API cannot create
 * incidents). It is delivered like a webhook: queued, retried, recorded.
 *
 * @param host the collector's host; no host, no sink
 * @param port the collector's port
 * @param protocol {@code tcp} or {@code tls} (RFC 5425 octet-counted frames), or {@code udp}
 * (RFC 5426, one message per datagram, no delivery guarantee from the network)
 * @param sslBundle the SSL bundle that trusts the collector's certificate, for {@code tls}
 * @param name the name the sink goes by among the webhooks: in records, metrics and the API
 * @param scope {@code all} accepted events, or only those {@code matched} by some other webhook
 * @param severities the CEF severity (0 to 10) per trigger; the defaults rate a grant highest
 * @param facility the syslog facility; 13 is log audit
 * @param hostname the HOSTNAME field; default this host's name
 * @param timeout limit for connecting and sending one message
 */
public record SyslogProperties(@Nullable String host, @DefaultValue("514") int port,
		@DefaultValue("tcp") Protocol protocol, @Nullable String sslBundle, @DefaultValue("logpoint-syslog") String name,
		@DefaultValue("all") Scope scope, @Nullable Map<String, Integer> severities, @DefaultValue("13") int facility,
		@Nullable String hostname, @DefaultValue("10s") Duration timeout) {

	/** CEF severities when none are configured. */
	public static final Map<String, Integer> DEFAULT_SEVERITIES = Map.of("RequestCreated", 3, "RequestApproved", 4,
			"RequestGranted", 6, "RequestRejected", 3, "RequestExpired", 2, "RequestFailed", 7);

	public SyslogProperties {
		Map<String, Integer> merged = new LinkedHashMap<>(DEFAULT_SEVERITIES);
		if (severities != null) {
			merged.putAll(severities);
		}
		severities = Map.copyOf(merged);
	}

	@Override
	public Map<String, Integer> severities() {
		return severities;
	}

	public boolean isConfigured() {
		return host != null && !host.isBlank();
	}

	/** The sink as the webhook the queue delivers: every trigger, one message at a time. */
	WebhookProperties asWebhook() {
		String url = "syslog+" + protocol.name().toLowerCase(Locale.ROOT) + "://" + host + ":" + port;
		return new WebhookProperties(name, true, "POST", url, null,
				List.of("RequestCreated", "RequestApproved", "RequestGranted", "RequestRejected", "RequestExpired",
						"RequestFailed"),
				null, null, timeout, null, RetryProperties.DEFAULTS, 1, CircuitBreakerProperties.DEFAULTS, sslBundle, false,
				null);
	}

	/** How messages travel. */
	public enum Protocol {

		TCP, TLS, UDP

	}

	/** Which events the sink sends. */
	public enum Scope {

		ALL, MATCHED

	}

}
