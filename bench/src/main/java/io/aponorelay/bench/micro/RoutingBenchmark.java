package io.aponorelay.bench.micro;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.aponorelay.config.FilterProperties;
import io.aponorelay.config.FilterProperties.JsonPathFilter;
import io.aponorelay.config.TestWebhooks;
import io.aponorelay.event.AponoEvent;
import io.aponorelay.event.EventParser;
import io.aponorelay.routing.Router;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Deciding which webhooks a large event triggers, against 1, 10 and 100 webhooks, each with an
 * integration filter, a custom-field filter and a JSONPath filter; a tenth of them match.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RoutingBenchmark {

	@Param({ "1", "10", "100" })
	public int webhooks;

	private Router router;

	private AponoEvent event;

	@Setup
	public void setUp() {
		event = new EventParser().parse(Events.large());
		List<TestWebhooks> all = new ArrayList<>();
		for (int i = 0; i < webhooks; i++) {
			String integration = (i % 10 == 0) ? "db 3" : "db " + (10 + i);
			all.add(TestWebhooks.webhook("w" + i)
				.triggers("Granted", "Created")
				.filters(new FilterProperties(List.of(integration), null, null, List.of("Read*"), null, null, null, null,
						null, Map.of("environment", List.of("prod*")),
						List.of(new JsonPathFilter("$.data.access_duration_in_seconds", List.of("3600"))))));
		}
		router = new Router(TestWebhooks.relay(Map.of(), all.toArray(TestWebhooks[]::new)));
	}

	@Benchmark
	public List<String> route() {
		return router.matchingWebhooks(event);
	}

}
