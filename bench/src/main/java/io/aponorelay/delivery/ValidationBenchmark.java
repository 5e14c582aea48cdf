package io.aponorelay.delivery;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.aponorelay.config.TestWebhooks;
import io.aponorelay.store.AttemptRecord.ValidatorResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Validating Logpoint's answer: the envelope built from the response, and two JSONPath validators.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ValidationBenchmark {

	private final ResponseValidators validators = new ResponseValidators(TestWebhooks.relay(Map.of(),
			TestWebhooks.webhook("logpoint").validator("$.data.success", "true").validator("$.status", "2*")));

	private final TargetResponse response = new TargetResponse(200, Map.of("content-type", "application/json"),
			"{\"success\": true, \"message\": \"Incidents reopened\"}".getBytes(StandardCharsets.UTF_8), true);

	@Benchmark
	public List<ValidatorResult> validateLogpointAnswer() {
		return validators.validate("logpoint", response.envelope());
	}

}
