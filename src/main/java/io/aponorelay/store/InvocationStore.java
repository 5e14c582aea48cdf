package io.aponorelay.store;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import io.aponorelay.event.AponoEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records accepted events and their invocations, hands due invocations to workers under a lease,
 * and records every attempt. The invocation table is the delivery queue.
 */
@Component
public class InvocationStore implements DisposableBean {

	/**
	 * Due and not held by a worker. The lower bound on {@code next_attempt_at} keeps the finished
	 * invocations (NULL there) out of the index range, in H2 too, where NULLs sort first.
	 */
	private static final String DUE = "i.next_attempt_at >= :epoch AND i.next_attempt_at <= :now"
			+ " AND i.status IN ('PENDING', 'RETRYING') AND (i.lease_until IS NULL OR i.lease_until < :now)";

	private static final OffsetDateTime EPOCH = OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);

	/** An invocation waits while an earlier one of the same request to the same webhook is unfinished. */
	private static final String IN_ORDER = "NOT EXISTS (SELECT 1 FROM relay_invocation p WHERE p.webhook = i.webhook"
			+ " AND p.request_id = i.request_id AND p.seq < i.seq AND p.status IN ('PENDING', 'RETRYING'))";

	private static final String CLAIMED = "SELECT i.id, i.webhook, i.event_key, i.kind, i.attempt_count, i.round_attempts,"
			+ " i.round_started, i.lease_owner, e.payload FROM relay_invocation i JOIN relay_event e ON e.event_key = i.event_key";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	/**
	 * Where the writes of the delivery path (accepting, claiming, recording attempts) commit:
	 * together on H2, whose every commit rewrites the pages it touched; each in its own
	 * transaction on PostgreSQL.
	 */
	private final GroupCommit writes;

	/** Whether the database locks the rows a query reads as it reads them (PostgreSQL), or not (H2). */
	private final boolean lockingReads;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private volatile @Nullable Courier courier;

	public InvocationStore(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json,
			ApplicationEventPublisher events, Clock clock) {
		this.lockingReads = isPostgres(dataSource);
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.writes = lockingReads ? GroupCommit.direct(transactions) : GroupCommit.together(transactions);
		this.json = json;
		this.events = events;
		this.clock = clock;
	}

	// The statements of the delivery path bind their values by position: named parameters cost a
	// parameter source and a parsed statement for every call.

	/**
	 * Records an event and one pending invocation per webhook, in one transaction. An event whose
	 * key was recorded before changes nothing and answers the invocations it got then.
	 *
	 * <p>On H2 (one instance), an invocation the {@link #handOffTo courier} has room for is recorded
	 * leased to it and handed over once committed, unless an earlier event of its request to the
	 * same webhook is unfinished; the others wait in the queue.
	 */
	public Acceptance accept(AponoEvent event, List<String> webhooks) {
		String key = event.key();
		String payload = event.toJson();
		Courier courier = lockingReads ? null : this.courier;
		List<String> reserved = (courier != null) ? webhooks.stream().filter(courier::reserve).toList() : List.of();
		List<Accepted> accepted;
		try {
			accepted = writes.write(() -> {
				Instant now = now();
				insertEvent(key, event, payload, now);
				return webhooks.stream().map((webhook) -> {
					Lease lease = (reserved.contains(webhook) && !waitsInOrder(event.requestId(), webhook))
							? new Lease(leaseFor(courier.owner()), now.plus(courier.lease(webhook))) : null;
					String id = insertInvocation(key, event, webhook, "EVENT", lease, now);
					return new Accepted(new Acceptance.Delivery(webhook, id), (lease != null)
							? new ClaimedInvocation(id, webhook, key, "EVENT", 0, 0, now, payload, lease.owner(), event) : null);
				}).toList();
			});
		}
		catch (RuntimeException ex) {
			reserved.forEach((webhook) -> courier.unreserve(webhook, false));
			if (ex instanceof DuplicateKeyException) {
				return new Acceptance(key, true, acceptedBefore(event, key));
			}
			throw ex;
		}
		int queued = 0;
		for (Accepted each : accepted) {
			if (each.handedOver() != null) {
				courier.deliver(each.handedOver());
				continue;
			}
			if (reserved.contains(each.delivery().webhook())) {
				courier.unreserve(each.delivery().webhook(), true);
			}
			queued++;
		}
		if (queued > 0) {
			events.publishEvent(new InvocationsQueued(queued));
		}
		return new Acceptance(key, false, accepted.stream().map(Accepted::delivery).toList());
	}

	/**
	 * Lets a worker take invocations at their acceptance (H2 only: PostgreSQL's instances order a
	 * request's events through their claims).
	 */
	public void handOffTo(@Nullable Courier courier) {
		this.courier = courier;
	}

	private List<Acceptance.Delivery> acceptedBefore(AponoEvent event, String key) {
		return jdbc
			.sql("SELECT webhook, id FROM relay_invocation WHERE "
					+ ((event.requestId() != null) ? "request_id = :requestId" : "request_id IS NULL")
					+ " AND event_key = :key ORDER BY seq")
			.param("requestId", event.requestId())
			.param("key", key)
			.query((rs, row) -> new Acceptance.Delivery(rs.getString("webhook"), rs.getString("id")))
			.list();
	}

	/** Whether an invocation of the request to the webhook is unfinished, so that a new one waits for it. */
	private boolean waitsInOrder(@Nullable String requestId, String webhook) {
		return requestId != null && jdbc
			.sql("SELECT COUNT(*) FROM relay_invocation p WHERE p.request_id = ? AND p.webhook = ?"
					+ " AND p.status IN ('PENDING', 'RETRYING')")
			.params(requestId, webhook)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Records a Test button event and its invocation, already claimed by the caller, who attempts it
	 * at once. Its key is unique, so a test never counts as a duplicate.
	 */
	public ClaimedInvocation acceptTest(AponoEvent event, String webhook, String owner, Duration lease) {
		String key = "test:" + UUID.randomUUID();
		String id = transactions.execute((status) -> {
			Instant now = now();
			insertEvent(key, event, event.toJson(), now);
			return insertInvocation(key, event, webhook, "TEST", new Lease(leaseFor(owner), now.plus(lease)), now);
		});
		return claimed(id).orElseThrow();
	}

	/**
	 * Claims up to {@code limit} due invocations of a webhook for a worker, oldest first, skipping
	 * those other workers are claiming at the same moment.
	 *
	 * <p>PostgreSQL locks the rows it reads ({@code FOR UPDATE SKIP LOCKED}), so instances sharing
	 * it claim different invocations, and all it read are claimed. H2 reads every candidate before
	 * it locks any, tens of milliseconds with a long queue, and has one instance only: there each
	 * read invocation is claimed by an update that holds only while it is still unclaimed.
	 */
	public List<ClaimedInvocation> claimDue(String owner, String webhook, int limit, Duration lease) {
		Instant now = now();
		List<String> ids = writes.write(() -> {
			List<String> due = jdbc
				.sql("SELECT i.id FROM relay_invocation i WHERE i.webhook = :webhook AND " + DUE + " AND " + IN_ORDER
						+ " ORDER BY i.webhook, i.next_attempt_at, i.seq LIMIT :limit"
						+ (lockingReads ? " FOR UPDATE SKIP LOCKED" : ""))
				.param("webhook", webhook)
				.param("epoch", EPOCH)
				.param("now", time(now))
				.param("limit", limit)
				.query(String.class)
				.list();
			String leaseOwner = leaseFor(owner);
			if (lockingReads) {
				if (!due.isEmpty()) {
					jdbc.sql("UPDATE relay_invocation SET lease_owner = :owner, lease_until = :until WHERE id IN (:ids)")
						.param("owner", leaseOwner)
						.param("until", time(now.plus(lease)))
						.param("ids", due)
						.update();
				}
				return due;
			}
			return due.stream().filter((id) -> jdbc
				.sql("UPDATE relay_invocation SET lease_owner = :owner, lease_until = :until WHERE id = :id"
						+ " AND status IN ('PENDING', 'RETRYING') AND (lease_until IS NULL OR lease_until < :now)")
				.param("owner", leaseOwner)
				.param("until", time(now.plus(lease)))
				.param("now", time(now))
				.param("id", id)
				.update() == 1).toList();
		});
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(CLAIMED + " WHERE i.id IN (:ids) ORDER BY i.seq").param("ids", ids).query(this::claimedRow).list();
	}

	/**
	 * Claims one invocation to deliver it again now, whatever its status, and starts a new round of
	 * attempts. Empty when there is no such invocation or another worker holds it.
	 */
	public Optional<ClaimedInvocation> claimForRedelivery(String id, String owner, Duration lease) {
		Instant now = now();
		int claimed = jdbc
			.sql("UPDATE relay_invocation SET lease_owner = :owner, lease_until = :until, status = 'PENDING',"
					+ " next_attempt_at = :now, round_attempts = 0, round_started = :now, updated_at = :now"
					+ " WHERE id = :id AND (lease_until IS NULL OR lease_until < :now)")
			.param("owner", leaseFor(owner))
			.param("until", time(now.plus(lease)))
			.param("now", time(now))
			.param("id", id)
			.update();
		return (claimed == 1) ? claimed(id) : Optional.empty();
	}

	/**
	 * Whether a due invocation of the webhook waits for an unfinished earlier event of its request:
	 * a claim leaves it, and the earlier one's end is to wake a worker for it.
	 */
	public boolean holdsBackDue(String webhook) {
		Instant now = now();
		return jdbc.sql("SELECT COUNT(*) FROM relay_invocation i WHERE i.webhook = :webhook AND " + DUE + " AND NOT "
				+ IN_ORDER)
			.param("webhook", webhook)
			.param("epoch", EPOCH)
			.param("now", time(now))
			.query(Long.class)
			.single() > 0;
	}

	/** Whether an earlier event of the invocation's request to the same webhook is still waiting. */
	public boolean waitsForAnEarlierEvent(String id) {
		return jdbc.sql("SELECT COUNT(*) FROM relay_invocation i WHERE i.id = :id AND NOT " + IN_ORDER)
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Records an attempt and the invocation's new status, and releases the lease. Does nothing when
	 * the claim no longer holds the lease: it ran out and another claim took over.
	 * @return whether the attempt was recorded
	 */
	public boolean complete(ClaimedInvocation invocation, AttemptRecord attempt,
			InvocationStatus status, @Nullable Instant nextAttemptAt) {
		Instant now = now();
		String detail = json.writeValueAsString(AttemptDetail.of(attempt));
		// the attempt is over: its record can wait a moment for another write to commit with
		Boolean recorded = writes.writeSoon(() -> {
			int updated = jdbc
				.sql("UPDATE relay_invocation SET status = ?, attempt_count = attempt_count + 1,"
						+ " round_attempts = round_attempts + 1, next_attempt_at = ?, lease_owner = NULL,"
						+ " lease_until = NULL, last_error = ?, updated_at = ? WHERE id = ? AND lease_owner = ?")
				.params(status.name(), status.finished() ? null : time((nextAttemptAt != null) ? nextAttemptAt : now),
						(attempt.error() != null) ? truncate(attempt.error().message(), 2000) : null, time(now),
						invocation.id(), invocation.lease())
				.update();
			if (updated == 0) {
				return false;
			}
			jdbc.sql("INSERT INTO relay_attempt (invocation_id, attempt_number, started_at, duration_ms, succeeded,"
					+ " error_kind, error_message, response_status, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(invocation.id(), invocation.attemptCount() + 1, time(attempt.startedAt()), attempt.durationMs(),
						attempt.succeeded(), (attempt.error() != null) ? attempt.error().kind().name() : null,
						(attempt.error() != null) ? truncate(attempt.error().message(), 4000) : null,
						(attempt.response() != null) ? attempt.response().status() : null, detail)
				.update();
			return true;
		});
		return Boolean.TRUE.equals(recorded);
	}

	/**
	 * Puts invocations back in the queue for a new round of attempts, for example every
	 * {@code FAILED} one of a webhook after its target was fixed. Skips those a worker holds, and
	 * Test button invocations, which are sent only when someone presses it.
	 * @return how many were requeued
	 */
	public int requeue(@Nullable String webhook, InvocationStatus status) {
		Instant now = now();
		JdbcClient.StatementSpec update = jdbc
			.sql("UPDATE relay_invocation SET status = 'PENDING', next_attempt_at = :now, round_attempts = 0,"
					+ " round_started = :now, updated_at = :now WHERE status = :status AND kind = 'EVENT'"
					+ ((webhook != null) ? " AND webhook = :webhook" : "")
					+ " AND (lease_until IS NULL OR lease_until < :now)")
			.param("now", time(now))
			.param("status", status.name());
		return ((webhook != null) ? update.param("webhook", webhook) : update).update();
	}

	/** How many invocations wait for each webhook that is not configured, for a warning at start. */
	public java.util.Map<String, Long> waitingForUnconfigured(java.util.Collection<String> configured) {
		java.util.Map<String, Long> waiting = new java.util.TreeMap<>();
		String notIn = configured.isEmpty() ? "" : " AND webhook NOT IN (:configured)";
		JdbcClient.StatementSpec query = jdbc.sql("SELECT webhook, COUNT(*) AS waiting FROM relay_invocation"
				+ " WHERE status IN ('PENDING', 'RETRYING')" + notIn + " GROUP BY webhook");
		(configured.isEmpty() ? query : query.param("configured", List.copyOf(configured)))
			.query((rs) -> {
				waiting.put(rs.getString("webhook"), rs.getLong("waiting"));
			});
		return waiting;
	}

	/** How many invocations wait (pending or retrying) per webhook, and since when the oldest. */
	public java.util.Map<String, QueueDepth> queueDepths() {
		java.util.Map<String, QueueDepth> depths = new java.util.HashMap<>();
		jdbc.sql("SELECT webhook, COUNT(*) AS waiting, MIN(created_at) AS oldest FROM relay_invocation"
				+ " WHERE status IN ('PENDING', 'RETRYING') GROUP BY webhook")
			.query((rs) -> {
				depths.put(rs.getString("webhook"), new QueueDepth(rs.getLong("waiting"), instant(rs, "oldest")));
			});
		return depths;
	}

	/** Releases the lease of an invocation that was claimed but not attempted, for example at shutdown. */
	public void release(ClaimedInvocation invocation) {
		jdbc.sql("UPDATE relay_invocation SET lease_owner = NULL, lease_until = NULL WHERE id = :id AND lease_owner = :owner")
			.param("id", invocation.id())
			.param("owner", invocation.lease())
			.update();
	}

	public Optional<InvocationRecord> find(String id) {
		return jdbc.sql("SELECT * FROM relay_invocation WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> record(rs, attempts(id)))
			.optional();
	}

	/** A webhook's newest invocation. */
	public Optional<InvocationSummary> latest(String webhook) {
		return jdbc.sql("SELECT * FROM relay_invocation WHERE webhook = :webhook ORDER BY created_at DESC, seq DESC LIMIT 1")
			.param("webhook", webhook)
			.query((rs, row) -> summary(rs))
			.optional();
	}

	/** Invocations, newest first, optionally of one webhook and one status. */
	public List<InvocationSummary> list(@Nullable String webhook, @Nullable InvocationStatus status, int limit) {
		StringBuilder sql = new StringBuilder("SELECT * FROM relay_invocation WHERE 1 = 1");
		if (webhook != null) {
			sql.append(" AND webhook = :webhook");
		}
		if (status != null) {
			sql.append(" AND status = :status");
		}
		sql.append(" ORDER BY seq DESC LIMIT :limit");
		JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("limit", limit);
		if (webhook != null) {
			statement = statement.param("webhook", webhook);
		}
		if (status != null) {
			statement = statement.param("status", status.name());
		}
		return statement.query((rs, row) -> summary(rs)).list();
	}

	private void insertEvent(String key, AponoEvent event, String payload, Instant now) {
		jdbc.sql("INSERT INTO relay_event (event_key, request_id, trigger_name, received_at, payload) VALUES (?, ?, ?, ?, ?)")
			.params(key, event.requestId(), event.trigger().canonicalName(), time(now), payload)
			.update();
	}

	private String insertInvocation(String key, AponoEvent event, String webhook, String kind, @Nullable Lease lease,
			Instant instant) {
		String id = TimeOrderedIds.next(instant.toEpochMilli()).toString();
		OffsetDateTime now = time(instant);
		jdbc.sql("INSERT INTO relay_invocation (id, event_key, webhook, request_id, trigger_name, kind, status,"
				+ " attempt_count, round_attempts, round_started, next_attempt_at, lease_owner, lease_until,"
				+ " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, 0, ?, ?, ?, ?, ?, ?)")
			.params(id, key, webhook, kind.equals("TEST") ? null : event.requestId(), event.trigger().canonicalName(), kind,
					now, now, (lease != null) ? lease.owner() : null, (lease != null) ? time(lease.until()) : null, now,
					now)
			.update();
		return id;
	}

	private Optional<ClaimedInvocation> claimed(String id) {
		return jdbc.sql(CLAIMED + " WHERE i.id = :id").param("id", id).query(this::claimedRow).optional();
	}

	private ClaimedInvocation claimedRow(ResultSet rs, int row) throws SQLException {
		return new ClaimedInvocation(rs.getString("id"), rs.getString("webhook"), rs.getString("event_key"),
				rs.getString("kind"), rs.getInt("attempt_count"), rs.getInt("round_attempts"), instant(rs, "round_started"),
				rs.getString("payload"), rs.getString("lease_owner"));
	}

	private List<AttemptRecord> attempts(String id) {
		return jdbc.sql("SELECT * FROM relay_attempt WHERE invocation_id = :id ORDER BY attempt_number")
			.param("id", id)
			.query((rs, row) -> json.readValue(rs.getString("detail"), AttemptDetail.class)
				.toRecord(rs.getInt("attempt_number"), instant(rs, "started_at"), rs.getLong("duration_ms"),
						rs.getBoolean("succeeded")))
			.list();
	}

	private static InvocationRecord record(ResultSet rs, List<AttemptRecord> attempts) throws SQLException {
		InvocationStatus status = InvocationStatus.valueOf(rs.getString("status"));
		return new InvocationRecord(rs.getString("id"), rs.getString("webhook"), rs.getString("event_key"),
				rs.getString("trigger_name"), rs.getString("request_id"), rs.getString("kind"), status,
				rs.getInt("attempt_count"), status.finished() ? null : instant(rs, "next_attempt_at"), rs.getString("last_error"),
				instant(rs, "created_at"), instant(rs, "updated_at"), attempts);
	}

	private static InvocationSummary summary(ResultSet rs) throws SQLException {
		return new InvocationSummary(rs.getString("id"), rs.getString("webhook"), rs.getString("event_key"),
				rs.getString("trigger_name"), rs.getString("kind"), InvocationStatus.valueOf(rs.getString("status")),
				rs.getInt("attempt_count"), rs.getString("last_error"), instant(rs, "created_at"),
				instant(rs, "updated_at"));
	}

	/** A lease name: the instance, and a part of this claim's own. */
	private static String leaseFor(String owner) {
		return owner + "#" + UUID.randomUUID().toString().substring(0, 8);
	}

	private Instant now() {
		return clock.instant();
	}

	private static boolean isPostgres(DataSource dataSource) {
		try {
			return "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource,
					DatabaseMetaData::getDatabaseProductName));
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot tell which database the store is", ex);
		}
	}

	private static OffsetDateTime time(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static @Nullable String truncate(@Nullable String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	private record Lease(String owner, Instant until) {
	}

	/** An invocation recorded for an accepted event, and the claim handed to the courier, if it was. */
	private record Accepted(Acceptance.Delivery delivery, @Nullable ClaimedInvocation handedOver) {
	}

	/** The part of an attempt kept as JSON. */
	record AttemptDetail(@Nullable String instance, AttemptRecord.@Nullable AttemptError error, AttemptRecord.@Nullable SentRequest request,
			AttemptRecord.@Nullable ReceivedResponse response, List<AttemptRecord.ValidatorResult> validators) {

		static AttemptDetail of(AttemptRecord attempt) {
			return new AttemptDetail(attempt.instance(), attempt.error(), attempt.request(), attempt.response(),
					attempt.validators());
		}

		AttemptRecord toRecord(int number, Instant startedAt, long durationMs, boolean succeeded) {
			return new AttemptRecord(number, startedAt, durationMs, succeeded, String.valueOf(instance), error, request,
					response,
					(validators != null) ? validators : new ArrayList<>());
		}

	}

	/** Commits the writes still waiting, before the data source closes. */
	@Override
	public void destroy() throws InterruptedException {
		writes.close();
	}

}
