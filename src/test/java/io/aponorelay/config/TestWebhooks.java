package io.aponorelay.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds webhook configurations for tests, so that tests name only what they are about.
 */
public final class TestWebhooks {

	private String name;

	private boolean active = true;

	private String method = "POST";

	private String url = "https://logpoint.example.internal/reopen_incident";

	private final Map<String, String> headers = new LinkedHashMap<>();

	private List<String> triggers = List.of("RequestCreated");

	private FilterProperties filters;

	private String body;

	private Duration timeout = Duration.ofSeconds(10);

	private final List<ValidatorProperties> validators = new ArrayList<>();

	private RetryProperties retry = RetryProperties.DEFAULTS;

	private TestWebhooks(String name) {
		this.name = name;
	}

	public static TestWebhooks webhook(String name) {
		return new TestWebhooks(name);
	}

	public static RelayProperties relay(Map<String, String> secrets, TestWebhooks... webhooks) {
		return new RelayProperties(secrets, java.util.Arrays.stream(webhooks).map(TestWebhooks::build).toList(),
				new IngestProperties(org.springframework.util.unit.DataSize.ofMegabytes(1), 32,
						org.springframework.util.unit.DataSize.ofKilobytes(64),
						new IngestAuthProperties(IngestAuthProperties.Mode.NONE, null, null, null, Duration.ofMinutes(5)),
						new RateLimitProperties(0, 1), null, null, 200, Duration.ofSeconds(10)),
				new DeliveryProperties(4, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(5), null, null),
				new AdminProperties(AdminProperties.Mode.NONE, null),
				new LogpointProperties(null, null, null, null, false, Duration.ofSeconds(10)),
				new SyslogProperties(null, 514, SyslogProperties.Protocol.TCP, null, "logpoint-syslog",
						SyslogProperties.Scope.ALL, null, 13, null, Duration.ofSeconds(10)));
	}

	public TestWebhooks active(boolean active) {
		this.active = active;
		return this;
	}

	public TestWebhooks method(String method) {
		this.method = method;
		return this;
	}

	public TestWebhooks url(String url) {
		this.url = url;
		return this;
	}

	public TestWebhooks header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	public TestWebhooks triggers(String... triggers) {
		this.triggers = List.of(triggers);
		return this;
	}

	public TestWebhooks filters(FilterProperties filters) {
		this.filters = filters;
		return this;
	}

	public TestWebhooks body(String body) {
		this.body = body;
		return this;
	}

	public TestWebhooks timeout(Duration timeout) {
		this.timeout = timeout;
		return this;
	}

	public TestWebhooks validator(String path, String... expected) {
		this.validators.add(new ValidatorProperties(path, List.of(expected), null));
		return this;
	}

	public TestWebhooks validator(String path, String expected, String message) {
		this.validators.add(new ValidatorProperties(path, List.of(expected), message));
		return this;
	}

	public TestWebhooks retry(RetryProperties retry) {
		this.retry = retry;
		return this;
	}

	public WebhookProperties build() {
		return new WebhookProperties(name, active, method, url, headers, triggers, filters, body, timeout, validators,
				retry, 4, CircuitBreakerProperties.DEFAULTS, null, false, null);
	}

}
