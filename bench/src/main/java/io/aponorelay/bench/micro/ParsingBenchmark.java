package io.aponorelay.bench.micro;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.aponorelay.event.AponoEvent;
import io.aponorelay.event.EventParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Reading a large event (20 access units) as ingest does: UTF-8, the lenient parse, entity
 * decoding and the checks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParsingBenchmark {

	private final byte[] large = Events.large().getBytes(StandardCharsets.UTF_8);

	private final EventParser parser = new EventParser();

	@Benchmark
	public AponoEvent parseLargeEvent() {
		return parser.parse(large);
	}

}
