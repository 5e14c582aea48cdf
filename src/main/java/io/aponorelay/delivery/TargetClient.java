package io.aponorelay.delivery;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import io.aponorelay.store.ErrorKind;
import io.aponorelay.template.RenderedRequest;
import org.jspecify.annotations.Nullable;

/**
 * Calls one webhook's target with the JDK HTTP client, which sends the body also with GET and
 * DELETE. The webhook's timeout bounds the whole call: connecting, waiting for the answer and
 * reading it, however slowly it trickles.
 *
 * <p>The client is used directly rather than through Spring's {@code RestClient}: its request
 * factory cancelled its timeout with an exception and drained each body through another, five
 * exceptions with stack traces per call.
 */
final class TargetClient {

	/** How much of a response body is read; validators see at most this much. */
	static final int MAX_BODY_BYTES = 1024 * 1024;

	private static final String USER_AGENT = "apono-logpoint-relay";

	/** Headers the JDK client sets itself and refuses from callers; a template's are left out. */
	private static final Set<String> CLIENT_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

	private final HttpClient http;

	private final Duration timeout;

	/**
	 * A client for one webhook.
	 * @param timeout the limit for the whole call
	 * @param sslContext the TLS to use, or {@code null} for the JVM's default
	 */
	TargetClient(Duration timeout, @Nullable SSLContext sslContext) {
		this.timeout = timeout;
		HttpClient.Builder builder = HttpClient.newBuilder()
			// the client's own tasks on virtual threads, instead of a platform thread per call in
			// flight; not on its selector thread, which TLS handshakes (and a trust manager's
			// lookups) would hold up for every call of the client
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1);
		if (sslContext != null) {
			builder.sslContext(sslContext);
		}
		this.http = builder.build();
	}

	/**
	 * Sends a request and reads the response.
	 * @throws TargetFailure when no complete response came
	 */
	TargetResponse send(RenderedRequest request) throws TargetFailure {
		long start = System.nanoTime();
		CompletableFuture<HttpResponse<Body>> call;
		try {
			call = http.sendAsync(build(request), Body::new);
		}
		catch (RuntimeException ex) {
			throw classify(ex, Duration.ofNanos(System.nanoTime() - start));
		}
		try {
			HttpResponse<Body> response = call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
			Map<String, String> headers = new LinkedHashMap<>();
			response.headers()
				.map()
				.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
			Body body = response.body();
			return new TargetResponse(response.statusCode(), headers, body.bytes(), body.complete());
		}
		catch (TimeoutException ex) {
			call.cancel(true);
			throw new TargetFailure(ErrorKind.TIMEOUT, "No complete response within " + timeout, ex);
		}
		catch (ExecutionException ex) {
			throw classify((ex.getCause() != null) ? ex.getCause() : ex, Duration.ofNanos(System.nanoTime() - start));
		}
		catch (InterruptedException ex) {
			call.cancel(true);
			Thread.currentThread().interrupt();
			throw new TargetFailure(ErrorKind.CONNECTION, "The call was interrupted", ex);
		}
	}

	private HttpRequest build(RenderedRequest request) {
		String body = request.body();
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
			// the JDK's own limit, until the answer's headers; the wait in send bounds the body too
			.timeout(timeout)
			.method(request.method(), (body != null)
					? HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8))
					: HttpRequest.BodyPublishers.noBody())
			.setHeader("User-Agent", USER_AGENT);
		request.headers().forEach((name, value) -> {
			if (!CLIENT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
				builder.setHeader(name, value);
			}
		});
		return builder.build();
	}

	private TargetFailure classify(Throwable ex, Duration elapsed) {
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

	/**
	 * Collects a response body up to {@link #MAX_BODY_BYTES}, then stops reading; a declared length
	 * sizes the buffer exactly.
	 */
	private static final class Body implements HttpResponse.BodySubscriber<Body> {

		private final CompletableFuture<Body> result = new CompletableFuture<>();

		private final ByteArrayOutputStream read;

		private boolean complete = true;

		private Flow.@Nullable Subscription subscription;

		Body(HttpResponse.ResponseInfo info) {
			long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
			this.read = new ByteArrayOutputStream((declared >= 0 && declared <= MAX_BODY_BYTES) ? (int) declared : 8192);
		}

		byte[] bytes() {
			return read.toByteArray();
		}

		boolean complete() {
			return complete;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			for (ByteBuffer buffer : buffers) {
				if (result.isDone()) {
					return;
				}
				int room = MAX_BODY_BYTES - read.size();
				int length = Math.min(room, buffer.remaining());
				if (buffer.hasArray()) {
					read.write(buffer.array(), buffer.arrayOffset() + buffer.position(), length);
					buffer.position(buffer.position() + length);
				}
				else {
					byte[] bytes = new byte[length];
					buffer.get(bytes);
					read.writeBytes(bytes);
				}
				if (buffer.hasRemaining()) {
					// more than the limit: stop here and drop the connection rather than read the rest
					complete = false;
					result.complete(this);
					if (subscription != null) {
						subscription.cancel();
					}
				}
			}
		}

		@Override
		public void onError(Throwable error) {
			result.completeExceptionally(error);
		}

		@Override
		public void onComplete() {
			result.complete(this);
		}

		@Override
		public CompletionStage<Body> getBody() {
			return result;
		}

	}

}
