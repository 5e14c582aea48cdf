package io.aponorelay.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits writes from many threads together. One writer thread takes every write waiting and runs
 * them in one transaction, so a store that writes its file on each commit (H2 with
 * {@code WRITE_DELAY=0}) writes once for many events instead of once for each. A caller returns
 * when the commit holding its write is done, as it would with a transaction of its own; a write
 * waits only while the commit before it runs, never for a timer.
 *
 * <p>When a shared transaction fails, it is rolled back and each of its writes runs again in a
 * transaction of its own, so one write's error (a duplicate key) is that write's alone.
 *
 * <p>A write that can wait a little ({@link #writeSoon}, the record of an attempt) does not start a
 * commit of its own: it rides along with the next write that does, or commits after
 * {@link #DEFERRAL} at the latest. At moderate rates, where most commits held one write, this
 * halves the commits (each rewrites the chunk's pages and its metadata).
 *
 * <p>{@link #direct} runs each write in the caller's own transaction instead: for PostgreSQL,
 * which groups the commits that wait together itself, and where each statement is a round trip
 * that one writer thread would make one after another.
 */
final class GroupCommit implements AutoCloseable {

	private static final int MOST_PER_COMMIT = 256;

	/** How long a write that can wait waits for another to commit with. */
	static final Duration DEFERRAL = Duration.ofMillis(2);

	private final TransactionTemplate transactions;

	private final BlockingQueue<Write<?>> waiting = new LinkedBlockingQueue<>();

	/** Writes that can wait, oldest first; they start no commit before {@link #DEFERRAL}. */
	private final Queue<Write<?>> deferred = new ConcurrentLinkedQueue<>();

	private final @Nullable Thread writer;

	private boolean closed;

	private GroupCommit(TransactionTemplate transactions, boolean together) {
		this.transactions = transactions;
		this.writer = together ? Thread.ofPlatform().name("store-group-commit").daemon().start(this::run) : null;
	}

	/** Writes committed together by one writer thread. */
	static GroupCommit together(TransactionTemplate transactions) {
		return new GroupCommit(transactions, true);
	}

	/** Each write in a transaction of its own, on the caller's thread. */
	static GroupCommit direct(TransactionTemplate transactions) {
		return new GroupCommit(transactions, false);
	}

	/**
	 * Runs a write inside a transaction and answers its result once that transaction committed.
	 * The write may run twice (the second time alone, after a shared transaction failed), so it
	 * must not act outside the store.
	 */
	<T> T write(Supplier<T> work) {
		return write(work, false);
	}

	/**
	 * Like {@link #write}, for a write whose caller can wait up to {@link #DEFERRAL} longer: it
	 * commits with the next write that cannot, or alone once that time is up.
	 */
	<T> T writeSoon(Supplier<T> work) {
		return write(work, true);
	}

	private <T> T write(Supplier<T> work, boolean soon) {
		Write<T> write = new Write<>(work);
		if (writer == null || !queue(write, soon)) {
			// direct, or the writer has stopped: a transaction of its own
			return transactions.execute((status) -> work.get());
		}
		try {
			return write.result.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private boolean queue(Write<?> write, boolean soon) {
		synchronized (waiting) {
			if (!closed) {
				if (!soon) {
					waiting.add(write);
				}
				else if (deferred.add(write) && deferred.peek() == write) {
					// the writer may be waiting for a write that cannot wait: it is to time this one
					waiting.add(Write.WAKE);
				}
			}
			return !closed;
		}
	}

	private void run() {
		List<Write<?>> batch = new ArrayList<>();
		boolean stopped = false;
		while (!stopped) {
			Write<?> first = next();
			if (first != null) {
				batch.add(first);
				waiting.drainTo(batch, MOST_PER_COMMIT - 1);
			}
			addDeferred(batch);
			stopped = batch.remove(Write.STOP);
			batch.removeIf((write) -> write == Write.WAKE);
			commit(batch);
			batch.clear();
		}
		// closed: what can wait cannot any longer
		while (!deferred.isEmpty()) {
			addDeferred(batch);
			commit(batch);
			batch.clear();
		}
	}

	/** Adds the writes that can wait to a batch, oldest first, as far as it has room. */
	private void addDeferred(List<Write<?>> batch) {
		while (batch.size() < MOST_PER_COMMIT && !deferred.isEmpty()) {
			batch.add(deferred.poll());
		}
	}

	/**
	 * The next write that starts a commit: one that cannot wait, or none once the oldest write
	 * that can has waited {@link #DEFERRAL}.
	 */
	private @Nullable Write<?> next() {
		while (true) {
			try {
				Write<?> oldest = deferred.peek();
				long left = (oldest != null) ? oldest.queued + DEFERRAL.toNanos() - System.nanoTime() : 0;
				Write<?> next = (oldest == null) ? waiting.take()
						: (left > 0) ? waiting.poll(left, TimeUnit.NANOSECONDS) : waiting.poll();
				if (next != Write.WAKE) {
					return next;
				}
			}
			catch (InterruptedException ex) {
				// not stopped by interrupts: one would close H2's file under the writes
			}
		}
	}

	private void commit(List<Write<?>> batch) {
		if (batch.size() <= 1) {
			batch.forEach(this::alone);
			return;
		}
		List<Object> results = new ArrayList<>(batch.size());
		try {
			transactions.executeWithoutResult((status) -> {
				for (Write<?> write : batch) {
					results.add(write.work.get());
				}
			});
		}
		catch (RuntimeException ex) {
			batch.forEach(this::alone);
			return;
		}
		catch (Error ex) {
			batch.forEach((write) -> write.result.completeExceptionally(ex));
			return;
		}
		for (int i = 0; i < batch.size(); i++) {
			batch.get(i).complete(results.get(i));
		}
	}

	private void alone(Write<?> write) {
		try {
			write.complete(transactions.execute((status) -> write.work.get()));
		}
		catch (RuntimeException | Error ex) {
			write.result.completeExceptionally(ex);
		}
	}

	/** Commits the writes already waiting; writes after this run in transactions of their own. */
	@Override
	public void close() throws InterruptedException {
		if (writer == null) {
			return;
		}
		synchronized (waiting) {
			closed = true;
			waiting.add(Write.STOP);
		}
		writer.join();
	}

	private static final class Write<T> {

		static final Write<Object> STOP = new Write<>(() -> null);

		/** Wakes the writer to time a write that can wait. */
		static final Write<Object> WAKE = new Write<>(() -> null);

		final Supplier<T> work;

		final CompletableFuture<T> result = new CompletableFuture<>();

		final long queued = System.nanoTime();

		Write(Supplier<T> work) {
			this.work = work;
		}

		@SuppressWarnings("unchecked")
		void complete(@Nullable Object value) {
			result.complete((T) value);
		}

	}

}
