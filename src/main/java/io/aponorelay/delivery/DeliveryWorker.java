package io.aponorelay.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.aponorelay.config.DeliveryProperties;
import io.aponorelay.config.RelayProperties;
import io.aponorelay.store.ClaimedInvocation;
import io.aponorelay.store.Courier;
import io.aponorelay.store.InvocationStore;
import io.aponorelay.store.InvocationsQueued;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Drains the delivery queue: for each webhook whose gate has room, claims its due invocations from
 * the store and attempts each on a virtual thread. Wakes when an event is accepted or a call
 * finishes, and polls in any case, so that retries falling due and deliveries queued by other
 * instances are found.
 *
 * <p>It is also the store's {@link Courier}: an accepted invocation it has room for at once, and
 * whose webhook has nothing due waiting before it, is handed over without a claim.
 */
@Component
class DeliveryWorker implements SmartLifecycle, Courier {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryWorker.class);

	/**
	 * How long a busy worker lets wake-ups gather before it claims again, so that one claim takes
	 * the room many finished calls made instead of one claim (and one query) per call.
	 */
	private static final Duration GATHER = Duration.ofMillis(2);

	private final InvocationStore store;

	private final Deliverer deliverer;

	private final WebhookGates gates;

	private final DeliveryProperties settings;

	private final Semaphore slots;

	private final Semaphore wakeUps = new Semaphore(0);

	private final Map<String, ClaimedInvocation> inFlight = new ConcurrentHashMap<>();

	/**
	 * The webhooks whose queue may hold due invocations no claim has taken yet: their new
	 * invocations are not handed over, so as not to overtake those. Unknown at start; cleared when
	 * a claim finds fewer due than it had room for.
	 */
	private final Set<String> backlog = ConcurrentHashMap.newKeySet();

	private volatile boolean running;

	private ExecutorService calls;

	private Thread poller;

	DeliveryWorker(InvocationStore store, Deliverer deliverer, WebhookGates gates, RelayProperties relay) {
		this.store = store;
		this.deliverer = deliverer;
		this.gates = gates;
		this.settings = relay.delivery();
		this.slots = new Semaphore(settings.concurrency());
	}

	@EventListener
	void onQueued(InvocationsQueued queued) {
		gates.webhooks().forEach(backlog::add);
		wakeUps.release();
	}

	@Override
	public void start() {
		List<String> configured = new java.util.ArrayList<>();
		gates.webhooks().forEach(configured::add);
		store.waitingForUnconfigured(configured)
			.forEach((webhook, waiting) -> logger.warn("{} deliveries wait for webhook '{}', which this instance does not "
					+ "have configured; another instance with it delivers them, or they wait until it is configured again",
					waiting, webhook));
		calls = Executors.newVirtualThreadPerTaskExecutor();
		configured.forEach(backlog::add);
		running = true;
		poller = Thread.ofPlatform().name("delivery-poller").daemon().start(this::poll);
		store.handOffTo(this);
	}

	@Override
	public boolean reserve(String webhook) {
		if (!running || backlog.contains(webhook)) {
			return false;
		}
		if (takeRoom(webhook)) {
			return true;
		}
		backlog.add(webhook);
		return false;
	}

	/**
	 * Takes a slot and room in the webhook's gate for one call, or neither. Requests handing events
	 * over take room too, so it is taken one call at a time.
	 */
	private boolean takeRoom(String webhook) {
		if (slots.tryAcquire()) {
			if (gates.tryStart(webhook)) {
				return true;
			}
			slots.release();
		}
		return false;
	}

	@Override
	public void unreserve(String webhook, boolean queued) {
		if (queued) {
			backlog.add(webhook);
		}
		gates.finished(webhook);
		slots.release();
	}

	@Override
	public void deliver(ClaimedInvocation invocation) {
		start(invocation);
	}

	/** Attempts an invocation that holds a slot and its gate's room. */
	private void start(ClaimedInvocation invocation) {
		inFlight.put(invocation.id(), invocation);
		try {
			calls.submit(() -> attempt(invocation));
		}
		catch (RejectedExecutionException ex) {
			// stopping: another instance, or this one restarted, attempts it
			inFlight.remove(invocation.id());
			store.release(invocation);
			unreserve(invocation.webhook(), true);
		}
	}

	@Override
	public String owner() {
		return deliverer.owner();
	}

	@Override
	public Duration lease(String webhook) {
		return deliverer.lease(webhook);
	}

	private void poll() {
		while (running) {
			try {
				int claimed = 0;
				for (String webhook : gates.webhooks()) {
					claimed += claim(webhook);
				}
				// woken by an accepted event or a finished call; else the next poll finds retries due
				wakeUps.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
				if (claimed > 0) {
					Thread.sleep(GATHER);
				}
				wakeUps.drainPermits();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				logger.error("Claiming due deliveries failed; trying again in {}", settings.pollInterval(), ex);
				sleep(settings.pollInterval());
			}
		}
	}

	/** Claims what the webhook's gate and the free slots have room for; answers how many. */
	private int claim(String webhook) {
		int permits = Math.min(gates.permits(webhook), slots.availablePermits());
		if (permits <= 0 || !running) {
			return 0;
		}
		int started = 0;
		List<ClaimedInvocation> claimed = store.claimDue(deliverer.owner(), webhook, permits, deliverer.lease(webhook));
		if (claimed.size() < permits && !store.holdsBackDue(webhook)) {
			// nothing more is due, nor waits for an earlier event: new invocations may be handed over
			backlog.remove(webhook);
		}
		for (ClaimedInvocation invocation : claimed) {
			if (!running || !takeRoom(webhook)) {
				store.release(invocation);
				backlog.add(webhook);
				continue;
			}
			start(invocation);
			started++;
		}
		return started;
	}

	private void attempt(ClaimedInvocation invocation) {
		try {
			deliverer.attempt(invocation);
		}
		catch (RuntimeException ex) {
			logger.error("Attempt of invocation {} to {} failed unexpectedly; it is retried when its lease runs out",
					invocation.id(), invocation.webhook(), ex);
		}
		finally {
			inFlight.remove(invocation.id());
			gates.finished(invocation.webhook());
			slots.release();
			if (backlog.stream().anyMatch((webhook) -> gates.permits(webhook) > 0)) {
				// room for one of those waiting (the slots are shared by all webhooks); with none
				// waiting, or only behind an open circuit, the next poll finds what fell due
				wakeUps.release();
			}
		}
	}

	/**
	 * Stops claiming, lets calls in flight finish within {@code shutdown-grace}, and releases the
	 * leases of those that did not, so another instance (or this one, restarted) takes them over at
	 * once; an attempt that finishes after its release records nothing. Calls are never
	 * interrupted: an interrupt would close the store's file under the other calls.
	 */
	@Override
	public void stop() {
		running = false;
		store.handOffTo(null);
		long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
		poller.interrupt();
		try {
			poller.join(Math.max(1, remainingMillis(deadline)));
			calls.shutdown();
			if (!calls.awaitTermination(remainingMillis(deadline), TimeUnit.MILLISECONDS)) {
				logger.warn("{} calls still in flight after {}; releasing them for another attempt", inFlight.size(),
						settings.shutdownGrace());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		inFlight.values().forEach(store::release);
	}

	private static long remainingMillis(long deadline) {
		return Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
