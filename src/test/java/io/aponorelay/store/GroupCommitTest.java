package io.aponorelay.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Group commit against a real H2 file store, as the relay runs it. */
class GroupCommitTest {

	@TempDir
	Path directory;

	private JdbcClient jdbc;

	private JdbcDataSource dataSource;

	private final AtomicInteger transactions = new AtomicInteger();

	private GroupCommit writes;

	private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

	@BeforeEach
	void openStore() {
		dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:file:" + directory.resolve("store") + ";WRITE_DELAY=0");
		jdbc = JdbcClient.create(dataSource);
		jdbc.sql("CREATE TABLE item (name VARCHAR(50) PRIMARY KEY)").update();
		TransactionTemplate counting = new TransactionTemplate(new DataSourceTransactionManager(dataSource)) {

			@Override
			public <T> T execute(TransactionCallback<T> action) {
				transactions.incrementAndGet();
				return super.execute(action);
			}

		};
		writes = GroupCommit.together(counting);
	}

	@AfterEach
	void close() throws InterruptedException {
		writes.close();
		callers.shutdownNow();
	}

	@Test
	void writesWaitingTogetherCommitInOneTransaction() throws Exception {
		CountDownLatch othersQueued = new CountDownLatch(1);
		Future<Integer> first = insertOnceReleased("first", othersQueued);
		List<Future<Integer>> others = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String name = "item-" + i;
			others.add(callers.submit(() -> writes.write(() -> insert(name))));
		}
		Thread.sleep(200);
		othersQueued.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isOne();
		for (Future<Integer> other : others) {
			assertThat(other.get(10, TimeUnit.SECONDS)).isOne();
		}
		assertThat(count()).isEqualTo(51);
		assertThat(transactions.get()).as("transactions for 51 writes").isLessThanOrEqualTo(3);
	}

	@Test
	void aFailingWriteFailsAloneAndTheOthersCommit() throws Exception {
		writes.write(() -> insert("taken"));
		CountDownLatch othersQueued = new CountDownLatch(1);
		Future<Integer> first = insertOnceReleased("a", othersQueued);
		Future<Integer> duplicate = callers.submit(() -> writes.write(() -> insert("taken")));
		Future<Integer> last = callers.submit(() -> writes.write(() -> insert("b")));
		Thread.sleep(200);
		othersQueued.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isOne();
		assertThat(last.get(10, TimeUnit.SECONDS)).isOne();
		assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
			.isThrownBy(() -> duplicate.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(DuplicateKeyException.class);
		assertThat(jdbc.sql("SELECT name FROM item ORDER BY name").query(String.class).list())
			.containsExactly("a", "b", "taken");
	}

	@Test
	void aWriteThatCanWaitCommitsWithTheNextThatCannot() throws Exception {
		CountDownLatch blocking = new CountDownLatch(1);
		Future<Integer> first = insertOnceReleased("first", blocking);
		Thread.sleep(100);
		Future<Integer> soon = callers.submit(() -> writes.writeSoon(() -> insert("soon")));
		Future<Integer> next = callers.submit(() -> writes.write(() -> insert("next")));
		Thread.sleep(100);
		int before = transactions.get();
		blocking.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isOne();
		assertThat(soon.get(10, TimeUnit.SECONDS)).isOne();
		assertThat(next.get(10, TimeUnit.SECONDS)).isOne();
		assertThat(transactions.get() - before).as("one more transaction, for both").isOne();
		assertThat(count()).isEqualTo(3);
	}

	@Test
	void aWriteThatCanWaitCommitsAloneWhenNothingElseComes() {
		long start = System.nanoTime();
		assertThat(writes.writeSoon(() -> insert("alone"))).isOne();
		assertThat(count()).as("committed when it returns").isOne();
		assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).as("it waited, but not for long")
			.isGreaterThanOrEqualTo(GroupCommit.DEFERRAL)
			.isLessThan(java.time.Duration.ofSeconds(5));
	}

	@Test
	void closingCommitsTheWritesThatCouldWait() throws Exception {
		CountDownLatch blocking = new CountDownLatch(1);
		Future<Integer> first = insertOnceReleased("first", blocking);
		Thread.sleep(100);
		List<Future<Integer>> soon = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			String name = "soon-" + i;
			soon.add(callers.submit(() -> writes.writeSoon(() -> insert(name))));
		}
		Thread.sleep(200);
		Future<?> closing = callers.submit(() -> {
			writes.close();
			return null;
		});
		blocking.countDown();
		closing.get(10, TimeUnit.SECONDS);
		assertThat(first.get(10, TimeUnit.SECONDS)).isOne();
		for (Future<Integer> each : soon) {
			assertThat(each.get(10, TimeUnit.SECONDS)).isOne();
		}
		assertThat(count()).isEqualTo(301);
	}

	@Test
	void aWriteIsCommittedWhenItReturns() {
		writes.write(() -> insert("durable"));
		assertThat(count()).as("seen from another connection").isOne();
	}

	@Test
	void afterClosingWritesRunInTransactionsOfTheirOwn() throws InterruptedException {
		writes.close();
		assertThat(writes.write(() -> insert("late"))).isOne();
		assertThat(count()).isOne();
	}

	@Test
	void directWritesRunInTheCallersTransaction() throws InterruptedException {
		GroupCommit direct = GroupCommit.direct(new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
		String caller = Thread.currentThread().getName();
		assertThat(direct.write(() -> Thread.currentThread().getName())).isEqualTo(caller);
		assertThat(direct.write(() -> insert("direct"))).isOne();
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> direct.write(() -> insert("direct")));
		direct.close();
		assertThat(count()).isOne();
	}

	@Test
	void directWritesRunInParallel() throws Exception {
		GroupCommit direct = GroupCommit.direct(new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
		CountDownLatch bothInside = new CountDownLatch(2);
		List<Future<Boolean>> calls = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			calls.add(callers.submit(() -> direct.write(() -> {
				bothInside.countDown();
				try {
					return bothInside.await(5, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
			})));
		}
		for (Future<Boolean> call : calls) {
			assertThat(call.get(10, TimeUnit.SECONDS)).as("both writes ran at the same time").isTrue();
		}
	}

	/** Inserts a row in a write that holds the writer until released. */
	private Future<Integer> insertOnceReleased(String name, CountDownLatch release) {
		return callers.submit(() -> writes.write(() -> {
			await(release);
			return insert(name);
		}));
	}

	private int insert(String name) {
		return jdbc.sql("INSERT INTO item (name) VALUES (:name)").param("name", name).update();
	}

	private long count() {
		return jdbc.sql("SELECT COUNT(*) FROM item").query(Long.class).single();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
