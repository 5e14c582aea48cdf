package io.aponorelay.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** H2's file store, written on every commit as the relay runs it, with and without housekeeping. */
class H2HousekeepingTest {

	@TempDir
	Path directory;

	private final List<JdbcDataSource> opened = new ArrayList<>();

	@AfterEach
	void closeDatabases() {
		opened.forEach((dataSource) -> JdbcClient.create(dataSource).sql("SHUTDOWN IMMEDIATELY").update());
	}

	@Test
	void dropsTheChunksThatEveryCommitLeaves() throws Exception {
		Store without = afterCommits("without", false);
		Store with = afterCommits("with", true);
		// each commit writes a chunk; without housekeeping about a third of them stay, mostly dead
		assertThat(with.chunks()).as("chunks with housekeeping, against %s without", without).isLessThan(without.chunks() / 5);
		assertThat(with.liveInChunks()).as("with, against %s without", without).isGreaterThan(2 * without.liveInChunks());
		assertThat(with.fileBytes()).isLessThan(without.fileBytes());
	}

	@Test
	void findsOnlyAFileStoreThatH2DoesNotKeepItself() {
		assertThat(H2Housekeeping.fileStoreWithoutWriter(h2("file:" + directory.resolve("durable") + ";WRITE_DELAY=0")))
			.isNotNull();
		// with a write delay H2's own background writer compacts
		assertThat(H2Housekeeping.fileStoreWithoutWriter(h2("file:" + directory.resolve("delayed") + ";WRITE_DELAY=500")))
			.isNull();
		assertThat(H2Housekeeping.fileStoreWithoutWriter(h2("mem:housekeeping;DB_CLOSE_DELAY=-1"))).isNull();
	}

	@Test
	void startsOnlyForSuchAStoreAndStops() {
		H2Housekeeping durable = new H2Housekeeping(h2("file:" + directory.resolve("durable") + ";WRITE_DELAY=0"));
		durable.start();
		assertThat(durable.isRunning()).isTrue();
		durable.stop();
		assertThat(durable.isRunning()).isFalse();

		H2Housekeeping memory = new H2Housekeeping(h2("mem:housekeeping-start;DB_CLOSE_DELAY=-1"));
		memory.start();
		assertThat(memory.isRunning()).isFalse();
	}

	/**
	 * Inserts and then updates 2,000 rows of 2 KB, a commit each, as the relay records events and
	 * their attempts at a low rate, then lets the store be idle for a second.
	 */
	private Store afterCommits(String name, boolean housekeeping) throws Exception {
		// chunks are rewritten once older than the retention time: 45 s by default, 100 ms here
		JdbcDataSource dataSource = h2("file:" + directory.resolve(name) + ";WRITE_DELAY=0;RETENTION_TIME=100");
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("CREATE TABLE item (id INT PRIMARY KEY, status VARCHAR(20), payload VARCHAR)").update();
		H2Housekeeping rounds = new H2Housekeeping(dataSource, Duration.ofMillis(50));
		if (housekeeping) {
			rounds.start();
		}
		String payload = "x".repeat(2000);
		for (int i = 0; i < 2000; i++) {
			jdbc.sql("INSERT INTO item VALUES (?, 'PENDING', ?)").params(i, payload).update();
			jdbc.sql("UPDATE item SET status = 'SUCCEEDED' WHERE id = ?").params(i).update();
		}
		Thread.sleep(1000);
		rounds.stop();
		MVStore store = H2Housekeeping.fileStoreWithoutWriter(dataSource);
		return new Store(store.getLayoutMap().keySet().stream().filter((key) -> key.startsWith("chunk.")).count(),
				store.getFileStore().getChunksFillRate(), Files.size(directory.resolve(name + ".mv.db")));
	}

	/** How many chunks the file holds, how much of them is live (percent), and its size. */
	private record Store(long chunks, int liveInChunks, long fileBytes) {
	}

	/** A data source whose database stays open between connections, as the relay's pool keeps it. */
	private JdbcDataSource h2(String url) {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:" + url + (url.contains("DB_CLOSE_DELAY") ? "" : ";DB_CLOSE_DELAY=-1"));
		opened.add(dataSource);
		return dataSource;
	}

}
