package io.aponorelay.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One attempt of an invocation: what was sent, what came back, and the verdict. Secrets are
 * masked before a record is made.
 *
 * @param number the attempt's number, from 1
 * @param startedAt when the call started
 * @param durationMs how long it took
 * @param succeeded whether the status was 2xx and every validator passed
 * @param instance the relay instance that made the attempt (host, process id and a random part)
 * @param error why it failed, or {@code null}
 * @param request the request sent, or {@code null} when none could be rendered
 * @param response the response, or {@code null} when none came
 * @param validators each response validator's result
 */
public record AttemptRecord(int number, Instant startedAt, long durationMs, boolean succeeded, String instance,
		@Nullable AttemptError error, @Nullable SentRequest request, @Nullable ReceivedResponse response,
		List<ValidatorResult> validators) {

	/**
	 * Why an attempt failed.
	 *
	 * @param kind the kind of failure
	 * @param message what happened, for a person
	 */
	public record AttemptError(ErrorKind kind, String message) {

	}

	/**
	 * The request as sent, secrets masked.
	 *
	 * @param method the HTTP method
	 * @param url the URL
	 * @param headers the headers
	 * @param body the body, or {@code null}
	 */
	public record SentRequest(String method, String url, Map<String, String> headers, @Nullable String body) {

	}

	/**
	 * The response as received.
	 *
	 * @param status the HTTP status
	 * @param headers the headers; several values of one header are joined with ", "
	 * @param body the body as text, up to 64 KiB
	 * @param truncated whether the body was longer and was cut
	 */
	public record ReceivedResponse(int status, Map<String, String> headers, String body, boolean truncated) {

	}

	/**
	 * One response validator's result.
	 *
	 * @param path the JSONPath
	 * @param expected the values that pass
	 * @param actual the values found
	 * @param passed whether it passed
	 * @param message the failure message, or {@code null} when it passed
	 */
	public record ValidatorResult(String path, List<String> expected, List<String> actual, boolean passed,
			@Nullable String message) {

	}

}
