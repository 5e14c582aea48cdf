package io.aponorelay.ingest;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.aponorelay.config.RateLimitProperties;

/**
 * A token bucket per source address. A source may send {@code burst} requests at once and then
 * {@code requests-per-second}; beyond that it is told when to try again.
 */
final class RateLimiter {

	private static final int MAX_SOURCES = 10_000;

	private final RateLimitProperties limit;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	RateLimiter(RateLimitProperties limit) {
		this.limit = limit;
	}

	/**
	 * Takes one request from a source's bucket.
	 * @return zero when the request may pass, else how long the source must wait
	 */
	Duration acquire(String source) {
		if (limit.requestsPerSecond() <= 0) {
			return Duration.ZERO;
		}
		if (buckets.size() > MAX_SOURCES) {
			long now = System.nanoTime();
			buckets.values().removeIf((bucket) -> bucket.isIdle(now));
			if (buckets.size() > MAX_SOURCES) {
				// more active sources than a relay should ever see: start over rather than grow
				buckets.clear();
			}
		}
		return buckets.computeIfAbsent(source, (key) -> new Bucket()).take(System.nanoTime());
	}

	private final class Bucket {

		private double tokens = limit.burst();

		private long updated = System.nanoTime();

		synchronized Duration take(long now) {
			refill(now);
			if (tokens >= 1) {
				tokens--;
				return Duration.ZERO;
			}
			double missing = 1 - tokens;
			return Duration.ofMillis((long) Math.ceil(missing / limit.requestsPerSecond() * 1000));
		}

		/** Full again, or unused for a minute: forgetting it changes little. */
		synchronized boolean isIdle(long now) {
			boolean unused = now - updated > 60_000_000_000L;
			refill(now);
			return unused || tokens >= limit.burst();
		}

		private void refill(long now) {
			tokens = Math.min(limit.burst(), tokens + (now - updated) / 1e9 * limit.requestsPerSecond());
			updated = now;
		}

	}

}
