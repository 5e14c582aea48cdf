package io.aponorelay.config;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.aponorelay.event.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;

/**
 * Checks the whole configuration at start-up, its own rules and every capability's
 * {@link ConfigurationCheck}, and stops the start with all problems at once.
 */
class ConfigurationValidator implements InitializingBean {

	private static final Logger logger = LoggerFactory.getLogger(ConfigurationValidator.class);

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

	private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE", "GET");

	private final RelayProperties relay;

	private final Environment environment;

	private final List<ConfigurationCheck> checks;

	ConfigurationValidator(RelayProperties relay, Environment environment, List<ConfigurationCheck> checks) {
		this.relay = relay;
		this.environment = environment;
		this.checks = checks;
	}

	@Override
	public void afterPropertiesSet() {
		ConfigurationProblems problems = new ConfigurationProblems();
		checkUnknownKeys(problems);
		checkSettings(problems);
		checkWebhooks(problems);
		checks.forEach((check) -> check.check(relay, problems));
		if (!problems.isEmpty()) {
			throw new InvalidConfigurationException(problems.messages());
		}
		warnAboutInsecureChoices();
	}

	private void checkUnknownKeys(ConfigurationProblems problems) {
		UnknownKeys.find(environment).forEach((key) -> problems.add(key, "unknown key"));
	}

	private void checkSettings(ConfigurationProblems problems) {
		DeliveryProperties delivery = relay.delivery();
		if (delivery.concurrency() < 1) {
			problems.add("relay.delivery.concurrency", "must be at least 1");
		}
		requirePositive(delivery.pollInterval(), "relay.delivery.poll-interval", problems);
		requireNotNegative(delivery.leaseMargin(), "relay.delivery.lease-margin", problems);
		requireNotNegative(delivery.shutdownGrace(), "relay.delivery.shutdown-grace", problems);
		if (relay.ingest().maxBodySize().toBytes() < 1) {
			problems.add("relay.ingest.max-body-size", "must be positive, for example 1MB");
		}
		if (relay.ingest().maxInFlight() < 1) {
			problems.add("relay.ingest.max-in-flight", "must be at least 1, for example 200");
		}
		if (relay.ingest().inFlightWait().isNegative()) {
			problems.add("relay.ingest.in-flight-wait", "must not be negative, for example 10s");
		}
		checkIngestAuth(problems);
		checkAdminAuth(problems);
		checkAddresses("relay.ingest.allowed-sources", relay.ingest().allowedSources(), problems);
		checkAddresses("relay.ingest.trusted-proxies", relay.ingest().trustedProxies(), problems);
		try {
			new AllowedHosts(delivery.allowedHosts());
		}
		catch (IllegalArgumentException ex) {
			problems.add("relay.delivery.allowed-hosts", ex.getMessage());
		}
		relay.secrets().forEach((name, value) -> {
			if (value == null || value.isBlank()) {
				problems.add("relay.secrets." + name, "is empty; give its value in the environment or a file");
			}
			else if (value.contains("${")) {
				problems.add("relay.secrets." + name, "is an unresolved placeholder; set the variable it names");
			}
		});
	}

	private static void checkRetry(int index, WebhookProperties webhook, ConfigurationProblems problems) {
		RetryProperties retry = webhook.retry();
		if (retry.maxAttempts() < 1) {
			problems.add(index, webhook, "retry.max-attempts", "must be at least 1");
		}
		if (!retry.initialBackoff().isPositive()) {
			problems.add(index, webhook, "retry.initial-backoff", "must be positive");
		}
		if (retry.maxBackoff().compareTo(retry.initialBackoff()) < 0) {
			problems.add(index, webhook, "retry.max-backoff", "must not be shorter than retry.initial-backoff");
		}
		if (!retry.maxAge().isPositive()) {
			problems.add(index, webhook, "retry.max-age", "must be positive");
		}
	}

