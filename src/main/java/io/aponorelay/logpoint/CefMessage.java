package io.aponorelay.logpoint;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.jayway.jsonpath.JsonPath;
import io.aponorelay.event.AponoEvent;
import io.aponorelay.routing.JsonPaths;
import org.jspecify.annotations.Nullable;

/**
 * An Apono event as a CEF record: vendor {@code Apono}, product {@code Access}, the trigger as
 * signature id, and extensions for the fields an analyst searches by. Escaped as the CEF
 * specification says: in the header {@code \} and {@code |}, in extension values {@code \},
 * {@code =} and line breaks.
 */
final class CefMessage {

	private static final Map<String, String> NAMES = Map.of("RequestCreated", "Access request created",
			"RequestApproved", "Access request approved", "RequestGranted", "Access granted", "RequestRejected",
			"Access request rejected", "RequestExpired", "Access expired", "RequestFailed", "Access request failed");

	private static final Map<String, JsonPath> COMPILED = new ConcurrentHashMap<>();

	private CefMessage() {
	}

	static String of(AponoEvent event, String eventKey, int severity) {
		String trigger = event.trigger().canonicalName();
		Map<String, @Nullable String> extensions = new LinkedHashMap<>();
		Instant time = time(event);
		extensions.put("rt", (time != null) ? String.valueOf(time.toEpochMilli()) : null);
		extensions.put("externalId", event.requestId());
		extensions.put("suser", first(event, "$.data.requester.email", "$.data.requester.name", "$.data.requester.id"));
		extensions.put("duser", first(event, "$.data.grantee.name", "$.data.grantee.id", "$.data.requester.email"));
		extensions.put("cs1", text(event, "$.data.friendly_id"));
		extensions.put("cs1Label", "Request");
		extensions.put("cs2", joined(event, "$.data.access_groups[*].integration.name"));
		extensions.put("cs2Label", "Integrations");
		extensions.put("cs3", joined(event, "$.data.access_groups[*].access_units[*].resource.name"));
		extensions.put("cs3Label", "Resources");
		extensions.put("cs4", joined(event, "$.data.access_groups[*].access_units[*].permission.name"));
		extensions.put("cs4Label", "Permissions");
		extensions.put("cs5", eventKey);
		extensions.put("cs5Label", "Event key");
		extensions.put("msg", text(event, "$.data.justification"));
		StringBuilder cef = new StringBuilder("CEF:0|Apono|Access|1.0|").append(header(trigger))
			.append('|')
			.append(header(NAMES.getOrDefault(trigger, trigger)))
			.append('|')
			.append(severity)
			.append('|');
		List<String> pairs = new ArrayList<>();
		extensions.forEach((key, value) -> {
			if (value != null && !value.isEmpty()) {
				pairs.add(key + "=" + extension(value));
			}
		});
		return cef.append(String.join(" ", pairs)).toString();
	}

	/** The event's time, from {@code event_time} in seconds with a fraction. */
	static @Nullable Instant time(AponoEvent event) {
		String eventTime = event.eventTime();
		if (eventTime == null) {
			return null;
		}
		try {
			BigDecimal seconds = new BigDecimal(eventTime);
			return Instant.ofEpochSecond(seconds.longValue(),
					seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
		}
		catch (NumberFormatException | java.time.DateTimeException ex) {
			return null;
		}
	}

	static String header(String value) {
		return value.replace("\\", "\\\\").replace("|", "\\|").replaceAll("[\\r\\n]+", " ");
	}

	static String extension(String value) {
		return value.replace("\\", "\\\\")
			.replace("=", "\\=")
			.replace("\r\n", "\\n")
			.replace("\n", "\\n")
			.replace("\r", "\\r");
	}

	private static @Nullable String first(AponoEvent event, String... paths) {
		for (String path : paths) {
			String value = text(event, path);
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

	private static @Nullable String text(AponoEvent event, String path) {
		List<String> values = JsonPaths.texts(compiled(path), event.root());
		return values.isEmpty() || "null".equals(values.get(0)) ? null : values.get(0);
	}

	/** The message's fixed paths, each compiled once. */
	private static JsonPath compiled(String path) {
		return COMPILED.computeIfAbsent(path, JsonPaths::compile);
	}

	private static @Nullable String joined(AponoEvent event, String path) {
		List<String> values = JsonPaths.texts(compiled(path), event.root())
			.stream()
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		return values.isEmpty() ? null : String.join(", ", values);
	}

}
