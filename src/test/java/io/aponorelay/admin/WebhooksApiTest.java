package io.aponorelay.admin;

import java.util.List;
import java.util.Map;

import io.aponorelay.RelayClient.Response;
import io.aponorelay.RelayIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@SuppressWarnings("unchecked")
class WebhooksApiTest extends RelayIntegrationTest {

	@Test
	void listsEveryConfiguredWebhookWithSecretsMasked() {
		Response response = relay.get("/api/webhooks");
		assertThat(response.status()).isEqualTo(200);
		List<Object> webhooks = (List<Object>) response.jsonList();
		assertThat(webhooks).extracting((webhook) -> ((Map<String, Object>) webhook).get("name"))
			.containsExactly("reopen-on-grant", "created-to-audit", "switched-off", "read-incidents", "nobody-listens");
		Map<?, ?> reopen = (Map<String, Object>) webhooks.get(0);
		assertThat(reopen.get("name")).isEqualTo("reopen-on-grant");
		assertThat(reopen.get("active")).isEqualTo(true);
		assertThat(reopen.get("method")).isEqualTo("POST");
		assertThat(reopen.get("url")).isEqualTo(target.baseUrl() + "/reopen_incident");
		assertThat(reopen.get("triggers")).isEqualTo(List.of("RequestGranted"));
		assertThat((Map<String, Object>) reopen.get("filters")).containsEntry("integrations", List.of("prod db"));
		assertThat((String) reopen.get("bodyTemplate")).contains("{{secret 'logpoint-secret-key'}}");
		assertThat(((Map<String, Object>) webhooks.get(2)).get("active")).isEqualTo(false);
		assertThat((Map<String, Object>) ((Map<String, Object>) webhooks.get(1)).get("headers"))
			.containsEntry("Authorization", "Bearer ****");
		assertThat(response.body()).doesNotContain("it-user-3e1f04").doesNotContain("it-secret-9c2a7b55d1");
	}

}
