package io.aponorelay.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.aponorelay.config.Cidrs;
import io.aponorelay.config.IngestProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands before {@code /ingest/apono}: the source must be allowed and within its rate, the relay
 * not handling too many requests already, the body within its size, and the request authentic.
 * Each refusal is a problem, is counted, and changes nothing.
 */
class IngestGuard extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(IngestGuard.class);

	private final IngestProperties ingest;

	private final Cidrs allowedSources;

	private final SourceAddresses sources;

	private final RateLimiter rateLimiter;

	private final IngestAuthenticator authenticator;

	private final IngestMetrics metrics;

	private final ProblemResponses problems;

	/**
	 * Requests being handled. Requests run on virtual threads, which Tomcat does not bound; this
	 * bounds them, as its pool of 200 threads did, and with them the bodies held in memory.
	 */
	private final Semaphore inFlight;

	IngestGuard(IngestProperties ingest, IngestAuthenticator authenticator, IngestMetrics metrics,
			ProblemResponses problems) {
		this.ingest = ingest;
		this.allowedSources = Cidrs.parse(ingest.allowedSources());
		this.sources = new SourceAddresses(Cidrs.parse(ingest.trustedProxies()));
		this.rateLimiter = new RateLimiter(ingest.rateLimit());
		this.authenticator = authenticator;
		this.metrics = metrics;
		this.problems = problems;
		this.inFlight = new Semaphore(ingest.maxInFlight(), true);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String source = sources.of(request);
		if (!allowedSources.isEmpty() && !allowedSources.contains(source)) {
			refuse(request, response, "forbidden-source", HttpStatus.FORBIDDEN, "Source not allowed",
					"Requests from " + source + " are not allowed (relay.ingest.allowed-sources)", Map.of());
			return;
		}
		Duration wait = rateLimiter.acquire(source);
		if (!wait.isZero()) {
			long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
			refuse(request, response, "rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
					"Too many requests from " + source + "; try again in " + seconds + " s (relay.ingest.rate-limit)",
					Map.of("Retry-After", String.valueOf(seconds)));
			return;
		}
		if (!enter()) {
			refuse(request, response, "busy", HttpStatus.SERVICE_UNAVAILABLE, "Busy", "The relay is handling "
					+ ingest.maxInFlight() + " requests already; try again in 1 s (relay.ingest.max-in-flight)",
					Map.of("Retry-After", "1"));
			return;
		}
		try {
			admitted(request, response, chain);
		}
		finally {
			inFlight.release();
		}
	}

	/** Waits for room among the requests in flight, up to {@code relay.ingest.in-flight-wait}. */
	private boolean enter() {
		try {
			return inFlight.tryAcquire(ingest.inFlightWait().toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void admitted(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long max = ingest.maxBodySize().toBytes();
		if (request.getContentLengthLong() > max) {
			tooLarge(request, response, max);
			return;
		}
		byte[] body = null;
		if (authenticator.needsBody()) {
			body = request.getInputStream().readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
			if (body.length > max) {
				tooLarge(request, response, max);
				return;
			}
		}
		String refusal = authenticator.refusal(request, body);
		if (refusal != null) {
			String challenge = authenticator.challenge();
			refuse(request, response, "unauthenticated", HttpStatus.UNAUTHORIZED, "Not authenticated", refusal,
					(challenge != null) ? Map.of("WWW-Authenticate", challenge) : Map.of());
			return;
		}
		chain.doFilter((body != null) ? new CachedBody(request, body) : request, response);
	}

	private void tooLarge(HttpServletRequest request, HttpServletResponse response, long max) throws IOException {
		refuse(request, response, "too-large", HttpStatus.CONTENT_TOO_LARGE, "Body too large",
				"The body is larger than " + max + " bytes (relay.ingest.max-body-size)", Map.of());
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String reason, HttpStatus status,
			String title, String detail, Map<String, String> headers) throws IOException {
		metrics.rejected(reason);
		logger.info("Refused a request to {} from {}: {}", request.getRequestURI(), request.getRemoteAddr(), detail);
		problems.write(request, response, status, title, detail, headers);
	}

	/** The request with its body already read, for the controller to read again. */
	private static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			InputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte @Nullable [] buffer, int offset, int length) throws IOException {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					try {
						return in.available() == 0;
					}
					catch (IOException ex) {
						return true;
					}
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body is read already");
				}

			};
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

	}

}
