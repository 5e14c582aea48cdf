package io.aponorelay.delivery;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.aponorelay.config.DeliveryProperties;
import io.aponorelay.config.RelayProperties;
import io.aponorelay.store.ClaimedInvocation;
import io.aponorelay.store.InvocationStore;
import io.aponorelay.store.InvocationsQueued;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Drains the delivery queue: claims due invocations from the store, as many as it has free
 * slots, and attempts each on a virtual thread. Wakes when an event is accepted, and polls in
 * any case, so deliveries queued by other instances or due for retry are found.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryWorker.class);

	private final InvocationStore store;

	private final Deliverer deliverer;

	private final DeliveryProperties settings;

	private final Semaphore slots;

	private final Semaphore wakeUps = new Semaphore(0);

	private final Duration lease;

	private volatile boolean running;

	private ExecutorService calls;

	private Thread poller;

	DeliveryWorker(InvocationStore store, Deliverer deliverer, RelayProperties relay) {
		this.store = store;
		this.deliverer = deliverer;
		this.settings = relay.delivery();
		this.slots = new Semaphore(settings.concurrency());
		this.lease = deliverer.longestLease();
	}

	@EventListener
	void onQueued(InvocationsQueued queued) {
		wakeUps.release();
	}

	@Override
	public void start() {
		calls = Executors.newVirtualThreadPerTaskExecutor();
		running = true;
		poller = Thread.ofPlatform().name("delivery-poller").daemon().start(this::poll);
	}

	private void poll() {
		while (running) {
			try {
				int free = slots.availablePermits();
				List<ClaimedInvocation> claimed = (free > 0) ? store.claimDue(deliverer.owner(), free, lease) : List.of();
				claimed.forEach(this::submit);
				// woken by an accepted event or a finished call; else the next poll finds retries due
				wakeUps.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
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

	private void submit(ClaimedInvocation invocation) {
		if (!running) {
			store.release(invocation, deliverer.owner());
			return;
		}
		slots.acquireUninterruptibly();
		calls.submit(() -> {
			try {
				deliverer.attempt(invocation);
			}
			catch (RuntimeException ex) {
				logger.error("Attempt of invocation {} to {} failed unexpectedly; it is retried when its lease runs out",
						invocation.id(), invocation.webhook(), ex);
			}
			finally {
				slots.release();
				wakeUps.release();
			}
		});
	}

	@Override
	public void stop() {
		running = false;
		poller.interrupt();
		calls.shutdown();
		try {
			if (!calls.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("Calls still in flight after {}; their leases run out and another instance retries them",
						settings.shutdownGrace());
				calls.shutdownNow();
			}
			poller.join(settings.shutdownGrace().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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
