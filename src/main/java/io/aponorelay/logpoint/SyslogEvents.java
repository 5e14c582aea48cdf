package io.aponorelay.logpoint;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

import io.aponorelay.config.ConfigurationCheck;
import io.aponorelay.config.ConfigurationProblems;
import io.aponorelay.config.RelayProperties;
import io.aponorelay.config.SyslogProperties;
import io.aponorelay.config.WebhookProperties;
import io.aponorelay.event.AponoEvent;
import io.aponorelay.template.RenderedRequest;
import io.aponorelay.template.RequestBuilder;
import io.aponorelay.template.RequestBuilderProvider;
import org.springframework.stereotype.Component;

/**
 * Builds the syslog sink's messages: RFC 5424, with the event's time as TIMESTAMP, the trigger as
 * MSGID and a CEF record as MSG. The delivery adds the framing of the protocol.
 */
@Component
class SyslogEvents implements RequestBuilderProvider, ConfigurationCheck {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final SyslogProperties syslog;

	private final String hostname;

	SyslogEvents(RelayProperties relay) {
		this.syslog = relay.syslog();
		this.hostname = (syslog.hostname() != null) ? syslog.hostname() : localHostname();
	}

	@Override
	public Optional<RequestBuilder> builderFor(WebhookProperties webhook) {
		if (!syslog.isConfigured() || !syslog.name().equals(webhook.name())) {
			return Optional.empty();
		}
		return Optional.of((event, eventKey) -> new RenderedRequest("SYSLOG", String.valueOf(webhook.url()), Map.of(),
				message(event, eventKey)));
	}

	@Override
	public void check(RelayProperties relay, ConfigurationProblems problems) {
		if (!syslog.isConfigured()) {
			return;
		}
		if (!String.valueOf(syslog.host()).matches("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+]")) {
			problems.add("relay.syslog.host", "'" + syslog.host() + "' is not a host name or address");
		}
		if (syslog.port() < 1 || syslog.port() > 65535) {
			problems.add("relay.syslog.port", "must be between 1 and 65535");
		}
		if (syslog.facility() < 0 || syslog.facility() > 23) {
			problems.add("relay.syslog.facility", "must be between 0 and 23");
		}
		syslog.severities().forEach((trigger, severity) -> {
			if (!SyslogProperties.DEFAULT_SEVERITIES.containsKey(trigger)) {
				problems.add("relay.syslog.severities." + trigger, "is no trigger; use RequestCreated, RequestGranted, ...");
			}
			if (severity < 0 || severity > 10) {
				problems.add("relay.syslog.severities." + trigger, "must be a CEF severity from 0 to 10");
			}
		});
		if (relay.webhooks().stream().filter((webhook) -> syslog.name().equals(webhook.name())).count() > 1) {
			problems.add("relay.syslog.name", "'" + syslog.name() + "' is also the name of a webhook");
		}
	}

	String message(AponoEvent event, String eventKey) {
		String trigger = event.trigger().canonicalName();
		int severity = syslog.severities().getOrDefault(trigger, 5);
		Instant time = CefMessage.time(event);
		return "<" + (syslog.facility() * 8 + syslogSeverity(severity)) + ">1 "
				+ ((time != null) ? TIMESTAMP.format(time) : "-") + " " + hostname + " apono-relay - " + trigger + " - "
				+ CefMessage.of(event, eventKey, severity);
	}

	/** CEF's 0 to 10 on syslog's scale: 6 informational, 5 notice, 4 warning, 3 error. */
	private static int syslogSeverity(int cef) {
		return (cef <= 3) ? 6 : (cef <= 6) ? 5 : (cef <= 8) ? 4 : 3;
	}

	private static String localHostname() {
		try {
			String name = InetAddress.getLocalHost().getHostName();
			return name.isBlank() ? "-" : name.replaceAll("[^!-~]", "");
		}
		catch (UnknownHostException ex) {
			return "-";
		}
	}

}
