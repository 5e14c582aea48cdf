package io.aponorelay.config;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The workers that deliver invocations.
 *
 * @param concurrency how many calls to targets one relay instance makes at once
 * @param pollInterval how often workers look for due deliveries when nothing wakes them
 * @param shutdownGrace how long shutdown waits for calls in flight before releasing them
 * @param leaseMargin how much longer than a webhook's timeout a worker holds a delivery; when a
 * worker dies, its deliveries are taken over after this
 * @param allowedHosts the hosts webhooks may call: names, {@code *.} patterns or CIDRs; empty
 * allows any
 * @param sslBundle the SSL bundle (a {@code spring.ssl.bundle.*} name) that webhooks without one of
 * their own trust, for example the CA of Logpoint's certificate
 */
public record DeliveryProperties(@DefaultValue("16") int concurrency, @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("30s") Duration shutdownGrace, @DefaultValue("30s") Duration leaseMargin,
		@Nullable List<String> allowedHosts, @Nullable String sslBundle) {

	public DeliveryProperties {
		allowedHosts = (allowedHosts != null) ? List.copyOf(allowedHosts) : List.of();
	}

	@Override
	public List<String> allowedHosts() {
		return allowedHosts;
	}

}
