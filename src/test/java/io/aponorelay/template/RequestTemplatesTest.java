package io.aponorelay.template;

import java.util.Map;

import io.aponorelay.Fixtures;
import io.aponorelay.config.ConfigurationProblems;
import io.aponorelay.config.RelayProperties;
import io.aponorelay.config.Secrets;
import io.aponorelay.config.TestWebhooks;
import io.aponorelay.event.AponoEvent;
import io.aponorelay.event.EventParser;
import io.aponorelay.event.JsonValues;
import org.junit.jupiter.api.Test;

import static io.aponorelay.config.TestWebhooks.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RequestTemplatesTest {

	private static final Map<String, String> SECRETS = Map.of("logpoint-username", "apiuser", "logpoint-secret-key",
			"k3y\"with\\quote");

	private final AponoEvent event = new EventParser().parse(Fixtures.event("created-two-integrations.json"));

	@Test
	void rendersAponosDocumentedTemplateForms() {
		RenderedRequest request = render(webhook("w").body("""
				{"integration": "{{data.access_groups.[0].integration.name}}",
				 "type": "{{data.access_groups.[0].[resource_types].[0].name}}",
				 "requester": "{{ data.requester.name }}",
				 "permissions": [{{#each data.access_groups.[0].access_units}}"{{permission.name}}"{{#unless @last}},{{/unless}}{{/each}}]}"""));
		assertThat(JsonValues.parse(request.body())).isEqualTo(Map.of("integration", "prod db", "type", "Database",
				"requester", "Dana Scully", "permissions", java.util.List.of("ReadOnly", "ReadWrite")));
	}

	@Test
	void hostileJustificationRendersIntoJsonThatRoundTrips() {
		String justification = "He said \"go\" \\ C:\\temp\\ \n\ttab </script><script>alert(1)</script> "
				+ "ünïcødé 日本語 🚀 \u2028 {{secret 'logpoint-secret-key'}} \u0001";
		AponoEvent hostile = new EventParser().parse(
				"{\"event_type\": \"Created\", \"data\": {\"justification\": " + JsonValues.toJson(justification) + "}}");
		RenderedRequest request = render(webhook("w").body("{\"note\": \"{{data.justification}}\"}"), hostile);
		assertThat(JsonValues.parse(request.body())).isEqualTo(Map.of("note", justification));
		assertThat(request.body()).doesNotContain("</script>").doesNotContain("apiuser");
	}

	@Test
	void jsonHelperWritesValuesAsJson() {
		RenderedRequest request = render(webhook("w").body("""
				{"groups": {{json data.access_groups.[1].integration}}, "duration": {{json data.access_duration_in_seconds}},
				 "missing": {{json data.nothing}}, "fields": {{json data.custom_fields}} }"""));
		assertThat(JsonValues.parse(request.body())).isEqualTo(JsonValues.parse("""
				{"groups": {"id": "int-2", "type": "aws-account", "name": "aws-prod-billing"}, "duration": 3600,
				 "missing": null, "fields": {"environment": "production", "ticket": "FIN-42"}}"""));
	}

	@Test
	void secretHelperWritesTheSecretEscapedForItsPlace() {
		RenderedRequest request = render(webhook("w").url("https://h.example/api?key={{secret 'logpoint-secret-key'}}")
			.header("Authorization", "Bearer {{secret 'logpoint-username'}}")
			.body("{\"secret_key\": \"{{secret 'logpoint-secret-key'}}\"}"));
		assertThat(JsonValues.parse(request.body())).isEqualTo(Map.of("secret_key", "k3y\"with\\quote"));
		assertThat(request.url()).isEqualTo("https://h.example/api?key=k3y%22with%5Cquote");
		assertThat(request.headers()).containsEntry("Authorization", "Bearer apiuser");
	}

	@Test
	void triggerAndEventKeyAreInScope() {
		RenderedRequest request = render(webhook("w").body("{\"t\": \"{{trigger}}\", \"k\": \"{{relay.eventKey}}\", "
				+ "\"each\": [{{#each data.approvals}}\"{{@root.trigger}} {{type}}\"{{#unless @last}},{{/unless}}{{/each}}]}"));
		assertThat(JsonValues.parse(request.body())).isEqualTo(Map.of("t", "RequestCreated", "k", event.key(), "each",
				java.util.List.of("RequestCreated manual", "RequestCreated automatic")));
	}

	@Test
	void placeholdersInTheUrlArePercentEncoded() {
		RenderedRequest request = render(webhook("w").url("https://h.example/requests/{{data.requester.name}}/x"));
		assertThat(request.url()).isEqualTo("https://h.example/requests/Dana%20Scully/x");
	}

	@Test
	void lineBreaksCannotInjectHeaders() {
		AponoEvent hostile = new EventParser()
			.parse("{\"event_type\": \"Created\", \"data\": {\"x\": \"a\\r\\nX-Injected: yes\"}}");
		RenderedRequest request = render(webhook("w").header("X-Note", "{{data.x}}"), hostile);
		assertThat(request.headers()).containsEntry("X-Note", "aX-Injected: yes").doesNotContainKey("X-Injected");
	}

	@Test
	void jsonBodiesGetAJsonContentType() {
		assertThat(render(webhook("w").body("{}")).headers()).containsEntry("Content-Type", "application/json");
		assertThat(render(webhook("w").header("content-type", "text/plain").body("hello")).headers())
			.containsEntry("content-type", "text/plain")
			.doesNotContainKey("Content-Type");
		assertThat(render(webhook("w")).headers()).isEmpty();
	}

	@Test
	void aBodyThatIsNotJsonFailsWithTheParseError() {
		assertThatExceptionOfType(TemplateException.class)
			.isThrownBy(() -> render(webhook("w").body("{\"ids\": {{data.custom_fields.ticket}} }")))
			.satisfies((ex) -> assertThat(ex.part()).isEqualTo("body-template"))
			.withMessageContaining("the rendered body is not valid JSON")
			.withMessageContaining("line 1");
	}

	@Test
	void aUrlThatRendersToNoHttpUrlFails() {
		assertThatExceptionOfType(TemplateException.class)
			.isThrownBy(() -> render(webhook("w").url("{{data.custom_fields.ticket}}")))
			.satisfies((ex) -> assertThat(ex.part()).isEqualTo("url"))
			.withMessageContaining("'FIN-42' is not an absolute http or https URL");
	}

	@Test
	void maskedRequestHidesEverySecretForm() {
		RenderedRequest request = render(webhook("w").url("https://h.example/api?key={{secret 'logpoint-secret-key'}}")
			.header("X-User", "{{secret 'logpoint-username'}}")
			.body("{\"secret_key\": \"{{secret 'logpoint-secret-key'}}\"}"))
			.masked(new Secrets(SECRETS));
		assertThat(request.url()).isEqualTo("https://h.example/api?key=****");
		assertThat(request.headers()).containsEntry("X-User", "****");
		assertThat(request.body()).isEqualTo("{\"secret_key\": \"****\"}");
	}

	@Test
	void reportsTemplatesThatDoNotCompileOrNameUnknownSecrets() {
		RelayProperties relay = TestWebhooks.relay(SECRETS,
				webhook("broken").body("{\"a\": \"{{#each data.x}}\"}").header("X-A", "{{secret 'nope'}}"),
				webhook("bad-url").url("ftp://files.example/{{trigger}}"),
				webhook("brace").body("{\"ids\": {{json data.custom_fields}}}"));
		ConfigurationProblems problems = new ConfigurationProblems();
		new RequestTemplates(relay, new Secrets(SECRETS)).check(relay, problems);
		assertThat(problems.messages()).containsExactlyInAnyOrder(
				"relay.webhooks[0].headers.X-A (webhook 'broken'): names secret 'nope', which relay.secrets does not define",
				"relay.webhooks[0].body-template (webhook 'broken'): does not compile: "
						+ "found: 'EOF', expected: '{{/' at line 1, column 25",
				"relay.webhooks[1].url (webhook 'bad-url'): 'ftp://files.example/RequestGranted' is not an absolute "
						+ "http or https URL with a host (rendering the sample event)",
				"relay.webhooks[2].body-template (webhook 'brace'): does not compile: found: '}}}', expected: '}}' "
						+ "at line 1, column 33 (a JSON '}' right after '}}' reads as '}}}': put a space between them)");
	}

	private RenderedRequest render(TestWebhooks webhook) {
		return render(webhook, event);
	}

	private static RenderedRequest render(TestWebhooks webhook, AponoEvent event) {
		RelayProperties relay = TestWebhooks.relay(SECRETS, webhook);
		String name = relay.webhooks().get(0).name();
		return new RequestTemplates(relay, new Secrets(SECRETS)).render(name, event, event.key());
	}

}
