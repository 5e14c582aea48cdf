package io.aponorelay.bench.micro;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.aponorelay.config.RelayProperties;
import io.aponorelay.config.Secrets;
import io.aponorelay.config.TestWebhooks;
import io.aponorelay.event.AponoEvent;
import io.aponorelay.event.SampleEvent;
import io.aponorelay.template.RenderedRequest;
import io.aponorelay.template.RequestTemplates;
import io.aponorelay.template.TemplateCompiler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Rendering a request: the Logpoint reopen body, and a template of 30 fields.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TemplateBenchmark {

	private static final Map<String, String> SECRETS = Map.of("logpoint-username", "api-user", "logpoint-secret-key",
			"0123456789abcdef0123456789abcdef");

	private static final String LOGPOINT_BODY = """
			{"username": "{{secret 'logpoint-username'}}", "secret_key": "{{secret 'logpoint-secret-key'}}",
			 "requestData": {"version": "0.1", "incident_ids": {{json (list data.custom_fields.incident_ids)}} }}""";

	private static final String THIRTY_FIELDS = """
			{"t": "{{trigger}}", "k": "{{relay.eventKey}}", "id": "{{data.id}}", "fid": "{{data.friendly_id}}",
			 "rid": "{{data.requester.id}}", "rn": "{{data.requester.name}}", "re": "{{data.requester.email}}",
			 "gid": "{{data.grantee.id}}", "gs": "{{data.grantee.source_id}}", "gn": "{{data.grantee.name}}",
			 "gt": "{{data.grantee.type}}", "j": "{{data.justification}}", "cd": "{{data.creation_date}}",
			 "rd": "{{data.revocation_date}}", "afi": "{{data.access_flow.id}}", "afn": "{{data.access_flow.name}}",
			 "abi": "{{data.access_bundle.id}}", "abn": "{{data.access_bundle.name}}", "dur": "{{data.access_duration_in_seconds}}",
			 "ii": "{{data.access_groups.[0].integration.id}}", "in": "{{data.access_groups.[0].integration.name}}",
			 "it": "{{data.access_groups.[0].integration.type}}", "rt": "{{data.access_groups.[0].[resource_types].[0].name}}",
			 "rn2": "{{data.access_groups.[0].access_units.[0].resource.name}}",
			 "rp": "{{data.access_groups.[0].access_units.[0].resource.path}}",
			 "pn": "{{data.access_groups.[0].access_units.[0].permission.name}}", "alr": "{{data.approvals_logical_relation}}",
			 "an": "{{data.approvals.[0].approver.name}}", "as": "{{data.approvals.[0].status}}",
			 "env": "{{data.custom_fields.environment}}"}""";

	private final AponoEvent event = SampleEvent.create();

	private final String key = event.key();

	private final RequestTemplates templates = templates();

	@Benchmark
	public RenderedRequest logpointBody() {
		return templates.render("logpoint", event, key);
	}

	@Benchmark
	public RenderedRequest thirtyFields() {
		return templates.render("thirty", event, key);
	}

	private static RequestTemplates templates() {
		RelayProperties relay = TestWebhooks.relay(SECRETS, TestWebhooks.webhook("logpoint").body(LOGPOINT_BODY),
				TestWebhooks.webhook("thirty").body(THIRTY_FIELDS));
		return new RequestTemplates(relay, new TemplateCompiler(new Secrets(SECRETS)), java.util.List.of());
	}

}
