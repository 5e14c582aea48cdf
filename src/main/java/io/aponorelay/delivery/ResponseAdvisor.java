package io.aponorelay.delivery;

import java.util.Map;

import io.aponorelay.config.WebhookProperties;
import io.aponorelay.store.ErrorKind;
import org.jspecify.annotations.Nullable;

/**
 * Knows what a failed answer from a particular kind of target means, better than its HTTP status
 * says: Logpoint, for one, answers refused credentials with 200 and {@code success: false}.
 */
public interface ResponseAdvisor {

	/**
	 * Advice on an answer: {@code null} to leave the verdict (by status and validators) as it is,
	 * else the failure it is, even where the status was 2xx and every validator passed.
	 * @param webhook the webhook
	 * @param status the HTTP status
	 * @param headers the response headers, names in lower case
	 * @param data the body parsed as JSON, or its text
	 */
	@Nullable Advice advise(WebhookProperties webhook, int status, Map<String, String> headers, @Nullable Object data);

	/**
	 * What a failed answer means.
	 *
	 * @param kind the error kind to record
	 * @param message the error message to record
	 * @param permanent whether retrying is pointless
	 * @param openCircuit whether the webhook's circuit should open at once, since every further
	 * call would fail the same way
	 */
	record Advice(ErrorKind kind, String message, boolean permanent, boolean openCircuit) {

	}

}
