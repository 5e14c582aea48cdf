package io.aponorelay.delivery;

import java.util.LinkedHashMap;
import java.util.Map;

import io.aponorelay.store.InvocationStore;
import io.aponorelay.store.QueueDepth;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code webhooks} health detail: each webhook's circuit and queue. Always UP: a target that
 * is down is the relay doing its job, not the relay failing; the details say which.
 */
@Component("webhooks")
class WebhooksHealth implements HealthIndicator {

	private final WebhookGates gates;

	private final InvocationStore store;

	WebhooksHealth(WebhookGates gates, InvocationStore store) {
		this.gates = gates;
		this.store = store;
	}

	@Override
	public Health health() {
		Map<String, QueueDepth> depths = store.queueDepths();
		Health.Builder health = Health.up();
		gates.statuses().forEach((webhook, circuit) -> {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("circuit", circuit.state());
			details.put("consecutiveFailures", circuit.consecutiveFailures());
			QueueDepth depth = depths.get(webhook);
			details.put("queueDepth", (depth != null) ? depth.waiting() : 0);
			if (depth != null) {
				details.put("oldestWaiting", depth.oldest().toString());
			}
			health.withDetail(webhook, details);
		});
		return health.build();
	}

}
