package io.aponorelay.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;

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
 * Stands before {@code /ingest/apono}: the source must be allowed and within its rate, the body
 * within its size, and the request authentic. Each refusal is a problem, is counted, and changes
 * nothing.
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

	IngestGuard(IngestProperties ingest, IngestAuthenticator authenticator, IngestMetrics metrics,
			ProblemResponses problems) {
		this.ingest = ingest;
		this.allowedSources = Cidrs.parse(ingest.allowedSources());
		this.sources = new SourceAddresses(Cidrs.parse(ingest.trustedProxies()));
		this.rateLimiter = new RateLimiter(ingest.rateLimit());
		this.authenticator = authenticator;
		this.metrics = metrics;
		this.problems = problems;
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
