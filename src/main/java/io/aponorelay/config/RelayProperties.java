package io.aponorelay.config;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything under {@code relay}: the named secrets and the webhooks an event can trigger.
 *
 * @param secrets named secret values that templates reach with {@code {{secret 'name'}}}; their
 * values come from the environment or from files and are masked wherever they would be shown
 * @param webhooks the webhooks, each with its triggers, filters, request template and validators
 * @param ingest the inbound endpoint
 * @param delivery the workers that call the targets
 * @param admin who may use the admin API
 * @param logpoint the Logpoint appliance that action presets call
 * @param syslog the CEF-over-syslog sink; when configured it is also one of {@link #webhooks()}
 */
@ConfigurationProperties("relay")
public record RelayProperties(@Nullable Map<String, String> secrets, @Nullable List<WebhookProperties> webhooks,
		@DefaultValue IngestProperties ingest, @DefaultValue DeliveryProperties delivery,
		@DefaultValue AdminProperties admin, @DefaultValue LogpointProperties logpoint,
		@DefaultValue SyslogProperties syslog) {

	public RelayProperties {
		Map<String, String> named = new java.util.LinkedHashMap<>();
		if (secrets != null) {
			// an empty YAML value binds as null; the start-up check reports it as empty
			secrets.forEach((name, value) -> named.put(name, (value != null) ? value : ""));
		}
		secrets = java.util.Collections.unmodifiableMap(named);
		List<WebhookProperties> all = (webhooks != null) ? new java.util.ArrayList<>(webhooks) : new java.util.ArrayList<>();
		if (syslog != null && syslog.isConfigured()) {
			all.add(syslog.asWebhook());
		}
		webhooks = List.copyOf(all);
	}

	@Override
	public Map<String, String> secrets() {
		return secrets;
	}

	@Override
	public List<WebhookProperties> webhooks() {
		return webhooks;
	}

}
