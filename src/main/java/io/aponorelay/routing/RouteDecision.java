package io.aponorelay.routing;

import java.util.List;

/**
 * Whether an event triggers a webhook, and every check that decided it.
 *
 * @param webhook the webhook's name
 * @param matched whether the event triggers it
 * @param checks every check, passed or not, in configuration order
 */
public record RouteDecision(String webhook, boolean matched, List<Check> checks) {

}
