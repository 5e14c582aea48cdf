package io.aponorelay.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import io.aponorelay.Fixtures;
import io.aponorelay.RelayClient.Response;
import io.aponorelay.RelayIntegrationTest;
import io.aponorelay.event.JsonValues;
import io.aponorelay.event.SampleEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The forwarding template the README tells users to paste into Apono: rendered the way Apono
 * renders it (Handlebars with its HTML escaping) and posted to the relay, the event the relay
 * records must equal the original.
 */
class ForwardingTemplateTest extends RelayIntegrationTest {

	@ParameterizedTest
	@ValueSource(strings = { "created-two-integrations.json", "old-without-grantee.json", "hostile-justification.json" })
	void theRelayRecordsTheEventAponoHad(String fixture) throws IOException {
		String original = Fixtures.event(fixture);
		String rendered = forwardingTemplate().apply(JsonValues.parse(original));

		Response response = relay.postJson("/ingest/apono", rendered);

		assertThat(response.status()).as(response.body()).isEqualTo(202);
		String key = (String) response.json().get("eventKey");
		String recorded = jdbc.sql("SELECT payload FROM relay_event WHERE event_key = ?").param(key)
			.query(String.class)
			.single();
		assertThat(JsonValues.parse(recorded)).isEqualTo(JsonValues.parse(original));
	}

	@Test
	void incidentIdsInACustomFieldReachLogpointAsAnArray() throws IOException {
		target.stubFor(post("/reopen_incident").willReturn(okJson("{\"success\": true}")));
		String original = SampleEvent.json().replace("5f0c8f0e-2b1a-4c7e-9a51-3d1e2f4a6b7c", UUID.randomUUID().toString());
		String rendered = forwardingTemplate().apply(JsonValues.parse(original));

		String key = (String) relay.postJson("/ingest/apono", rendered).json().get("eventKey");

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> target.verify(postRequestedFor(urlEqualTo("/reopen_incident"))
			.withHeader("X-Event-Key", equalTo(key))
			.withRequestBody(matchingJsonPath("$.requestData.incident_ids",
					equalToJson("[\"5a62bd8cce983de89085429c\", \"5a62bd8cce983de89085429b\"]")))));
	}

	/** The template between the README's markers, compiled with the escaping of Handlebars.js 4, as Apono uses. */
	private static Template forwardingTemplate() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		String section = readme.substring(readme.indexOf("<!-- forwarding-template:start -->"),
				readme.indexOf("<!-- forwarding-template:end -->"));
		String template = section.substring(section.indexOf("```handlebars\n") + "```handlebars\n".length(),
				section.lastIndexOf("```"));
		return new Handlebars().with(EscapingStrategy.HBS4).compileInline(template);
	}

}
