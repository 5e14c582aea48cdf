package io.aponorelay.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.aponorelay.event.JsonValues;

/**
 * Writes bench/RESULTS.md: the machine, the targets with what was measured, every figure as
 * min / median / max over the runs, the ratios to the baselines, and the JMH results.
 */
final class Report {

	private Report() {
	}

	static String write(Map<String, Map<String, List<Double>>> figures, int runs, Duration time, Path jmh)
			throws IOException {
		StringBuilder out = new StringBuilder("# Benchmark results\n\n");
		out.append("Machine: ").append(EndToEnd.machine()).append("  \n");
		out.append("Command: `bench/run` (").append(runs).append(" runs per store, ").append(time.toSeconds())
			.append(" s per measurement, a fresh relay process per run). Figures are min / median / max over the runs.  \n");
		out.append("Relay: as the container image runs it (extracted, AOT cache), JVM options `")
			.append(System.getProperty("bench.relay-jvm-options", "").strip()).append("`; the load generator and the ")
			.append("stub target share the same two cores (see \"cores busy\" below).\n\n");
		Map<String, List<Double>> h2 = figures.getOrDefault("H2", Map.of());
		out.append("## Targets (2 cores, H2 store, durability on)\n\n| target | required | median | met |\n|---|---|---|---|\n");
		target(out, h2, "ingest, closed loop (events/s)", "ingest sustained", ">= 5,000 events/s", 5000, true);
		target(out, h2, "ingest at 1,000/s, p99 (ms)", "ingest p99 at 1,000 events/s", "<= 20 ms", 20, false);
		target(out, h2, "end to end at 500/s, 0 ms target, p99 (ms)", "end-to-end p99 at 500 events/s, 0 ms target",
				"<= 100 ms", 100, false);
		target(out, h2, "deliveries/s, 50 ms target", "deliveries to a 50 ms target", ">= 2,000/s", 2000, true);
		target(out, h2, "resident memory under load (MiB)", "resident memory under load", "<= 350 MiB", 350, false);
		target(out, h2, "ready after start (s)", "ready after start", "<= 3 s", 3, false);
		for (Map.Entry<String, Map<String, List<Double>>> store : figures.entrySet()) {
			out.append("\n## End to end: ").append(store.getKey()).append("\n\n| figure | min / median / max |\n|---|---|\n");
			store.getValue().forEach((name, values) -> out.append("| ").append(name).append(" | ")
				.append(Stats.spread(values, "%.1f")).append(" |\n"));
			out.append("\nRatios to the baselines (medians):\n\n");
			ratio(out, store.getValue(), "ingest, closed loop (events/s)", "baseline: web stack only, closed loop (requests/s)",
					"ingest throughput / web stack only");
			ratio(out, store.getValue(), "ingest, closed loop (events/s)", "baseline: stub target, closed loop (requests/s)",
					"ingest throughput / the stub target directly");
			ratio(out, store.getValue(), "ingest at 1,000/s, p99 (ms)", "baseline: web stack only at 1,000/s, p99 (ms)",
					"ingest p99 at 1,000/s / web stack only p99");
			ratio(out, store.getValue(), "ingest at 1,000/s, p50 (ms)", "baseline: web stack only at 1,000/s, p50 (ms)",
					"ingest p50 at 1,000/s / web stack only p50");
		}
		if (jmh != null && Files.exists(jmh)) {
			out.append("\n## Micro benchmarks (JMH, average time per operation)\n\n")
				.append("| benchmark | parameters | min / median / max over iterations | score ± error |\n|---|---|---|---|\n");
			for (Object result : (List<?>) JsonValues.parse(Files.readString(jmh))) {
				Map<?, ?> benchmark = (Map<?, ?>) result;
				Map<?, ?> metric = (Map<?, ?>) benchmark.get("primaryMetric");
				List<Double> iterations = new ArrayList<>();
				for (Object fork : (List<?>) metric.get("rawData")) {
					for (Object value : (List<?>) fork) {
						iterations.add(((Number) value).doubleValue());
					}
				}
				String name = String.valueOf(benchmark.get("benchmark")).replaceFirst("^io\\.aponorelay\\.(bench\\.micro\\.)?", "");
				out.append("| ").append(name).append(" | ")
					.append((benchmark.get("params") != null) ? benchmark.get("params") : "")
					.append(" | ").append(Stats.spread(iterations, "%.2f")).append(' ').append(metric.get("scoreUnit"))
					.append(" | ").append(String.format("%.2f ± %.2f", ((Number) metric.get("score")).doubleValue(),
							number(metric.get("scoreError"))))
					.append(" |\n");
			}
		}
		return out.toString();
	}

	private static void target(StringBuilder out, Map<String, List<Double>> figures, String figure, String name,
			String required, double limit, boolean atLeast) {
		List<Double> values = figures.getOrDefault(figure, List.of());
		double median = Stats.median(values);
		boolean met = atLeast ? median >= limit : median <= limit;
		out.append("| ").append(name).append(" | ").append(required).append(" | ").append(String.format("%.1f", median))
			.append(" | ").append(values.isEmpty() ? "not measured" : met ? "yes" : "**no**").append(" |\n");
	}

	private static void ratio(StringBuilder out, Map<String, List<Double>> figures, String relay, String baseline,
			String name) {
		double a = Stats.median(figures.getOrDefault(relay, List.of()));
		double b = Stats.median(figures.getOrDefault(baseline, List.of()));
		out.append("- ").append(name).append(": ").append(String.format("%.2f", a / b)).append(" (")
			.append(String.format("%.1f", a)).append(" / ").append(String.format("%.1f", b)).append(")\n");
	}

	private static double number(Object value) {
		return (value instanceof Number number) ? number.doubleValue() : Double.NaN;
	}

}
