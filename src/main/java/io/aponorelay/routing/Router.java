package io.aponorelay.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.InvalidPathException;
import io.aponorelay.config.ConfigurationCheck;
import io.aponorelay.config.ConfigurationProblems;
import io.aponorelay.config.FilterProperties.JsonPathFilter;
import io.aponorelay.config.RelayProperties;
import io.aponorelay.config.SyslogProperties;
import io.aponorelay.config.WebhookProperties;
import io.aponorelay.event.AponoEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Decides which webhooks an event triggers: the webhook is active, the event's trigger is one of
 * its triggers, and every filter it lists matches.
 */
@Component
public class Router implements ConfigurationCheck {

	private final List<Route> routes = new ArrayList<>();

	/** The syslog sink when it sends only events some other webhook matched, else {@code null}. */
	private final @Nullable String matchedOnlySink;

	public Router(RelayProperties relay) {
		this.matchedOnlySink = (relay.syslog().isConfigured() && relay.syslog().scope() == SyslogProperties.Scope.MATCHED)
				? relay.syslog().name() : null;
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
		Map<String, List<String>> read = new HashMap<>();
		List<String> matching = routes.stream().filter((route) -> route.matches(event, read)).map(Route::name).toList();
		if (matchedOnlySink != null && matching.size() == 1 && matching.contains(matchedOnlySink)) {
			return List.of();
		}
		return matching;
	}

	/** Every webhook's decision for the event, with every check. */
	public List<RouteDecision> decide(AponoEvent event) {
		List<RouteDecision> decisions = routes.stream().map((route) -> route.decide(event)).toList();
		if (matchedOnlySink == null) {
			return decisions;
		}
		boolean othersMatched = decisions.stream()
			.anyMatch((decision) -> decision.matched() && !decision.webhook().equals(matchedOnlySink));
		return decisions.stream().map((decision) -> decision.webhook().equals(matchedOnlySink)
				? withScopeCheck(decision, othersMatched) : decision).toList();
	}

	private static RouteDecision withScopeCheck(RouteDecision decision, boolean othersMatched) {
		List<Check> checks = new ArrayList<>(decision.checks());
		checks.add(new Check("scope", othersMatched, List.of("matched by another webhook"),
				List.of(othersMatched ? "matched by another webhook" : "matched by no other webhook")));
		return new RouteDecision(decision.webhook(), decision.matched() && othersMatched, List.copyOf(checks));
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
