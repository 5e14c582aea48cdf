package io.aponorelay.store;

import java.util.List;

/**
 * What the store made of an accepted event.
 *
 * @param eventKey the event's key
 * @param duplicate whether the event had been accepted before; then nothing new was recorded
 * @param deliveries one invocation per matched webhook
 */
public record Acceptance(String eventKey, boolean duplicate, List<Delivery> deliveries) {

	/**
	 * A webhook the event is delivered to.
	 *
	 * @param webhook the webhook's name
	 * @param invocationId the invocation that delivers it
	 */
	public record Delivery(String webhook, String invocationId) {

	}

}
