package io.aponorelay.routing;

import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.InvalidPathException;
import io.aponorelay.config.ConfigurationCheck;
import io.aponorelay.config.ConfigurationProblems;
import io.aponorelay.config.FilterProperties.JsonPathFilter;
import io.aponorelay.config.RelayProperties;
import io.aponorelay.config.WebhookProperties;
import io.aponorelay.event.AponoEvent;
import org.springframework.stereotype.Component;

/**
 * Decides which webhooks an event triggers: the webhook is active, the event's trigger is one of
 * its triggers, and every filter it lists matches.
 */
@Component
public class Router implements ConfigurationCheck {

	private final List<Route> routes = new ArrayList<>();

	public Router(RelayProperties relay) {
		for (WebhookProperties webhook : relay.webhooks()) {
			try {
				routes.add(Route.compile(webhook));
			}
			catch (InvalidPathException | NullPointerException ex) {
				// check() reports it, and the relay does not start
			}
		}
	}

	/** The names of the webhooks the event triggers, in configuration order. */
	public List<String> matchingWebhooks(AponoEvent event) {
		return routes.stream().filter((route) -> route.matches(event)).map(Route::name).toList();
	}

	/** Every webhook's decision for the event, with every check. */
	public List<RouteDecision> decide(AponoEvent event) {
		return routes.stream().map((route) -> route.decide(event)).toList();
	}

	@Override
	public void check(RelayProperties relay, ConfigurationProblems problems) {
		for (int i = 0; i < relay.webhooks().size(); i++) {
			WebhookProperties webhook = relay.webhooks().get(i);
			List<JsonPathFilter> filters = webhook.filters().jsonPath();
			for (int f = 0; f < filters.size(); f++) {
				String field = "filters.json-path[" + f + "]";
				String path = filters.get(f).path();
				if (path == null || path.isBlank()) {
					problems.add(i, webhook, field + ".path", "is required");
					continue;
				}
				try {
					JsonPaths.compile(path);
				}
				catch (InvalidPathException ex) {
					problems.add(i, webhook, field + ".path", "'" + path + "' does not compile: " + ex.getMessage().strip());
				}
				if (filters.get(f).expectedValues().isEmpty()) {
					problems.add(i, webhook, field + ".expected-values", "at least one value is required");
				}
			}
		}
	}

}
