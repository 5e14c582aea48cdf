package io.aponorelay.bench.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;

import io.aponorelay.event.SampleEvent;

/**
 * The load generator: realistic Apono events, each with a request id of its own, posted with the
 * JDK HttpClient, closed-loop (as fast as a set of clients can) or open-loop (at a fixed rate,
 * latency measured from when each request was due, so a slow server cannot hide its queue).
 */
final class Load {

	private static final String TEMPLATE = SampleEvent.json();

	private static final AtomicLong sequence = new AtomicLong();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	/** When each posted event was due, by its key, for end-to-end latency. */
	final Map<String, Long> due = new ConcurrentHashMap<>();

	/** A fresh event and its key. */
	static Event event(String run) {
		String id = run + "-" + sequence.incrementAndGet();
		return new Event(id + ":RequestGranted:1796292000.123456000",
				TEMPLATE.replace("5f0c8f0e-2b1a-4c7e-9a51-3d1e2f4a6b7c", id));
	}

	/** As many requests as {@code clients} clients make in the time, each waiting for its answer. */
	Result closedLoop(String url, int clients, Duration time, LongFunction<Event> events) throws InterruptedException {
		long end = System.nanoTime() + time.toNanos();
		LongAdder accepted = new LongAdder();
		LongAdder failed = new LongAdder();
		List<long[]> latencies = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		long start = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			long[] mine = new long[100_000];
			latencies.add(mine);
			int[] count = { 0 };
			threads.add(Thread.ofVirtual().start(() -> {
				long n = 0;
				while (System.nanoTime() < end) {
					Event event = events.apply(n++);
					long sent = System.nanoTime();
					due.put(event.key(), sent);
					try {
						int status = http.send(post(url, event.body()), HttpResponse.BodyHandlers.discarding()).statusCode();
						if (status / 100 == 2) {
							accepted.increment();
						}
						else {
							failed.increment();
						}
					}
					catch (Exception ex) {
						failed.increment();
					}
					if (count[0] < mine.length) {
						mine[count[0]++] = System.nanoTime() - sent;
					}
				}
				mine[mine.length - 1] = count[0];
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Result(accepted.sum(), failed.sum(), accepted.sum() / seconds, Stats.merge(latencies));
	}

	/** Requests at a fixed rate for the time, whatever the answers; latency from when each was due. */
	Result openLoop(String url, double rate, Duration time, LongFunction<Event> events) throws InterruptedException {
		long count = (long) (rate * time.toSeconds());
		long interval = (long) (1e9 / rate);
		long start = System.nanoTime() + 10_000_000;
		long[] latencies = new long[(int) count];
		LongAdder accepted = new LongAdder();
		LongAdder failed = new LongAdder();
		List<CompletableFuture<?>> pending = new ArrayList<>();
		for (long i = 0; i < count; i++) {
			long dueAt = start + i * interval;
			long wait = dueAt - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			Event event = events.apply(i);
			due.put(event.key(), dueAt);
			int index = (int) i;
			pending.add(http.sendAsync(post(url, event.body()), HttpResponse.BodyHandlers.discarding())
				.handle((response, error) -> {
					latencies[index] = System.nanoTime() - dueAt;
					if (error == null && response.statusCode() / 100 == 2) {
						accepted.increment();
					}
					else {
						failed.increment();
					}
					return null;
				}));
		}
		CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Result(accepted.sum(), failed.sum(), accepted.sum() / seconds, latencies);
	}

	private static HttpRequest post(String url, String body) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	/**
	 * An event to post.
	 *
	 * @param key the key the relay gives it
	 * @param body the JSON
	 */
	record Event(String key, String body) {

	}

	/**
	 * What a load produced.
	 *
	 * @param accepted requests answered 2xx (the relay accepts with 202)
	 * @param failed requests answered otherwise, or not at all
	 * @param perSecond accepted requests per second
	 * @param latencies each request's latency in nanoseconds
	 */
	record Result(long accepted, long failed, double perSecond, long[] latencies) {

	}

}
