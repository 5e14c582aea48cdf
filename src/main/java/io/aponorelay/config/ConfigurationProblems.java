package io.aponorelay.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects configuration problems, each naming the key (and the webhook) it is about.
 */
public final class ConfigurationProblems {

	private final List<String> messages = new ArrayList<>();

	/** Records a problem with a key outside the webhooks, such as {@code relay.secrets.x}. */
	public void add(String key, String message) {
		messages.add(key + ": " + message);
	}

	/**
	 * Records a problem with a field of a webhook.
	 * @param index the webhook's position in {@code relay.webhooks}
	 * @param webhook the webhook
	 * @param field the field's key below the webhook, such as {@code body-template}
	 * @param message what is wrong, for the user
	 */
	public void add(int index, WebhookProperties webhook, String field, String message) {
		messages.add("relay.webhooks[" + index + "]." + field + " (webhook '" + webhook.displayName() + "'): "
				+ message);
	}

	public List<String> messages() {
		return List.copyOf(messages);
	}

	public boolean isEmpty() {
		return messages.isEmpty();
	}

}
