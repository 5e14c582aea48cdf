package io.aponorelay.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.aponorelay.config.RelayProperties;
import io.aponorelay.config.Secrets;
import io.aponorelay.config.WebhookProperties;
import io.aponorelay.event.AponoEvent;
import io.aponorelay.event.EventParser;
import io.aponorelay.store.AttemptRecord;
import io.aponorelay.store.AttemptRecord.AttemptError;
import io.aponorelay.store.AttemptRecord.ReceivedResponse;
import io.aponorelay.store.AttemptRecord.SentRequest;
import io.aponorelay.store.AttemptRecord.ValidatorResult;
import io.aponorelay.store.ClaimedInvocation;
import io.aponorelay.store.ErrorKind;
import io.aponorelay.store.InvocationRecord;
import io.aponorelay.store.InvocationStatus;
import io.aponorelay.store.InvocationStore;
import io.aponorelay.store.InvocationsQueued;
import io.aponorelay.template.RenderedRequest;
import io.aponorelay.template.RequestTemplates;
import io.aponorelay.template.TemplateException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Makes one attempt of an invocation: renders the request, calls the target, validates the
 * response, and records the attempt with the invocation's new status. Also the Test button and
 * redelivery, which attempt at once.
 */
@Component
public class Deliverer {

	private static final Logger logger = LoggerFactory.getLogger(Deliverer.class);

	private final Map<String, WebhookProperties> webhooks;

	private final TargetClients clients;

	private final List<ResponseAdvisor> advisors;

	private final DeliveryMetrics metrics;

	private final RequestTemplates templates;

	private final ResponseValidators validators;

	private final InvocationStore store;

	private final EventParser parser;

	private final Secrets secrets;

	private final Clock clock;

	private final String owner;

	private final WebhookGates gates;

	private final Duration leaseMargin;

	private final ApplicationEventPublisher queued;

	Deliverer(RelayProperties relay, RequestTemplates templates, ResponseValidators validators, InvocationStore store,
			EventParser parser, Secrets secrets, Clock clock, WorkerIdentity identity, WebhookGates gates,
			ApplicationEventPublisher queued, TargetClients clients, List<ResponseAdvisor> advisors,
			DeliveryMetrics metrics) {
		this.webhooks = relay.webhooks()
			.stream()
			.collect(Collectors.toMap((webhook) -> String.valueOf(webhook.name()), Function.identity(), (a, b) -> a,
					LinkedHashMap::new));
		this.templates = templates;
		this.validators = validators;
		this.store = store;
		this.parser = parser;
		this.secrets = secrets;
		this.clock = clock;
		this.owner = identity.id();
		this.gates = gates;
		this.leaseMargin = relay.delivery().leaseMargin();
		this.queued = queued;
		this.clients = clients;
		this.advisors = advisors;
		this.metrics = metrics;
	}

	/**
	 * Sends an event through a webhook now, ignoring its triggers and filters, and answers the
	 * recorded invocation, whether the target took it or not.
	 * @return the invocation after the attempt, or empty when there is no such webhook
	 */
	public Optional<InvocationRecord> test(String webhook, AponoEvent event) {
		if (!webhooks.containsKey(webhook)) {
			return Optional.empty();
		}
		ClaimedInvocation claimed = store.acceptTest(event, webhook, owner, lease(webhook));
		attemptNow(claimed);
		return store.find(claimed.id());
	}

	/**
	 * Delivers an invocation again now, whatever its status, starting a new round of retries.
	 * @return the invocation after the attempt, or empty when there is none with that id
	 * @throws InvocationBusyException when a worker is delivering it at this moment
	 */
	public Optional<InvocationRecord> redeliver(String id) {
		Optional<InvocationRecord> existing = store.find(id);
		if (existing.isEmpty()) {
			return existing;
		}
		if (store.waitsForAnEarlierEvent(id)) {
			throw new InvocationBusyException(id + " waits for an earlier event of the same request to the same webhook,"
					+ " which is still pending or retrying; events of one request are delivered in order");
		}
		ClaimedInvocation claimed = store.claimForRedelivery(id, owner, lease(existing.get().webhook()))
			.orElseThrow(() -> new InvocationBusyException(id + " is being delivered right now; try again when its"
					+ " attempt is recorded"));
		attemptNow(claimed);
		return store.find(id);
	}

	/**
	 * Puts every invocation of a status (of one webhook, or of all) back in the queue for a new
	 * round of attempts.
	 * @return how many were requeued
	 */
	public int requeue(@Nullable String webhook, InvocationStatus status) {
		int requeued = store.requeue(webhook, status);
		logger.info("Requeued {} {} invocations{}", requeued, status, (webhook != null) ? " of " + webhook : "");
		if (requeued > 0) {
			queued.publishEvent(new InvocationsQueued(requeued));
		}
		return requeued;
	}

