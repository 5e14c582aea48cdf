package io.aponorelay.logpoint;

import java.util.Locale;
import java.util.Map;

import io.aponorelay.config.LogpointProperties;
import io.aponorelay.config.RelayProperties;
import io.aponorelay.config.WebhookProperties;
import io.aponorelay.delivery.ResponseAdvisor;
import io.aponorelay.store.ErrorKind;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What Logpoint's failed answers mean. It answers every error with 200 and
 * {@code {"success": false, "message": ...}}: refused credentials fail every call the same way,
 * so they are permanent and open the circuit; other messages are recorded as Logpoint wrote them.
 * An unknown path gets an HTML 404 page: a wrong URL or API version, also permanent.
 */
@Component
class LogpointAnswers implements ResponseAdvisor {

	private final LogpointProperties logpoint;

	LogpointAnswers(RelayProperties relay) {
		this.logpoint = relay.logpoint();
	}

	@Override
	public @Nullable Advice advise(WebhookProperties webhook, int status, Map<String, String> headers,
			@Nullable Object data) {
		if (!isLogpoint(webhook)) {
			return null;
		}
		if (data instanceof Map<?, ?> answer && "false".equals(String.valueOf(answer.get("success")))) {
			String message = String.valueOf(answer.get("message"));
			if (refusesCredentials(message)) {
				return new Advice(ErrorKind.VALIDATION, "Logpoint refused the credentials (Authentication Failed): check "
						+ "relay.logpoint.username and secret-key, and the API user's roles; no retries until fixed",
						true, true);
			}
			return new Advice(ErrorKind.VALIDATION, "Logpoint answered success: false: " + message,
					!webhook.retry().onValidationFailure(), false);
		}
		String type = headers.getOrDefault("content-type", "").toLowerCase(Locale.ROOT);
		if (status == 404 && (type.startsWith("text/html") || String.valueOf(data).stripLeading().startsWith("<"))) {
			return new Advice(ErrorKind.HTTP_STATUS, "HTTP 404 with an HTML page: Logpoint has no such endpoint; check "
					+ "the URL (relay.logpoint.url) and that the appliance's API version has this call", true, false);
		}
		return null;
	}

	private boolean isLogpoint(WebhookProperties webhook) {
		return webhook.logpoint() != null || (logpoint.isConfigured() && webhook.url() != null
				&& webhook.url().startsWith(String.valueOf(logpoint.url()).strip()));
	}

	/** Whether Logpoint's {@code message} says it refused the API user's credentials. */
	static boolean refusesCredentials(@Nullable Object message) {
		return "Authentication Failed".equalsIgnoreCase(String.valueOf(message).strip());
	}

}