	private void checkIngestAuth(ConfigurationProblems problems) {
		IngestAuthProperties auth = relay.ingest().auth();
		if (auth.mode() == IngestAuthProperties.Mode.NONE) {
			return;
		}
		if (auth.tokens().isEmpty()) {
			problems.add("relay.ingest.auth.tokens", "inbound authentication needs at least one token (mode "
					+ auth.mode().name().toLowerCase(Locale.ROOT) + "); to run without, set relay.ingest.auth.mode: none");
		}
		checkSecretValues("relay.ingest.auth.tokens", auth.tokens(), problems);
		if (auth.mode() == IngestAuthProperties.Mode.HEADER
				&& (auth.headerName() == null || !auth.headerName().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+"))) {
			problems.add("relay.ingest.auth.header-name", "header mode needs the name of the header, e.g. X-Apono-Token");
		}
		if (auth.mode() == IngestAuthProperties.Mode.BASIC && (auth.username() == null || auth.username().isBlank())) {
			problems.add("relay.ingest.auth.username", "basic mode needs a user name");
		}
		requirePositive(auth.tolerance(), "relay.ingest.auth.tolerance", problems);
	}

	private void checkAdminAuth(ConfigurationProblems problems) {
		AdminProperties admin = relay.admin();
		if (admin.auth() == AdminProperties.Mode.NONE) {
			return;
		}
		if (admin.tokens().isEmpty()) {
			problems.add("relay.admin.tokens",
					"the admin API needs at least one admin token; to run without, set relay.admin.auth: none");
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < admin.tokens().size(); i++) {
			AdminProperties.AdminToken token = admin.tokens().get(i);
			String key = "relay.admin.tokens[" + i + "]";
			if (token.name() == null || token.name().isBlank()) {
				problems.add(key + ".name", "is required, to name who acts in the logs");
			}
			checkSecretValues(key + ".token", java.util.Collections.singletonList(token.token()), problems);
			if (token.token() != null && !seen.add(token.token())) {
				problems.add(key + ".token", "is the same as another admin's token");
			}
			if (token.token() != null && relay.ingest().auth().tokens().contains(token.token())) {
				problems.add(key + ".token", "is also an ingest token; admins and Apono need separate secrets");
			}
		}
	}

	private static void checkSecretValues(String key, List<String> values, ConfigurationProblems problems) {
		for (String value : values) {
			if (value == null || value.isBlank()) {
				problems.add(key, "has an empty value; give it in the environment or a file");
			}
			else if (value.contains("${")) {
				problems.add(key, "has an unresolved placeholder; set the variable it names");
			}
			else if (value.length() < 16) {
				problems.add(key, "has a value shorter than 16 characters; use a long random secret");
			}
		}
	}

	private static void checkAddresses(String key, List<String> cidrs, ConfigurationProblems problems) {
		try {
			Cidrs.parse(cidrs);
		}
		catch (IllegalArgumentException ex) {
			problems.add(key, ex.getMessage());
		}
	}

	private void warnAboutInsecureChoices() {
		if (relay.ingest().auth().mode() == IngestAuthProperties.Mode.NONE) {
			logger.warn("relay.ingest.auth.mode is none: anyone who reaches /ingest/apono can post events");
		}
		if (relay.admin().auth() == AdminProperties.Mode.NONE) {
			logger.warn("relay.admin.auth is none: anyone who reaches /api can read the configuration and send tests");
		}
		relay.webhooks()
			.stream()
			.filter(WebhookProperties::insecureSkipTlsVerify)
			.forEach((webhook) -> logger.warn("Webhook '{}' skips TLS verification (insecure-skip-tls-verify): "
					+ "anyone between the relay and its target can read and change its calls", webhook.displayName()));
	}

	private static void requirePositive(Duration duration, String key, ConfigurationProblems problems) {
		if (duration.isNegative() || duration.isZero()) {
			problems.add(key, "must be positive");
		}
	}

	private static void requireNotNegative(Duration duration, String key, ConfigurationProblems problems) {
		if (duration.isNegative()) {
			problems.add(key, "must not be negative");
		}
	}

	private void checkWebhooks(ConfigurationProblems problems) {
		Set<String> names = new HashSet<>();
		for (int i = 0; i < relay.webhooks().size(); i++) {
			WebhookProperties webhook = relay.webhooks().get(i);
			String name = webhook.name();
			if (name == null || name.isBlank()) {
				problems.add(i, webhook, "name", "is required");
			}
			else if (!NAME.matcher(name).matches() || name.length() > 100) {
				problems.add(i, webhook, "name",
						"'" + name + "' may contain only letters, digits, '-' and '_', at most 100 of them");
			}
			else if (!names.add(name.toLowerCase(Locale.ROOT))) {
				problems.add(i, webhook, "name", "'" + name + "' is used by another webhook");
			}
			if (!METHODS.contains(webhook.method())) {
				problems.add(i, webhook, "method", "'" + webhook.method() + "' is not one of POST, PUT, PATCH, DELETE, GET");
			}
			if (webhook.triggers().isEmpty()) {
				problems.add(i, webhook, "triggers", "at least one trigger is required (" + Trigger.canonicalNames() + ")");
			}
			for (int t = 0; t < webhook.triggers().size(); t++) {
				String trigger = webhook.triggers().get(t);
				if (Trigger.parse(trigger).isEmpty()) {
					problems.add(i, webhook, "triggers[" + t + "]",
							"unknown trigger '" + trigger + "'; accepted: " + Trigger.canonicalNames());
				}
			}
			if (webhook.timeout().isNegative() || webhook.timeout().isZero()) {
				problems.add(i, webhook, "timeout", "must be positive, for example 10s");
			}
			if (webhook.concurrency() < 1) {
				problems.add(i, webhook, "concurrency", "must be at least 1");
			}
			checkRetry(i, webhook, problems);
			if (webhook.circuitBreaker().failureThreshold() < 1) {
				problems.add(i, webhook, "circuit-breaker.failure-threshold", "must be at least 1");
			}
			if (!webhook.circuitBreaker().openDuration().isPositive()) {
				problems.add(i, webhook, "circuit-breaker.open-duration", "must be positive");
			}
			for (int v = 0; v < webhook.responseValidators().size(); v++) {
				if (webhook.responseValidators().get(v).expectedValues().isEmpty()) {
					problems.add(i, webhook, "response-validators[" + v + "].expected-values", "at least one value is required");
				}
			}
		}
	}

}
