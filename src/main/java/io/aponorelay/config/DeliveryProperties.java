package io.aponorelay.config;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The workers that deliver invocations.
 *
 * @param concurrency how many calls to targets one relay instance makes at once
 * @param pollInterval how often workers look for due deliveries when nothing wakes them
 * @param shutdownGrace how long shutdown waits for calls in flight before releasing them
 * @param leaseMargin how much longer than a webhook's timeout a worker holds a delivery; when a
 * worker dies, its deliveries are taken over after this
 */
public record DeliveryProperties(@DefaultValue("16") int concurrency, @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("30s") Duration shutdownGrace, @DefaultValue("30s") Duration leaseMargin) {

}
