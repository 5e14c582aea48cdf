package io.aponorelay.logpoint;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.aponorelay.config.AllowedHosts;
import io.aponorelay.config.ConfigurationCheck;
import io.aponorelay.config.ConfigurationProblems;
import io.aponorelay.config.LogpointPreset;
import io.aponorelay.config.LogpointPreset.Action;
import io.aponorelay.config.LogpointProperties;
import io.aponorelay.config.RelayProperties;
import io.aponorelay.config.WebhookProperties;
import io.aponorelay.template.Escaping;
import io.aponorelay.template.RequestBuilder;
import io.aponorelay.template.RequestBuilderProvider;
import io.aponorelay.template.TemplateCompiler;
import io.aponorelay.template.TemplateException;
import io.aponorelay.template.TextTemplate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Webhooks with a {@code logpoint} action preset: checks their settings at start-up and builds
 * their requests.
 */
@Component
class LogpointPresets implements RequestBuilderProvider, ConfigurationCheck {

	private final LogpointProperties logpoint;

	private final TemplateCompiler compiler;

	LogpointPresets(RelayProperties relay, TemplateCompiler compiler) {
		this.logpoint = relay.logpoint();
		this.compiler = compiler;
	}

	@Override
	public Optional<RequestBuilder> builderFor(WebhookProperties webhook) {
		LogpointPreset preset = webhook.logpoint();
		if (preset == null || preset.action() == null) {
			return Optional.empty();
		}
		return Optional.of(new LogpointRequest(preset.action(), url(webhook, preset.action()),
				String.valueOf(logpoint.username()), String.valueOf(logpoint.secretKey()),
				compiler.compile("logpoint.incident-ids", String.valueOf(preset.incidentIds()), Escaping.NONE),
				optional("logpoint.assignee", preset.assignee()), optional("logpoint.comment", preset.comment())));
	}

	@Override
	public void check(RelayProperties relay, ConfigurationProblems problems) {
		boolean used = false;
		for (int i = 0; i < relay.webhooks().size(); i++) {
			WebhookProperties webhook = relay.webhooks().get(i);
			LogpointPreset preset = webhook.logpoint();
			if (preset == null) {
				continue;
			}
			used = true;
			if (webhook.bodyTemplate() != null) {
				problems.add(i, webhook, "logpoint", "a preset builds the body; remove body-template or the preset");
			}
			if (preset.action() == null) {
				problems.add(i, webhook, "logpoint.action", "is required: one of reopen_incident, resolve_incident, "
						+ "close_incident, assign_incident, add_incident_comment");
				continue;
			}
			require(i, webhook, "logpoint.incident-ids", preset.incidentIds(), problems);
			if (preset.action() == Action.ASSIGN_INCIDENT) {
				require(i, webhook, "logpoint.assignee", preset.assignee(), problems);
			}
			if (preset.action() == Action.ADD_INCIDENT_COMMENT) {
				require(i, webhook, "logpoint.comment", preset.comment(), problems);
			}
			checkUrl(i, webhook, relay, preset.action(), problems);
		}
		if (used) {
			checkConnection(problems);
		}
	}

	private void require(int index, WebhookProperties webhook, String field, @Nullable String template,
			ConfigurationProblems problems) {
		if (template == null || template.isBlank()) {
			problems.add(index, webhook, field, "is required for this action");
			return;
		}
		try {
			compiler.compile(field, template, Escaping.NONE);
		}
		catch (TemplateException ex) {
			problems.add(index, webhook, field, ex.reason());
		}
	}

	private void checkUrl(int index, WebhookProperties webhook, RelayProperties relay, Action action,
			ConfigurationProblems problems) {
		if (webhook.url() == null && !logpoint.isConfigured()) {
			return;
		}
		String url = url(webhook, action);
		try {
			URI uri = URI.create(url);
			if (uri.getHost() == null || !List.of("http", "https").contains(String.valueOf(uri.getScheme()))) {
				problems.add(index, webhook, "url", "'" + url + "' is not an absolute http or https URL");
			}
			else if (!new AllowedHosts(relay.delivery().allowedHosts()).allows(url)) {
				problems.add(index, webhook, "url", "the host of '" + url + "' is not in relay.delivery.allowed-hosts");
			}
		}
		catch (IllegalArgumentException ex) {
			problems.add(index, webhook, "url", "'" + url + "' is malformed");
		}
	}

	private void checkConnection(ConfigurationProblems problems) {
		if (!logpoint.isConfigured()) {
			problems.add("relay.logpoint.url", "webhooks use Logpoint presets: give the appliance's URL");
		}
		if (logpoint.username() == null || logpoint.username().isBlank() || logpoint.username().contains("${")) {
			problems.add("relay.logpoint.username", "webhooks use Logpoint presets: give the API user's name");
		}
		if (logpoint.secretKey() == null || logpoint.secretKey().isBlank() || logpoint.secretKey().contains("${")) {
			problems.add("relay.logpoint.secret-key",
					"webhooks use Logpoint presets: give the API user's secret key in the environment or a file");
		}
	}

	private String url(WebhookProperties webhook, Action action) {
		return (webhook.url() != null) ? webhook.url() : logpoint.endpoint(action.endpoint());
	}

	private @Nullable TextTemplate optional(String part, @Nullable String source) {
		return (source != null && !source.isBlank()) ? compiler.compile(part, source, Escaping.NONE) : null;
	}

}