	/** How long a worker holds an invocation of a webhook: its timeout and the margin. */
	Duration lease(String webhook) {
		WebhookProperties properties = webhooks.get(webhook);
		return ((properties != null) ? properties.timeout() : Duration.ZERO).plus(leaseMargin);
	}

	String owner() {
		return owner;
	}

	/** An attempt an admin asked for: in flight in the webhook's gate like any other. */
	private void attemptNow(ClaimedInvocation invocation) {
		gates.started(invocation.webhook());
		try {
			attempt(invocation);
		}
		finally {
			gates.finished(invocation.webhook());
		}
	}

	/** Makes one attempt of a claimed invocation and records it. */
	void attempt(ClaimedInvocation invocation) {
		Instant started = clock.instant();
		long start = System.nanoTime();
		WebhookProperties webhook = webhooks.get(invocation.webhook());
		Outcome outcome;
		try {
			outcome = (webhook != null) ? call(webhook, invocation) : Outcome.failed(ErrorKind.CONFIGURATION,
					"The webhook '" + invocation.webhook() + "' is no longer configured");
		}
		catch (RuntimeException ex) {
			// recorded like any failure, so the retry limits apply to it too
			logger.error("Attempt of invocation {} to {} failed unexpectedly", invocation.id(), invocation.webhook(), ex);
			outcome = Outcome.failed(ErrorKind.INTERNAL, "Unexpected error: " + ex);
		}
		long durationMs = (System.nanoTime() - start) / 1_000_000;
		AttemptRecord attempt = new AttemptRecord(invocation.attemptCount() + 1, started, durationMs, outcome.error() == null,
				owner, mask(outcome.error()), outcome.request(), outcome.response(), outcome.validators());
		RetryPolicy.Decision decision = (webhook != null)
				? RetryPolicy.decide(webhook.retry(), kind(outcome.error()), outcome.status(), outcome.retryAfter(),
						invocation.roundAttempts() + 1, invocation.roundStarted(), clock.instant())
				: new RetryPolicy.Decision(InvocationStatus.FAILED, null);
		if ((invocation.isTest() || outcome.permanent()) && decision.status() == InvocationStatus.RETRYING) {
			// the Test button sends once: a failed test says so and does not keep calling
			decision = new RetryPolicy.Decision(InvocationStatus.FAILED, null);
		}
		if (attempt.succeeded()) {
			gates.succeeded(invocation.webhook());
		}
		else if (outcome.openCircuit()) {
			gates.open(invocation.webhook());
		}
		else if (isTargetTrouble(attempt.error().kind(), outcome.status())) {
			gates.failed(invocation.webhook());
		}
		metrics.attempted(invocation.webhook(), durationMs, decision.status());
		if (!store.complete(invocation, attempt, decision.status(), decision.nextAttemptAt())) {
			logger.warn("Invocation {} of event {} to {}: the lease ran out during attempt {}; another worker retries it",
					invocation.id(), invocation.eventKey(), invocation.webhook(), attempt.number());
			return;
		}
		log(invocation, attempt, decision);
	}

	private Outcome call(WebhookProperties webhook, ClaimedInvocation invocation) {
		String name = invocation.webhook();
		RenderedRequest request;
		try {
			AponoEvent event = (invocation.event() != null) ? invocation.event() : parser.parseStored(invocation.payload());
			request = templates.render(name, event, invocation.eventKey());
		}
		catch (TemplateException ex) {
			return Outcome.failed(ErrorKind.TEMPLATE, ex.getMessage());
		}
		SentRequest sent = sent(request.masked(secrets));
		if (SyslogSender.handles(request.url())) {
			try {
				SyslogSender.send(request.url(), String.valueOf(request.body()), webhook.timeout(),
						clients.sslContextFor(webhook));
				return new Outcome(sent, null, List.of(), null, 0, null, false, false);
			}
			catch (TargetFailure ex) {
				return Outcome.failed(sent, ex);
			}
		}
		TargetResponse response;
		try {
			response = clients.forWebhook(webhook).send(request);
		}
		catch (TargetFailure ex) {
			return Outcome.failed(sent, ex);
		}
		// the body parsed once, for the validators, the advisors and the error
		Object data = response.data();
		List<ValidatorResult> results = validators.validate(name, response.envelope(data)).stream().map(this::mask).toList();
		ReceivedResponse received = new ReceivedResponse(response.status(), maskAll(response.headers()),
				response.recordedBody(secrets::mask), response.recordedBodyTruncated());
		// an advisor may know a failure the status and validators miss, like Logpoint's success: false
		ResponseAdvisor.Advice advice = advice(webhook, response, data);
		if (advice != null) {
			return new Outcome(sent, received, results, new AttemptError(advice.kind(), advice.message()),
					response.status(), null, advice.permanent(), advice.openCircuit());
		}
		return new Outcome(sent, received, results, error(response, data, results), response.status(),
				response.headers().get("retry-after"), false, false);
	}

