package io.aponorelay;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aponorelay.event.JsonValues;

/**
 * A target whose every answer a test decides, that can go down and come back on the same port,
 * and that records what it received and how it answered.
 */
public final class TestTarget {

	private final int port;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private volatile Function<Received, Reply> behaviour = (request) -> Reply.ok();

	private HttpServer server;

	private ExecutorService executor;

	public TestTarget() {
		try (ServerSocket socket = new ServerSocket(0)) {
			this.port = socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + port;
	}

	public synchronized TestTarget start() {
		if (server != null) {
			return this;
		}
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 100);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		executor = Executors.newVirtualThreadPerTaskExecutor();
		server.setExecutor(executor);
		server.createContext("/", this::handle);
		server.start();
		return this;
	}

	public synchronized void stop() {
		if (server != null) {
			server.stop(0);
			executor.shutdownNow();
			server = null;
		}
	}

	public void behave(Function<Received, Reply> behaviour) {
		this.behaviour = behaviour;
	}

	public List<Received> received() {
		return List.copyOf(received);
	}

	/** The requests answered 2xx, in the order they arrived. */
	public List<Received> succeeded() {
		return received.stream().filter((request) -> request.reply().status() / 100 == 2 && !request.reply().reset())
			.toList();
	}

	public void clear() {
		received.clear();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestHeaders().getFirst("X-Event-Key"), body, Instant.now(), null);
		Reply reply = behaviour.apply(request);
		received.add(request.answered(reply));
		try {
			if (!reply.delay().isZero()) {
				Thread.sleep(reply.delay());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (reply.reset()) {
			exchange.close();
			return;
		}
		byte[] answer = reply.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		try {
			exchange.sendResponseHeaders(reply.status(), answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		}
		catch (IOException ex) {
			// the relay gave up waiting
		}
	}

	/**
	 * A request the target received.
	 *
	 * @param method the HTTP method
	 * @param path the path
	 * @param eventKey the {@code X-Event-Key} header
	 * @param body the body
	 * @param at when it arrived
	 * @param reply how the target answered
	 */
	public record Received(String method, String path, String eventKey, String body, Instant at, Reply reply) {

		Received answered(Reply reply) {
			return new Received(method, path, eventKey, body, at, reply);
		}

		@SuppressWarnings("unchecked")
		public Map<String, Object> json() {
			return (Map<String, Object>) JsonValues.parse(body);
		}

	}

	/**
	 * How the target answers one request.
	 *
	 * @param status the status
	 * @param body the body
	 * @param delay how long before answering
	 * @param reset whether to close the connection instead of answering
	 */
	public record Reply(int status, String body, Duration delay, boolean reset) {

		public static Reply ok() {
			return new Reply(200, "{\"success\": true}", Duration.ZERO, false);
		}

		public static Reply status(int status) {
			return new Reply(status, "{\"success\": false}", Duration.ZERO, false);
		}

		public static Reply late(int status, Duration delay) {
			return new Reply(status, "{\"success\": false}", delay, false);
		}

		public static Reply connectionReset() {
			return new Reply(0, "", Duration.ZERO, true);
		}

	}

}
