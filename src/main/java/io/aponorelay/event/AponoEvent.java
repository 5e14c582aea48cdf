package io.aponorelay.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import io.aponorelay.event.JsonValues.JsonObject;
import org.jspecify.annotations.Nullable;

/**
 * One Apono access-request event as received: its normalised trigger and the whole payload,
 * unknown fields included.
 *
 * @param trigger the normalised trigger
 * @param root the payload ({@code event_type}, {@code event_time}, {@code data}, ...)
 */
public record AponoEvent(Trigger trigger, JsonObject root) {

	/** The {@code data} object; empty when the payload has none. */
	public Map<String, @Nullable Object> data() {
		return (root.get("data") instanceof Map<?, ?> data) ? asObject(data) : Map.of();
	}

	/** Apono's request id ({@code data.id}), which orders the events of one request. */
	public @Nullable String requestId() {
		return text(data().get("id"));
	}

	public @Nullable String eventTime() {
		return text(root.get("event_time"));
	}

	/**
	 * The key that makes an event unique: {@code data.id}, trigger and {@code event_time}. An event
	 * that lacks either falls back to a digest of its content, so it is still recorded once.
	 */
	public String key() {
		String id = requestId();
		String time = eventTime();
		if (id != null && time != null) {
			return id + ":" + trigger.canonicalName() + ":" + time;
		}
		return trigger.canonicalName() + ":sha256-" + digest(JsonValues.toJson(sorted(root)));
	}

	public String toJson() {
		return JsonValues.toJson(root);
	}

	private static @Nullable String text(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		String text = (value instanceof java.math.BigDecimal decimal) ? decimal.toPlainString() : value.toString();
		return text.isBlank() ? null : text.strip();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, @Nullable Object> asObject(Map<?, ?> map) {
		return (Map<String, @Nullable Object>) map;
	}

	private static @Nullable Object sorted(@Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			TreeMap<String, @Nullable Object> sorted = new TreeMap<>();
			map.forEach((key, child) -> sorted.put(key.toString(), sorted(child)));
			return sorted;
		}
		if (value instanceof java.util.List<?> list) {
			return list.stream().map(AponoEvent::sorted).toList();
		}
		return value;
	}

	private static String digest(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
