package io.aponorelay.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TargetResponseTest {

	@Test
	void validatorsSeeStatusHeadersAndTheParsedBody() {
		TargetResponse response = response("{\"success\": false, \"message\": \"Authentication Failed\"}");
		assertThat(response.envelope()).isEqualTo(Map.of("status", 200, "headers", Map.of("content-type",
				"application/json"), "data", Map.of("success", false, "message", "Authentication Failed")));
	}

	@Test
	void aBodyThatIsNotJsonIsSeenAsText() {
		assertThat(response("OK").envelope().get("data")).isEqualTo("OK");
		assertThat(response("<html>404</html>").envelope().get("data")).isEqualTo("<html>404</html>");
	}

	@Test
	void theRecordedBodyIsMaskedBeforeItIsCut() {
		String secret = "secret-9c2a7b55d1x";
		TargetResponse response = response("A".repeat(64 * 1024 - 6) + secret + "B".repeat(100));
		String recorded = response.recordedBody((text) -> text.replace(secret, "****"));
		assertThat(recorded).hasSize(64 * 1024).startsWith("A".repeat(64 * 1024 - 6) + "****BB").doesNotContain("secret-");
		assertThat(response.recordedBodyTruncated()).isTrue();
	}

	@Test
	void theCutKeepsWholeCharacters() {
		String recorded = response("é".repeat(40_000)).recordedBody((text) -> text);
		assertThat(recorded).hasSize(32 * 1024).matches("é+");
	}

	private static TargetResponse response(String body) {
		return new TargetResponse(200, Map.of("content-type", "application/json"), body.getBytes(StandardCharsets.UTF_8),
				true);
	}

}
