package io.aponorelay.bench.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A target that answers like Logpoint ({@code {"success": true, "message": ...}}) after a set
 * delay, and notes when each event (by its {@code X-Event-Key}) first arrived.
 */
final class StubTarget implements AutoCloseable {

	private static final byte[] ANSWER = "{\"success\": true, \"message\": \"Incidents reopened\"}"
		.getBytes(StandardCharsets.UTF_8);

	private final HttpServer server;

	private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

	private final AtomicLong received = new AtomicLong();

	private volatile long delayMillis;

	StubTarget() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/", this::handle);
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	void delay(long millis) {
		this.delayMillis = millis;
	}

	Map<String, Long> arrivals() {
		return arrivals;
	}

	long received() {
		return received.get();
	}

	void reset() {
		arrivals.clear();
		received.set(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		long now = System.nanoTime();
		exchange.getRequestBody().readAllBytes();
		String key = exchange.getRequestHeaders().getFirst("X-Event-Key");
		if (key != null) {
			arrivals.putIfAbsent(key, now);
		}
		received.incrementAndGet();
		if (delayMillis > 0) {
			try {
				Thread.sleep(delayMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, ANSWER.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(ANSWER);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
