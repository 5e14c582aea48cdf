package io.aponorelay.delivery;

import java.time.Duration;
import java.util.Map;

import io.aponorelay.store.ErrorKind;
import io.aponorelay.template.RenderedRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * One call to a target outside the queue, with the same client, timeout and TLS handling as
 * deliveries: for checks such as whether Logpoint takes the configured credentials.
 */
@Component
public class TargetCalls {

	private final TargetClients clients;

	TargetCalls(TargetClients clients) {
		this.clients = clients;
	}

	/**
	 * Sends a request and answers what came back, or why nothing did.
	 * @param sslBundle the SSL bundle to trust, or {@code null} for the default
	 * @param insecure whether to trust any certificate for any name
	 */
	public Result call(RenderedRequest request, Duration timeout, @Nullable String sslBundle, boolean insecure) {
		long start = System.nanoTime();
		try {
			TargetResponse response = clients.client(timeout, sslBundle, insecure).send(request);
			return new Result(response.status(), response.headers(), response.data(), null, null, millisSince(start));
		}
		catch (TargetFailure ex) {
			return new Result(0, Map.of(), null, ex.kind(), ex.getMessage(), millisSince(start));
		}
	}

	private static long millisSince(long start) {
		return Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

	/**
	 * What a call produced.
	 *
	 * @param status the HTTP status, or 0 when no response came
	 * @param headers the response headers, names in lower case
	 * @param data the body parsed as JSON, or its text
	 * @param errorKind why no response came, or {@code null}
	 * @param error what happened, or {@code null}
	 * @param durationMs how long the call took
	 */
	public record Result(int status, Map<String, String> headers, @Nullable Object data, @Nullable ErrorKind errorKind,
			@Nullable String error, long durationMs) {

	}

}
