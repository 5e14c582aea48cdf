package io.aponorelay.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.aponorelay.RelayClient;
import io.aponorelay.RelayClient.Response;
import io.aponorelay.RelayInstance;
import io.aponorelay.event.SampleEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way Apono (or a signing caller) can authenticate at {@code /ingest/apono}, accepted and
 * refused, over real HTTP. A refusal is a 401 problem, is counted, and records nothing.
 */
class IngestAuthenticationTest {

	private static final String TOKEN = "ingest-token-0123456789abcdef";

	private static final String ROTATED = "ingest-token-rotated-fedcba98";

	private static final String EVENT = SampleEvent.json();

	@Test
	void bearerAcceptsEveryConfiguredTokenAndNothingElse() {
		try (RelayInstance relay = start("bearer")) {
			assertThat(post(relay, Map.of("Authorization", "Bearer " + TOKEN)).status()).isEqualTo(202);
			assertThat(post(relay, Map.of("Authorization", "bearer " + ROTATED)).status()).isEqualTo(202);
			Response missing = post(relay, Map.of());
			assertRefused(relay, missing, "A bearer token is required");
			assertThat(missing.json()).containsEntry("status", 401);
			assertRefused(relay, post(relay, Map.of("Authorization", "Bearer " + TOKEN + "x")), "The bearer token is not valid");
			assertRefused(relay, post(relay, Map.of("Authorization", "Basic " + TOKEN)), "A bearer token is required");
			assertRefused(relay, post(relay, Map.of("X-Apono-Token", TOKEN)), "A bearer token is required");
			assertThat(relay.bean(MeterRegistry.class)
				.get("relay.events.received")
				.tag("reason", "unauthenticated")
				.counter()
				.count()).isEqualTo(4);
			assertThat(relay.events()).as("refusals record nothing").isEqualTo(2);
		}
	}

	@Test
	void aCustomHeaderCarriesTheSharedSecret() {
		try (RelayInstance relay = start("header", "--relay.ingest.auth.header-name=X-Apono-Token")) {
			assertThat(post(relay, Map.of("X-Apono-Token", TOKEN)).status()).isEqualTo(202);
			assertRefused(relay, post(relay, Map.of("X-Apono-Token", "wrong-but-long-enough-0000")),
					"The X-Apono-Token header is missing or wrong");
			assertRefused(relay, post(relay, Map.of("Authorization", "Bearer " + TOKEN)),
					"The X-Apono-Token header is missing or wrong");
		}
	}

	@Test
	void basicNeedsTheUserAndOneOfThePasswords() {
		try (RelayInstance relay = start("basic", "--relay.ingest.auth.username=apono")) {
			assertThat(post(relay, Map.of("Authorization", basic("apono", ROTATED))).status()).isEqualTo(202);
			assertRefused(relay, post(relay, Map.of("Authorization", basic("admin", TOKEN))),
					"The Basic credentials are not valid");
			assertRefused(relay, post(relay, Map.of("Authorization", basic("apono", "nope"))),
					"The Basic credentials are not valid");
			assertRefused(relay, post(relay, Map.of("Authorization", "Basic %%%")),
					"The Basic credentials are not valid Base64");
		}
	}

	@Test
	void hmacVerifiesStandardWebhooksSignaturesOfTheBody() {
		String secret = "whsec_" + Base64.getEncoder().encodeToString("a signing key of 32 bytes length".getBytes());
		try (RelayInstance relay = RelayInstance.start("--relay.ingest.auth.mode=hmac",
				"--relay.ingest.auth.tokens=" + secret, "--relay.admin.auth=none")) {
			long now = Instant.now().getEpochSecond();
			assertThat(post(relay, signed(secret, "msg-1", now, EVENT), EVENT).status()).isEqualTo(202);

			String other = EVENT.replace("Investigating", "Tampered");
			assertRefused(relay, post(relay, signed(secret, "msg-1", now, EVENT), other),
					"The signature does not match the body");
			assertRefused(relay, post(relay, signed(secret, "msg-2", now - 600, EVENT), EVENT),
					"webhook-timestamp is more than PT5M away from now");
			assertRefused(relay, post(relay, Map.of("webhook-id", "msg-3"), EVENT),
					"The webhook-id, webhook-timestamp and webhook-signature headers are required");
			String wrongKey = "whsec_" + Base64.getEncoder().encodeToString("another key, not the configured".getBytes());
			assertRefused(relay, post(relay, signed(wrongKey, "msg-4", now, EVENT), EVENT),
					"The signature does not match the body");
			assertThat(relay.events()).as("refusals record nothing").isEqualTo(1);
		}
	}

	@Test
	void noneMustBeChosenAndThenLetsAnyoneIn() {
		try (RelayInstance relay = RelayInstance.start("--relay.ingest.auth.mode=none", "--relay.admin.auth=none")) {
			assertThat(post(relay, Map.of()).status()).isEqualTo(202);
		}
	}

