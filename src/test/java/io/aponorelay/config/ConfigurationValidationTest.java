package io.aponorelay.config;

import io.aponorelay.RelayApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Starts the real application with broken configurations: it must refuse to start and name every
 * problem, each with its webhook and field.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationValidationTest {

	@Test
	void reportsEveryProblemAtOnceNamingWebhookAndField(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(
				"--relay.secrets.logpoint-username=apiuser",
				"--relay.webhooks[0].name=reopen",
				"--relay.webhooks[0].url=https://logpoint.example/reopen_incident",
				"--relay.webhooks[0].triggers=Created",
				"--relay.webhooks[1].name=reopen",
				"--relay.webhooks[1].url=https://logpoint.example/reopen_incident",
				"--relay.webhooks[1].triggers=RequestDeleted",
				"--relay.webhooks[2].name=no-trigger",
				"--relay.webhooks[2].url=htp:/logpoint",
				"--relay.webhooks[2].method=FETCH",
				"--relay.webhooks[3].name=templates",
				"--relay.webhooks[3].url=https://logpoint.example/x",
				"--relay.webhooks[3].triggers=Granted",
				"--relay.webhooks[3].body-template={\"k\": \"{{secret 'logpoint-secret-key'}}\", \"x\": {{#if}} }",
				"--relay.webhooks[3].filters.colour=red",
				"--relay.webhooks[3].filters.json-path[0].path=$.data[?(@.x ==",
				"--relay.webhooks[3].filters.json-path[0].expected-values=1",
				"--relay.webhooks[4].name=bad name!",
				"--relay.webhooks[4].url=https://logpoint.example/x",
				"--relay.webhooks[4].triggers=Granted"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The relay configuration has 10 problems:")
			.contains(" - relay.webhooks[3].filters.colour: unknown key")
			.contains(" - relay.webhooks[1].name (webhook 'reopen'): 'reopen' is used by another webhook")
			.contains(" - relay.webhooks[1].triggers[0] (webhook 'reopen'): unknown trigger 'RequestDeleted'; accepted: "
					+ "RequestCreated, RequestApproved, RequestExpired, RequestFailed, RequestGranted, RequestRejected")
			.contains(" - relay.webhooks[2].method (webhook 'no-trigger'): 'FETCH' is not one of POST, PUT, PATCH, DELETE, GET")
			.contains(" - relay.webhooks[2].triggers (webhook 'no-trigger'): at least one trigger is required")
			.contains(" - relay.webhooks[2].url (webhook 'no-trigger'): 'htp:/logpoint' is not an absolute http or https "
					+ "URL with a host (rendering the sample event)")
			.contains(" - relay.webhooks[3].body-template (webhook 'templates'): does not compile:")
			.contains(" - relay.webhooks[3].body-template (webhook 'templates'): names secret 'logpoint-secret-key', "
					+ "which relay.secrets does not define")
			.contains(" - relay.webhooks[3].filters.json-path[0].path (webhook 'templates'): '$.data[?(@.x ==' does not compile:")
			.contains(" - relay.webhooks[4].name (webhook 'bad name!'): 'bad name!' may contain only letters, digits, "
					+ "'-' and '_'");
	}

	@Test
	void reportsSecretsThatDidNotResolveAndSettingsThatCannotWork(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(
				"--relay.secrets.key=${RELAY_TEST_VARIABLE_THAT_IS_NOT_SET}",
				"--relay.secrets.empty=",
				"--relay.delivery.concurrency=0",
				"--relay.webhooks[0].name=retries",
				"--relay.webhooks[0].url=https://logpoint.example/x",
				"--relay.webhooks[0].triggers=Created",
				"--relay.webhooks[0].concurrency=0",
				"--relay.webhooks[0].retry.initial-backoff=-10s",
				"--relay.webhooks[0].retry.max-attempts=0"));
		assertThat(output).contains("The relay configuration has 6 problems:")
			.contains(" - relay.secrets.key: is an unresolved placeholder; set the variable it names")
			.contains(" - relay.secrets.empty: is empty; give its value in the environment or a file")
			.contains(" - relay.delivery.concurrency: must be at least 1")
			.contains(" - relay.webhooks[0].concurrency (webhook 'retries'): must be at least 1")
			.contains(" - relay.webhooks[0].retry.max-attempts (webhook 'retries'): must be at least 1")
			.contains(" - relay.webhooks[0].retry.initial-backoff (webhook 'retries'): must be positive")
			.doesNotContain("RELAY_TEST_VARIABLE_THAT_IS_NOT_SET=");
	}

	@Test
	void refusesToStartWithoutAuthenticationUnlessTurnedOffExplicitly(CapturedOutput output) {
		assertThatException().isThrownBy(() -> new SpringApplication(RelayApplication.class).run("--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:no-auth", "--relay.admin.tokens[0].name=alice",
				"--relay.admin.tokens[0].token=short"));
		assertThat(output).contains("The relay configuration has 2 problems:")
			.contains(" - relay.ingest.auth.tokens: inbound authentication needs at least one token (mode bearer); "
					+ "to run without, set relay.ingest.auth.mode: none")
			.contains(" - relay.admin.tokens[0].token: has a value shorter than 16 characters; use a long random secret");
	}

	@Test
	void warnsAtEveryStartWithoutAuthentication(CapturedOutput output) {
		start().close();
		assertThat(output).contains("relay.ingest.auth.mode is none: anyone who reaches /ingest/apono can post events")
			.contains("relay.admin.auth is none: anyone who reaches /api can read the configuration and send tests");
	}

	@Test
	void refusesTargetsOutsideTheAllowedHostsAndUnknownSslBundles(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("--relay.delivery.allowed-hosts=*.example.internal,10.0.0.0/8",
				"--relay.webhooks[0].name=outside", "--relay.webhooks[0].url=https://logpoint.example.com/reopen_incident",
				"--relay.webhooks[0].triggers=Created", "--relay.webhooks[1].name=inside",
				"--relay.webhooks[1].url=https://logpoint.example.internal/reopen_incident",
				"--relay.webhooks[1].triggers=Created", "--relay.webhooks[1].ssl-bundle=nope",
				"--relay.webhooks[2].name=by-address", "--relay.webhooks[2].url=https://10.1.2.3/reopen_incident",
				"--relay.webhooks[2].triggers=Created"));
		assertThat(output).contains("The relay configuration has 2 problems:")
			.contains(" - relay.webhooks[0].url (webhook 'outside'): the host of "
					+ "'https://logpoint.example.com/reopen_incident' is not in relay.delivery.allowed-hosts")
			.contains(" - relay.webhooks[1].ssl-bundle (webhook 'inside'): no SSL bundle named 'nope'");
	}

	@Test
	void startsWithAValidConfiguration() {
		try (var context = start("--relay.secrets.key=value", "--relay.webhooks[0].name=ok",
				"--relay.webhooks[0].url=https://logpoint.example/reopen_incident",
				"--relay.webhooks[0].triggers=Created,Approved",
				"--relay.webhooks[0].body-template={\"k\": \"{{secret 'key'}}\"}")) {
			assertThat(context.getBean(RelayProperties.class).webhooks()).hasSize(1);
		}
	}

	private static org.springframework.context.ConfigurableApplicationContext start(String... args) {
		String[] all = java.util.stream.Stream
			.concat(java.util.stream.Stream.of("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:config-"
					+ java.util.UUID.randomUUID(), "--relay.ingest.auth.mode=none", "--relay.admin.auth=none"),
					java.util.Arrays.stream(args))
			.toArray(String[]::new);
		return new SpringApplication(RelayApplication.class).run(all);
	}

}
