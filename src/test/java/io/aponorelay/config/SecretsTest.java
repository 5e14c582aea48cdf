package io.aponorelay.config;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

	@Test
	void masksEveryFormASecretIsWrittenIn() {
		Secrets secrets = new Secrets(Map.of("key", "a\"b\\c</d e+f"), List.of("token-0123456789abcdef"));
		assertThat(secrets.mask("raw a\"b\\c</d e+f")).isEqualTo("raw ****");
		assertThat(secrets.mask("json a\\\"b\\\\c</d e+f")).isEqualTo("json ****");
		assertThat(secrets.mask("template a\\\"b\\\\c<\\/d e+f")).isEqualTo("template ****");
		assertThat(secrets.mask("form a%22b%5Cc%3C%2Fd+e%2Bf")).isEqualTo("form ****");
		assertThat(secrets.mask("url a%22b%5Cc%3C%2Fd%20e%2Bf")).isEqualTo("url ****");
		assertThat(secrets.mask("Bearer token-0123456789abcdef")).isEqualTo("Bearer ****");
	}

	@Test
	void aSecretInsideAnotherIsMaskedWhole() {
		Secrets secrets = new Secrets(Map.of("short", "abc-1234", "long", "xyz-abc-1234-xyz"));
		assertThat(secrets.mask("xyz-abc-1234-xyz and abc-1234")).isEqualTo("**** and ****");
	}

}
