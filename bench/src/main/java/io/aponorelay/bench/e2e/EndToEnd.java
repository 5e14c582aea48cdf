package io.aponorelay.bench.e2e;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The end-to-end suite: for the H2 store and for PostgreSQL, several runs of a fresh relay
 * process under load from {@link Load}, against {@link StubTarget}; baselines in the same run;
 * the figures, with min/median/max, written to bench/RESULTS.md.
 *
 * <p>Arguments: {@code --runs N} (default 3), {@code --seconds S} per measurement (default 10),
 * {@code --jmh file} (JMH's JSON results to include), {@code --out file}, {@code --stores H2,PostgreSQL}.
 */
public final class EndToEnd {

	private final int runs;

	private final Duration time;

	private final Map<String, Map<String, List<Double>>> figures = new LinkedHashMap<>();

	private EndToEnd(int runs, Duration time) {
		this.runs = runs;
		this.time = time;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		EndToEnd suite = new EndToEnd(Integer.parseInt(options.getOrDefault("runs", "3")),
				Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "10"))));
		Path work = Files.createTempDirectory("relay-bench");
		List<String> stores = List.of(options.getOrDefault("stores", "H2,PostgreSQL").split(","));
		try (StubTarget target = new StubTarget()) {
			if (stores.contains("H2")) {
				suite.measure("H2", target, work, List.of("--spring.datasource.url=jdbc:h2:file:%s"
						+ System.getProperty("bench.h2-options", ";WRITE_DELAY=0")));
			}
			if (stores.contains("PostgreSQL")) {
				suite.measurePostgres(target, work);
			}
		}
		delete(work);
		String report = Report.write(suite.figures, suite.runs, suite.time,
				options.containsKey("jmh") ? Path.of(options.get("jmh")) : null);
		Files.writeString(Path.of(options.getOrDefault("out", "bench/RESULTS.md")), report);
		System.out.println(report);
	}

	private void measurePostgres(StubTarget target, Path work) throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "100").start()) {
			measure("PostgreSQL", target, work, List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--spring.datasource.password="));
		}
	}

	private void measure(String store, StubTarget target, Path work, List<String> storeArguments) throws Exception {
		for (int run = 1; run <= runs; run++) {
			Path directory = Files.createDirectories(work.resolve(store + "-" + run));
			List<String> arguments = storeArguments.stream()
				.map((argument) -> argument.formatted(directory.resolve("relay")))
				.toList();
			target.delay(0);
			target.reset();
			System.out.printf("%s run %d: starting the relay%n", store, run);
			try (RelayUnderTest relay = RelayUnderTest.start(directory, target.url(), arguments)) {
				record(store, "ready after start (s)", relay.startup().toMillis() / 1000.0);
				Thread.sleep(1000);
				record(store, "resident memory after start (MiB)", relay.residentBytes() / 1048576.0);
				runOnce(store, relay, target);
			}
			// an H2 run leaves a store file of one to two GB: a full suite would fill a small disk
			delete(directory);
		}
	}

	private static void delete(Path directory) throws IOException {
		try (java.util.stream.Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	private void runOnce(String store, RelayUnderTest relay, StubTarget target) throws Exception {
		Load load = new Load();
		String ingest = relay.url() + "/ingest/apono";
		String run = UUID.randomUUID().toString().substring(0, 8);
		System.out.println("  warming up");
		load.closedLoop(ingest, 32, Duration.ofSeconds(Long.getLong("bench.warmup", 5)), (n) -> Load.event(run));
		awaitDrained(target, load, Duration.ofSeconds(60));

		System.out.println("  closed loop, maximum ingest");
		long cpuBefore = relay.cpuMillis();
		long ownCpuBefore = ownCpuMillis();
		long wallBefore = System.nanoTime();
		long[] peakResident = { relay.residentBytes() };
		Thread sampler = Thread.ofVirtual().start(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				try {
					peakResident[0] = Math.max(peakResident[0], relay.residentBytes());
					Thread.sleep(250);
				}
				catch (IOException | InterruptedException ex) {
					return;
				}
			}
		});
		Load.Result max = load.closedLoop(ingest, 64, time, (n) -> Load.event(run));
		double loadSeconds = (System.nanoTime() - wallBefore) / 1e9;
		record(store, "cores busy in the relay, closed loop", (relay.cpuMillis() - cpuBefore) / 1000.0 / loadSeconds);
		record(store, "cores busy in the load generator and stub, closed loop",
				(ownCpuMillis() - ownCpuBefore) / 1000.0 / loadSeconds);
		awaitDrained(target, load, Duration.ofSeconds(120));
		long cpu = relay.cpuMillis() - cpuBefore;
		sampler.interrupt();
		record(store, "ingest, closed loop (events/s)", max.perSecond());
		record(store, "ingest failures, closed loop", (double) max.failed());
		record(store, "CPU per 1,000 events, ingest and delivery (ms)", cpu * 1000.0 / Math.max(1, max.accepted()));
		record(store, "resident memory under load (MiB)", peakResident[0] / 1048576.0);

		System.out.println("  open loop, 1,000 events/s");
		Load.Result fixed = load.openLoop(ingest, 1000, time, (n) -> Load.event(run));
		latencies(store, "ingest at 1,000/s", fixed.latencies());
		awaitDrained(target, load, Duration.ofSeconds(60));

		System.out.println("  open loop, 500 events/s, end to end");
		target.reset();
		load.due.clear();
		Load.Result half = load.openLoop(ingest, 500, time, (n) -> Load.event(run));
		awaitDrained(target, load, Duration.ofSeconds(60));
		latencies(store, "ingest at 500/s", half.latencies());
		latencies(store, "end to end at 500/s, 0 ms target", endToEnd(load, target));

		System.out.println("  deliveries to a 50 ms target");
		target.reset();
		target.delay(50);
		load.due.clear();
		long posted = load.closedLoop(ingest, 64, time, (n) -> Load.event(run)).accepted();
		long start = System.nanoTime();
		long firstCount = target.received();
		awaitDrained(target, load, Duration.ofSeconds(180));
		double drainSeconds = (System.nanoTime() - start) / 1e9;
		Map<String, Long> arrivals = target.arrivals();
		record(store, "deliveries/s, 50 ms target", deliveryRate(arrivals));
		target.delay(0);
		if (posted != arrivals.size()) {
			System.out.printf("  %d posted, %d delivered (%d before the drain, %.1f s to drain)%n", posted,
					arrivals.size(), firstCount, drainSeconds);
		}

		System.out.println("  baselines");
		Load.Result baseline = load.closedLoop(relay.url() + "/bench/baseline", 64, time, (n) -> Load.event(run));
		record(store, "baseline: web stack only, closed loop (requests/s)", baseline.perSecond());
		latencies(store, "baseline: web stack only at 1,000/s",
				load.openLoop(relay.url() + "/bench/baseline", 1000, time, (n) -> Load.event(run)).latencies());
		Load.Result stub = load.closedLoop(target.url() + "/stub", 64, time, (n) -> Load.event(run));
		record(store, "baseline: stub target, closed loop (requests/s)", stub.perSecond());
		target.reset();
	}

	/** Waits until the target has every event the load posted. */
	private static void awaitDrained(StubTarget target, Load load, Duration limit) throws InterruptedException {
		long end = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < end) {
			if (load.due.keySet().stream().allMatch(target.arrivals()::containsKey)) {
				return;
			}
			Thread.sleep(100);
		}
		System.out.println("  not drained within " + limit);
	}

	private static long[] endToEnd(Load load, StubTarget target) {
		return load.due.entrySet()
			.stream()
			.filter((entry) -> target.arrivals().containsKey(entry.getKey()))
			.mapToLong((entry) -> target.arrivals().get(entry.getKey()) - entry.getValue())
			.toArray();
	}

	/** Deliveries per second between the 10th and the 90th percentile of arrivals. */
	private static double deliveryRate(Map<String, Long> arrivals) {
		long[] times = arrivals.values().stream().mapToLong(Long::longValue).sorted().toArray();
		if (times.length < 10) {
			return 0;
		}
		int from = times.length / 10;
		int to = times.length * 9 / 10;
		return (to - from) / ((times[to] - times[from]) / 1e9);
	}

	private void latencies(String store, String name, long[] nanos) {
		record(store, name + ", p50 (ms)", Stats.percentileMillis(nanos, 50));
		record(store, name + ", p99 (ms)", Stats.percentileMillis(nanos, 99));
		record(store, name + ", p99.9 (ms)", Stats.percentileMillis(nanos, 99.9));
	}

	private void record(String store, String figure, double value) {
		figures.computeIfAbsent(store, (key) -> new LinkedHashMap<>()).computeIfAbsent(figure, (key) -> new ArrayList<>())
			.add(value);
		System.out.printf("  %s: %.2f%n", figure, value);
	}

	private static long ownCpuMillis() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1_000_000;
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		return options;
	}

	static String machine() throws IOException {
		String model = Files.readAllLines(Path.of("/proc/cpuinfo"))
			.stream()
			.filter((line) -> line.startsWith("model name"))
			.findFirst()
			.map((line) -> line.substring(line.indexOf(':') + 1).strip())
			.orElse("unknown CPU");
		long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getTotalMemorySize();
		return Runtime.getRuntime().availableProcessors() + " cores (" + model + "), "
				+ Math.round(memory / 1073741824.0) + " GiB; " + System.getProperty("java.vm.name") + " "
				+ System.getProperty("java.version") + "; " + ZonedDateTime.now().withNano(0);
	}

}
