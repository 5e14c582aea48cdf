package io.aponorelay;

import io.aponorelay.event.SampleEvent;

/**
 * Apono events for delivery-queue tests: the sample event with a chosen request id, trigger and
 * time, routed by its custom field {@code route}.
 */
public final class QueueEvents {

	private QueueEvents() {
	}

	public static String event(String requestId, String trigger, long time, String route) {
		return SampleEvent.json()
			.replace("5f0c8f0e-2b1a-4c7e-9a51-3d1e2f4a6b7c", requestId)
			.replace("\"RequestGranted\"", "\"" + trigger + "\"")
			.replace("1796292000.123456000", time + ".000000000")
			.replace("\"environment\": \"production\"", "\"environment\": \"production\", \"route\": \"" + route + "\"");
	}

	/** The key the relay gives such an event. */
	public static String key(String requestId, String trigger, long time) {
		return requestId + ":" + trigger + ":" + time + ".000000000";
	}

}
