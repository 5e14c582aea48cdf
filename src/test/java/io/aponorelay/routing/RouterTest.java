package io.aponorelay.routing;

import java.util.List;
import java.util.Map;

import io.aponorelay.Fixtures;
import io.aponorelay.config.ConfigurationProblems;
import io.aponorelay.config.FilterProperties;
import io.aponorelay.config.FilterProperties.JsonPathFilter;
import io.aponorelay.config.RelayProperties;
import io.aponorelay.config.TestWebhooks;
import io.aponorelay.event.AponoEvent;
import io.aponorelay.event.EventParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.aponorelay.config.TestWebhooks.webhook;
import static org.assertj.core.api.Assertions.assertThat;

class RouterTest {

	private final AponoEvent created = new EventParser().parse(Fixtures.event("created-two-integrations.json"));

	private final AponoEvent old = new EventParser().parse(Fixtures.event("old-without-grantee.json"));

	@Test
	void matchesOnTriggerWhateverItsSpelling() {
		assertThat(matches(webhook("w").triggers("AccessRequestCreated"), created)).isTrue();
		assertThat(matches(webhook("w").triggers("created", "Granted"), created)).isTrue();
		assertThat(matches(webhook("w").triggers("RequestApproved"), created)).isFalse();
	}

	@Test
	void inactiveWebhooksNeverMatch() {
		assertThat(matches(webhook("w").active(false), created)).isFalse();
	}

	@ParameterizedTest(name = "{0} = {1} → {2}")
	@CsvSource(delimiter = '|', textBlock = """
			integrations   | prod db             | true
			integrations   | PROD DB             | true
			integrations   | int-2               | true
			integrations   | aws-account         | true
			integrations   | staging db          | false
			integrations   | aws-*               | true
			integrations   | *billing            | true
			integrations   | prod                | false
			resource-types | S3 Bucket           | true
			resource-types | postgresql/database | true
			resource-types | Table               | false
			resources      | invoices            | true
			resources      | prod-pg/*           | true
			resources      | r-3                 | true
			resources      | payroll             | false
			permissions    | readwrite           | true
			permissions    | s3:*                | true
			permissions    | Admin               | false
			requesters     | dana.scully@example.com | true
			requesters     | u-100               | true
			requesters     | *@example.com       | true
			requesters     | fox@example.com     | false
			grantees       | 00u-okta-100        | true
			grantees       | someone else        | false
			access-flows   | finance on-call     | true
			access-flows   | af-9                | false
			access-bundles | ab-2                | true
			access-bundles | Billing*            | true
			access-bundles | other               | false
			approval-types | automatic           | true
			approval-types | none                | false
			""")
	void eachFilterMatchesItsFieldsCaseInsensitivelyWithWildcards(String filter, String value, boolean matched) {
		assertThat(matches(webhook("w").filters(filter(filter, List.of(value))), created)).isEqualTo(matched);
	}

	@Test
	void anyListedValueMatches() {
		assertThat(matches(webhook("w").filters(filter("integrations", List.of("nope", "staging db", "prod db"))),
				created)).isTrue();
	}

	@Test
	void everyListedFilterMustMatch() {
		FilterProperties both = new FilterProperties(List.of("prod db"), null, null, List.of("Admin"), null, null, null,
				null, null, null, null);
		assertThat(matches(webhook("w").filters(both), created)).isFalse();
		FilterProperties all = new FilterProperties(List.of("prod db"), List.of("Database"), List.of("billing"),
				List.of("ReadOnly"), List.of("u-100"), List.of("u-100"), List.of("af-7"), List.of("ab-2"),
				List.of("manual"), Map.of("environment", List.of("prod*")), null);
		assertThat(matches(webhook("w").filters(all), created)).isTrue();
	}

	@Test
	void customFieldsMatchByFieldNameAndValue() {
		assertThat(matches(webhook("w").filters(custom(Map.of("Environment", List.of("PRODUCTION")))), created)).isTrue();
		assertThat(matches(webhook("w").filters(custom(Map.of("environment", List.of("staging")))), created)).isFalse();
		assertThat(matches(webhook("w").filters(custom(Map.of("ticket", List.of("FIN-*")))), created)).isTrue();
	}

