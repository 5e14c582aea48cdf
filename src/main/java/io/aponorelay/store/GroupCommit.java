package io.aponorelay.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
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
 * <p>{@link #direct} runs each write in the caller's own transaction instead: for PostgreSQL,
 * which groups the commits that wait together itself, and where each statement is a round trip
 * that one writer thread would make one after another.
 */
final class GroupCommit implements AutoCloseable {

	private static final int MOST_PER_COMMIT = 256;

	private final TransactionTemplate transactions;

	private final BlockingQueue<Write<?>> waiting = new LinkedBlockingQueue<>();

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
		Write<T> write = new Write<>(work);
		if (writer == null || !queue(write)) {
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

	private boolean queue(Write<?> write) {
		synchronized (waiting) {
			if (!closed) {
				waiting.add(write);
			}
			return !closed;
		}
	}

	private void run() {
		List<Write<?>> batch = new ArrayList<>();
		boolean stopped = false;
		while (!stopped) {
			batch.add(take());
			waiting.drainTo(batch, MOST_PER_COMMIT - 1);
			stopped = batch.remove(Write.STOP);
			commit(batch);
			batch.clear();
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

	private Write<?> take() {
		while (true) {
			try {
				return waiting.take();
			}
			catch (InterruptedException ex) {
				// not stopped by interrupts: one would close H2's file under the writes
			}
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

		final Supplier<T> work;

		final CompletableFuture<T> result = new CompletableFuture<>();

		Write(Supplier<T> work) {
			this.work = work;
		}

		@SuppressWarnings("unchecked")
		void complete(@Nullable Object value) {
			result.complete((T) value);
		}

	}

}
