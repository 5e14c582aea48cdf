package io.aponorelay.config;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A request rate per source address, as a token bucket.
 *
 * @param requestsPerSecond the sustained rate one source may send; 0 turns the limit off
 * @param burst how many requests a source may send at once above that rate
 */
public record RateLimitProperties(@DefaultValue("50") double requestsPerSecond, @DefaultValue("200") int burst) {

}