	@Test
	void aFilterOnAFieldTheEventLacksDoesNotMatch() {
		assertThat(matches(webhook("w").triggers("Approved").filters(filter("grantees", List.of("*"))), old)).isFalse();
		assertThat(matches(webhook("w").triggers("Approved").filters(custom(Map.of("environment", List.of("*")))), old))
			.isFalse();
	}

	@Test
	void jsonPathFiltersCompareNumbersByValue() {
		assertThat(matches(webhook("w").filters(jsonPath("$.data.access_duration_in_seconds", "3600")), created)).isTrue();
		assertThat(matches(webhook("w").filters(jsonPath("$.data.access_duration_in_seconds", "3600.0")), created))
			.isTrue();
		assertThat(matches(webhook("w").filters(jsonPath("$.data.access_duration_in_seconds", "7200")), created))
			.isFalse();
		assertThat(matches(webhook("w").filters(jsonPath("$.data.approvals[*].status", "approved")), created)).isTrue();
		assertThat(matches(webhook("w").filters(jsonPath("$.data.missing", "*")), created)).isFalse();
	}

	@Test
	void decisionListsEveryCheckWithItsValues() {
		RelayProperties relay = TestWebhooks.relay(Map.of(),
				webhook("w").filters(filter("integrations", List.of("staging db"))), webhook("off").active(false));
		List<RouteDecision> decisions = new Router(relay).decide(created);
		assertThat(decisions).extracting(RouteDecision::webhook, RouteDecision::matched)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("w", false),
					org.assertj.core.groups.Tuple.tuple("off", false));
		assertThat(decisions.get(0).checks()).containsExactly(
				new Check("trigger", true, List.of("RequestCreated"), List.of("RequestCreated")),
				new Check("filters.integrations", false, List.of("staging db"),
						List.of("int-1", "int-2", "prod db", "aws-prod-billing", "postgresql", "aws-account")));
		assertThat(decisions.get(1).checks().get(0)).isEqualTo(new Check("active", false, List.of("true"), List.of("false")));
	}

	@Test
	void reportsJsonPathFiltersThatDoNotCompile() {
		RelayProperties relay = TestWebhooks.relay(Map.of(), webhook("w").filters(jsonPath("$.data[?(@.x ==", "1")),
				webhook("v").filters(new FilterProperties(null, null, null, null, null, null, null, null, null, null,
						List.of(new JsonPathFilter("$.data.id", List.of())))));
		ConfigurationProblems problems = new ConfigurationProblems();
		new Router(relay).check(relay, problems);
		assertThat(problems.messages()).hasSize(2);
		assertThat(problems.messages().get(0)).startsWith(
				"relay.webhooks[0].filters.json-path[0].path (webhook 'w'): '$.data[?(@.x ==' does not compile:");
		assertThat(problems.messages().get(1))
			.isEqualTo("relay.webhooks[1].filters.json-path[0].expected-values (webhook 'v'): at least one value is required");
	}

	private static boolean matches(TestWebhooks webhook, AponoEvent event) {
		return !new Router(TestWebhooks.relay(Map.of(), webhook)).matchingWebhooks(event).isEmpty();
	}

	private static FilterProperties filter(String name, List<String> values) {
		return new FilterProperties(is(name, "integrations", values), is(name, "resource-types", values),
				is(name, "resources", values), is(name, "permissions", values), is(name, "requesters", values),
				is(name, "grantees", values), is(name, "access-flows", values), is(name, "access-bundles", values),
				is(name, "approval-types", values), null, null);
	}

	private static List<String> is(String name, String filter, List<String> values) {
		return name.equals(filter) ? values : null;
	}

	private static FilterProperties custom(Map<String, List<String>> fields) {
		return new FilterProperties(null, null, null, null, null, null, null, null, null, fields, null);
	}

	private static FilterProperties jsonPath(String path, String... values) {
		return new FilterProperties(null, null, null, null, null, null, null, null, null, null,
				List.of(new JsonPathFilter(path, List.of(values))));
	}

}
