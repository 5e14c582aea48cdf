package io.aponorelay.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps an H2 file store from growing without end.
 *
 * <p>Each H2 commit writes a chunk to the file, and a chunk's space is reused only once no page
 * in it is live; its metadata stays on the heap until then. H2's background writer rewrites the
 * live pages of sparse chunks so that they empty, but with {@code WRITE_DELAY=0} (each commit
 * written before it is answered, the relay's default) H2 runs no background writer at all. Without
 * this, 100,000 events with one commit each grew a file to 8 GB, with 150,000 chunks (19 MB of
 * heap for their metadata alone) that would only ever grow.
 *
 * <p>So, where H2 does not itself, this does what its writer would: it rewrites the live pages of
 * the sparsest chunks older than H2's retention time (45 s by default), {@link #WRITE_LIMIT} per
 * round, and commits, which drops the chunks left empty. Rounds come a second apart while the
 * relay writes (each holds the store's lock for a moment), and {@link #BUSY_PAUSE} apart while it
 * is idle and there is work left. Elsewhere (PostgreSQL, an in-memory or a remote H2, or a
 * {@code WRITE_DELAY} above 0) it does nothing.
 */
@Component
class H2Housekeeping implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(H2Housekeeping.class);

	/**
	 * Rounds rewrite while less than this share (percent) of the chunks' space is live, H2's own
	 * default; each picks the sparsest chunks first.
	 */
	static final int FILL_RATE = 90;

	/** At most this much rewritten per round, so that a round holds the store briefly. */
	static final int WRITE_LIMIT = 1024 * 1024;

	/** The pause after a round that rewrote something while nothing else committed. */
	private static final Duration BUSY_PAUSE = Duration.ofMillis(10);

	private final DataSource dataSource;

	private final Duration interval;

	private final Object pause = new Object();

	private volatile @Nullable Thread rounds;

	@Autowired
	H2Housekeeping(DataSource dataSource) {
		this(dataSource, Duration.ofSeconds(1));
	}

	H2Housekeeping(DataSource dataSource, Duration interval) {
		this.dataSource = dataSource;
		this.interval = interval;
	}

	@Override
	public void start() {
		MVStore store = fileStoreWithoutWriter(dataSource);
		if (store != null) {
			Thread rounds = Thread.ofPlatform().name("store-housekeeping").daemon().unstarted(() -> run(store));
			this.rounds = rounds;
			rounds.start();
		}
	}

	private void run(MVStore store) {
		long lastRound = -1;
		// a store H2 closed (at a failure) is not opened again here: that would race a shutdown
		while (rounds == Thread.currentThread() && !store.isClosed()) {
			// a round holds the store's lock, so rounds follow each other soon only while nothing
			// else commits: under load one a second, then the backlog at once when it is over
			boolean idle = store.getCurrentVersion() == lastRound;
			boolean rewrote = round(store);
			lastRound = store.getCurrentVersion();
			Duration next = (rewrote && idle) ? BUSY_PAUSE : interval;
			synchronized (pause) {
				try {
					if (rounds == Thread.currentThread()) {
						pause.wait(next.toMillis());
					}
				}
				catch (InterruptedException ex) {
					// not stopped by interrupts: one would close H2's file under the writes
				}
			}
		}
	}

	/**
	 * One round, as H2's own writer does it: rewrites what it may of the sparsest old chunks, then
	 * commits, which writes the rewritten pages and drops the chunks left empty, under the store's
	 * lock (and not at all while a commit holds it).
	 * @return whether it rewrote any, so that more may be waiting
	 */
	static boolean round(MVStore store) {
		try {
			if (store.isClosed()) {
				return false;
			}
			boolean rewrote = store.compact(FILL_RATE, WRITE_LIMIT);
			store.tryCommit();
			return rewrote;
		}
		catch (RuntimeException ex) {
			if (!store.isClosed()) {
				logger.warn("Could not compact the H2 store; its file may grow until the next round", ex);
			}
			return false;
		}
	}

	@Override
	public void stop() {
		Thread rounds = this.rounds;
		this.rounds = null;
		if (rounds != null) {
			synchronized (pause) {
				pause.notifyAll();
			}
			try {
				rounds.join(Duration.ofSeconds(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return rounds != null;
	}

	/**
	 * The H2 store behind the data source when it is a file in this process that H2 writes on every
	 * commit, with no background writer of its own; otherwise null.
	 */
	static @Nullable MVStore fileStoreWithoutWriter(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			if (!connection.isWrapperFor(JdbcConnection.class)
					|| !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
				return null;
			}
			MVStore store = session.getDatabase().getStore().getMvStore();
			return (store.getFileStore() != null && !store.isReadOnly() && store.getAutoCommitDelay() == 0) ? store : null;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot reach the store", ex);
		}
	}

}
