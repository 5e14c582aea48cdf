package io.aponorelay.config;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The inbound endpoint, {@code POST /ingest/apono}.
 *
 * @param maxBodySize the largest body accepted; larger ones get 413
 * @param maxNestingDepth the deepest JSON nesting accepted
 * @param maxStringLength the longest JSON string accepted
 * @param auth how a request proves it comes from Apono
 * @param rateLimit requests per source address; more get 429
 * @param allowedSources source addresses (CIDRs) that may call; empty allows any
 * @param trustedProxies proxies (CIDRs) whose {@code X-Forwarded-For} names the source
 * @param maxInFlight requests handled at once, past the source and rate checks; more wait
 * @param inFlightWait how long a request waits for one of those to end; then it gets 503
 */
public record IngestProperties(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("32") int maxNestingDepth,
		@DefaultValue("64KB") DataSize maxStringLength, @DefaultValue IngestAuthProperties auth,
		@DefaultValue RateLimitProperties rateLimit, @Nullable List<String> allowedSources,
		@Nullable List<String> trustedProxies, @DefaultValue("200") int maxInFlight,
		@DefaultValue("10s") Duration inFlightWait) {

	public IngestProperties {
		allowedSources = (allowedSources != null) ? List.copyOf(allowedSources) : List.of();
		trustedProxies = (trustedProxies != null) ? List.copyOf(trustedProxies) : List.of();
	}

	@Override
	public List<String> allowedSources() {
		return allowedSources;
	}

	@Override
	public List<String> trustedProxies() {
		return trustedProxies;
	}

}