	@Test
	void sourcesOutsideTheAllowlistAreForbiddenAndOnlyTrustedProxiesNameTheSource() {
		try (RelayInstance relay = start("bearer", "--relay.ingest.allowed-sources=203.0.113.0/24")) {
			Map<String, String> token = Map.of("Authorization", "Bearer " + TOKEN);
			Response forbidden = post(relay, token);
			assertThat(forbidden.status()).isEqualTo(403);
			assertThat(forbidden.json()).containsEntry("detail",
					"Requests from 127.0.0.1 are not allowed (relay.ingest.allowed-sources)");
			assertThat(post(relay, Map.of("Authorization", "Bearer " + TOKEN, "X-Forwarded-For", "203.0.113.7")).status())
				.as("an untrusted peer cannot choose its address").isEqualTo(403);
		}
		try (RelayInstance relay = start("bearer", "--relay.ingest.allowed-sources=203.0.113.0/24",
				"--relay.ingest.trusted-proxies=127.0.0.1/32")) {
			assertThat(post(relay, Map.of("Authorization", "Bearer " + TOKEN, "X-Forwarded-For", "198.51.100.1, 203.0.113.7"))
				.status()).isEqualTo(202);
			assertThat(post(relay, Map.of("Authorization", "Bearer " + TOKEN, "X-Forwarded-For", "203.0.113.7, 198.51.100.1"))
				.status()).isEqualTo(403);
		}
	}

	@Test
	void severalForwardedForLinesAreOneListAndNoPlatformDefaultTrustsThem() {
		try (RelayInstance relay = start("bearer", "--relay.ingest.allowed-sources=203.0.113.0/24",
				"--relay.ingest.trusted-proxies=127.0.0.1/32")) {
			RelayClient client = relay.client().withTokens(TOKEN, null);
			assertThat(client.postWithHeaderLines("/ingest/apono", EVENT, "X-Forwarded-For", "203.0.113.7",
					"X-Forwarded-For", "198.51.100.1").status())
				.as("the proxy's own line comes last and names the source").isEqualTo(403);
		}
		try (RelayInstance relay = start("bearer", "--relay.ingest.allowed-sources=203.0.113.0/24",
				"--spring.main.cloud-platform=kubernetes")) {
			assertThat(relay.client().withTokens(TOKEN, null).postWithHeaderLines("/ingest/apono", EVENT,
					"X-Forwarded-For", "203.0.113.9").status())
				.as("on Kubernetes too, only relay.ingest.trusted-proxies are believed").isEqualTo(403);
		}
	}

	@Test
	void aSourceOverItsRateIsToldWhenToComeBack() {
		try (RelayInstance relay = start("bearer", "--relay.ingest.rate-limit.requests-per-second=0.5",
				"--relay.ingest.rate-limit.burst=2")) {
			Map<String, String> token = Map.of("Authorization", "Bearer " + TOKEN);
			assertThat(post(relay, token).status()).isEqualTo(202);
			assertThat(post(relay, token).status()).isEqualTo(202);
			Response limited = post(relay, token);
			assertThat(limited.status()).isEqualTo(429);
			assertThat(limited.contentType()).isEqualTo("application/problem+json");
			assertThat(limited.json()).containsEntry("title", "Too many requests");
		}
	}

	private static RelayInstance start(String mode, String... more) {
		String[] arguments = java.util.stream.Stream
			.concat(java.util.stream.Stream.of("--relay.ingest.auth.mode=" + mode,
					"--relay.ingest.auth.tokens=" + TOKEN + "," + ROTATED, "--relay.admin.auth=none"),
					java.util.Arrays.stream(more))
			.toArray(String[]::new);
		return RelayInstance.start(arguments);
	}

	private static Response post(RelayInstance relay, Map<String, String> headers) {
		return post(relay, headers, EVENT.replace("5f0c8f0e", java.util.UUID.randomUUID().toString().substring(0, 8)));
	}

	private static Response post(RelayInstance relay, Map<String, String> headers, String body) {
		RelayClient client = relay.client();
		return client.post("/ingest/apono", "application/json", body.getBytes(StandardCharsets.UTF_8), headers);
	}

	private static void assertRefused(RelayInstance relay, Response response, String detail) {
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.json()).containsEntry("detail", detail).containsEntry("title", "Not authenticated");
		assertThat(response.body()).doesNotContain(TOKEN).doesNotContain(ROTATED);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static Map<String, String> signed(String secret, String id, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
			byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return Map.of("webhook-id", id, "webhook-timestamp", String.valueOf(timestamp), "webhook-signature",
					"v1,bm90IHRoaXMgb25l v1," + Base64.getEncoder().encodeToString(signature));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
