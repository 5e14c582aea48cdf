package io.aponorelay.delivery;

import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import io.aponorelay.store.ErrorKind;
import io.aponorelay.template.RenderedRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Calls one webhook's target with Spring's {@link RestClient} on the JDK HTTP client, which
 * sends the body also with GET and DELETE. The webhook's timeout bounds the whole call:
 * connecting, waiting for the answer and reading it, however slowly it trickles.
 */
final class TargetClient {

	/** How much of a response body is read; validators see at most this much. */
	static final int MAX_BODY_BYTES = 1024 * 1024;

	private static final String USER_AGENT = "apono-logpoint-relay";

	private final RestClient client;

	private final Duration timeout;

	/**
	 * A client for one webhook.
	 * @param timeout the limit for the whole call
	 * @param sslContext the TLS to use, or {@code null} for the JVM's default
	 */
	TargetClient(Duration timeout, @Nullable SSLContext sslContext) {
		this.timeout = timeout;
		HttpClient.Builder builder = HttpClient.newBuilder()
			// the client's own tasks on virtual threads, instead of a platform thread per call in flight
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1);
		if (sslContext != null) {
			builder.sslContext(sslContext);
		}
		HttpClient http = builder.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(http);
		// Spring starts this clock when the request is sent and closes the response when it runs out
		requestFactory.setReadTimeout(timeout);
		this.client = RestClient.builder().requestFactory(requestFactory).build();
	}

	/**
	 * Sends a request and reads the response.
	 * @throws TargetFailure when no complete response came
	 */
	TargetResponse send(RenderedRequest request) throws TargetFailure {
		long start = System.nanoTime();
		try {
			RestClient.RequestBodySpec call = client.method(HttpMethod.valueOf(request.method()))
				.uri(URI.create(request.url()))
				.headers((headers) -> {
					headers.set(HttpHeaders.USER_AGENT, USER_AGENT);
					request.headers().forEach(headers::set);
				});
			if (request.body() != null) {
				call.body(request.body().getBytes(StandardCharsets.UTF_8));
			}
			return call.exchange((sent, response) -> {
				Map<String, String> headers = new LinkedHashMap<>();
				response.getHeaders()
					.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
				try (InputStream body = response.getBody()) {
					// a declared length sizes the buffer exactly instead of in chunks of 16 KiB
					long declared = response.getHeaders().getContentLength();
					byte[] bytes = body.readNBytes((declared >= 0 && declared < MAX_BODY_BYTES) ? (int) declared : MAX_BODY_BYTES);
					boolean complete = bytes.length < MAX_BODY_BYTES || body.read() < 0;
					return new TargetResponse(response.getStatusCode().value(), headers, bytes, complete);
				}
			});
		}
		catch (RuntimeException ex) {
			throw classify(ex, Duration.ofNanos(System.nanoTime() - start));
		}
	}

	private TargetFailure classify(RuntimeException ex, Duration elapsed) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpConnectTimeoutException) {
				return new TargetFailure(ErrorKind.TIMEOUT, "Connecting took longer than " + timeout, ex);
			}
			if (cause instanceof HttpTimeoutException) {
				return new TargetFailure(ErrorKind.TIMEOUT, "No complete response within " + timeout, ex);
			}
			if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
				return new TargetFailure(ErrorKind.DNS, "The host name does not resolve", ex);
			}
			if (cause instanceof SSLException) {
				return new TargetFailure(ErrorKind.TLS, "TLS handshake failed: " + cause.getMessage(), ex);
			}
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException) {
				return new TargetFailure(ErrorKind.CONNECTION_REFUSED, "Connection refused", ex);
			}
		}
		if (elapsed.compareTo(timeout) >= 0) {
			return new TargetFailure(ErrorKind.TIMEOUT, "No complete response within " + timeout, ex);
		}
		return new TargetFailure(ErrorKind.CONNECTION, "The connection failed: " + message(ex), ex);
	}

	private static String message(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
	}

}