	private static @Nullable AttemptError error(TargetResponse response, @Nullable Object data,
			List<ValidatorResult> results) {
		if (!response.isSuccessful()) {
			return new AttemptError(ErrorKind.HTTP_STATUS, "HTTP " + response.status() + targetMessage(data));
		}
		List<String> failed = results.stream()
			.filter((result) -> !result.passed())
			.map(ValidatorResult::message)
			.toList();
		if (!failed.isEmpty()) {
			return new AttemptError(ErrorKind.VALIDATION,
					"Response validation failed: " + String.join("; ", failed) + targetMessage(data));
		}
		return null;
	}

	/** What the target said about its answer: Logpoint's {@code message}, or an API's {@code error}. */
	private static String targetMessage(@Nullable Object data) {
		if (data instanceof Map<?, ?> object) {
			for (String field : List.of("message", "error", "detail")) {
				if (object.get(field) instanceof String text && !text.isBlank()) {
					return "; the target said: " + ((text.length() > 300) ? text.substring(0, 300) + "…" : text);
				}
			}
		}
		return "";
	}

	private @Nullable AttemptError mask(@Nullable AttemptError error) {
		return (error != null) ? new AttemptError(error.kind(), secrets.mask(error.message())) : null;
	}

	private ValidatorResult mask(ValidatorResult result) {
		return new ValidatorResult(result.path(), result.expected(), result.actual().stream().map(secrets::mask).toList(),
				result.passed(), (result.message() != null) ? secrets.mask(result.message()) : null);
	}

	private Map<String, String> maskAll(Map<String, String> headers) {
		Map<String, String> masked = new LinkedHashMap<>();
		headers.forEach((name, value) -> masked.put(name, secrets.mask(value)));
		return masked;
	}

	private static SentRequest sent(RenderedRequest request) {
		return new SentRequest(request.method(), request.url(), request.headers(), request.body());
	}

	/**
	 * Whether a failure says the target is down or struggling. Only such failures count towards
	 * opening its circuit: a 4xx or a failed validator is about the event, and the target is up.
	 */
	private static boolean isTargetTrouble(ErrorKind kind, int status) {
		return switch (kind) {
			case TIMEOUT, CONNECTION_REFUSED, DNS, TLS, CONNECTION -> true;
			case HTTP_STATUS -> status >= 500 || status == 408 || status == 429;
			default -> false;
		};
	}

	private static @Nullable ErrorKind kind(@Nullable AttemptError error) {
		return (error != null) ? error.kind() : null;
	}

	private static void log(ClaimedInvocation invocation, AttemptRecord attempt, RetryPolicy.Decision decision) {
		String status = (attempt.response() != null) ? "HTTP " + attempt.response().status() : "no response";
		if (attempt.succeeded()) {
			logger.info("Delivered event {} to {} (invocation {}, attempt {}): {} in {} ms", invocation.eventKey(),
					invocation.webhook(), invocation.id(), attempt.number(), status, attempt.durationMs());
		}
		else {
			logger.warn("Attempt {} of event {} to {} failed (invocation {}): {}: {}; now {}{}", attempt.number(),
					invocation.eventKey(), invocation.webhook(), invocation.id(), attempt.error().kind(),
					attempt.error().message(), decision.status(),
					(decision.nextAttemptAt() != null) ? ", next attempt at " + decision.nextAttemptAt() : "");
		}
	}

	private ResponseAdvisor.@Nullable Advice advice(WebhookProperties webhook, TargetResponse response,
			@Nullable Object data) {
		return advisors.stream()
			.map((advisor) -> advisor.advise(webhook, response.status(), response.headers(), data))
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	/** What one call produced; an advisor may have found it permanent, or the circuit due to open. */
	private record Outcome(@Nullable SentRequest request, @Nullable ReceivedResponse response,
			List<ValidatorResult> validators, @Nullable AttemptError error, int status, @Nullable String retryAfter,
			boolean permanent, boolean openCircuit) {

		static Outcome failed(ErrorKind kind, String message) {
			return new Outcome(null, null, List.of(), new AttemptError(kind, message), 0, null, false, false);
		}

		/** A request that failed without an answer. */
		static Outcome failed(SentRequest sent, TargetFailure failure) {
			return new Outcome(sent, null, List.of(), new AttemptError(failure.kind(), failure.getMessage()), 0, null,
					false, false);
		}

	}

}
