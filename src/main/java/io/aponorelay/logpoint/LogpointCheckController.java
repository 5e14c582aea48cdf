package io.aponorelay.logpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.aponorelay.config.LogpointProperties;
import io.aponorelay.config.RelayProperties;
import io.aponorelay.config.Secrets;
import io.aponorelay.delivery.TargetCalls;
import io.aponorelay.event.JsonValues;
import io.aponorelay.store.ErrorKind;
import io.aponorelay.template.RenderedRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/logpoint/check}: calls Logpoint's {@code /get_users} with the configured
 * credentials and says whether the appliance is reachable, whether TLS holds, and whether the
 * credentials work.
 */
@RestController
class LogpointCheckController {

	private final LogpointProperties logpoint;

	private final TargetCalls calls;

	private final Secrets secrets;

	LogpointCheckController(RelayProperties relay, TargetCalls calls, Secrets secrets) {
		this.logpoint = relay.logpoint();
		this.calls = calls;
		this.secrets = secrets;
	}

	@GetMapping("/api/logpoint/check")
	Check check() {
		if (!logpoint.isConfigured()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "relay.logpoint.url is not configured");
		}
		String url = logpoint.endpoint("get_users");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", String.valueOf(logpoint.username()));
		body.put("secret_key", String.valueOf(logpoint.secretKey()));
		body.put("requestData", Map.of("version", "0.1"));
		TargetCalls.Result result = calls.call(new RenderedRequest("GET", url, Map.of("Content-Type", "application/json"),
				JsonValues.toJson(body)), logpoint.timeout(), logpoint.sslBundle(), logpoint.insecureSkipTlsVerify());
		boolean reachable = result.errorKind() == null || result.errorKind() == ErrorKind.TLS;
		String credentials = credentials(result);
		Integer users = (result.data() instanceof Map<?, ?> answer && answer.get("users") instanceof List<?> list)
				? list.size() : null;
		return new Check(url, reachable, tls(result), credentials, users, result.status(), secrets.mask(message(result)),
				result.durationMs());
	}

	private String tls(TargetCalls.Result result) {
		if (!logpoint.endpoint("").startsWith("https:")) {
			return "not used (http)";
		}
		if (result.errorKind() == ErrorKind.TLS) {
			return "failed";
		}
		if (result.errorKind() != null) {
			return "unknown";
		}
		if (logpoint.insecureSkipTlsVerify()) {
			return "not verified (insecure-skip-tls-verify)";
		}
		return (logpoint.sslBundle() != null) ? "verified with SSL bundle " + logpoint.sslBundle() : "verified";
	}

	private static String credentials(TargetCalls.Result result) {
		if (result.data() instanceof Map<?, ?> answer) {
			if ("true".equals(String.valueOf(answer.get("success")))) {
				return "accepted";
			}
			if (LogpointAnswers.refusesCredentials(answer.get("message"))) {
				return "refused";
			}
		}
		return "unknown";
	}

	private static String message(TargetCalls.Result result) {
		if (result.error() != null) {
			return result.error();
		}
		if (result.data() instanceof Map<?, ?> answer && answer.get("message") != null) {
			return "HTTP " + result.status() + ": " + answer.get("message");
		}
		return "HTTP " + result.status();
	}

	/**
	 * What the check found.
	 *
	 * @param url the URL called
	 * @param reachable whether the appliance answered (or at least shook hands)
	 * @param tls {@code verified}, {@code failed}, {@code not used (http)}, ...
	 * @param credentials {@code accepted}, {@code refused} or {@code unknown}
	 * @param users how many users Logpoint listed, when it did
	 * @param status the HTTP status, or 0 when no response came
	 * @param message what happened, secrets masked
	 * @param durationMs how long the call took
	 */
	record Check(String url, boolean reachable, String tls, String credentials, @Nullable Integer users, int status,
			String message, long durationMs) {

	}

}
