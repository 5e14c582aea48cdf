package io.aponorelay.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.aponorelay.RelayInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets can come from files, the way Docker and Kubernetes mount them, through Spring's
 * {@code configtree:} import.
 */
class SecretsFromFilesTest {

	@TempDir
	Path secrets;

	@Test
	void aSecretFileBecomesAPropertyTheConfigurationNames() throws IOException {
		Files.writeString(secrets.resolve("LOGPOINT_SECRET_KEY"), "secret-from-a-mounted-file-42");
		try (RelayInstance relay = RelayInstance.start("--spring.config.import=configtree:" + secrets + "/",
				"--relay.secrets.logpoint-secret-key=${LOGPOINT_SECRET_KEY}", "--relay.ingest.auth.mode=none",
				"--relay.admin.auth=none")) {
			assertThat(relay.bean(Secrets.class).value("logpoint-secret-key")).contains("secret-from-a-mounted-file-42");
		}
	}

}
