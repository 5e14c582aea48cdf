package io.aponorelay.delivery;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The delivery-queue scenarios on the embedded default store, an H2 file.
 */
class H2DeliveryQueueTest extends DeliveryQueueScenarios {

	@DynamicPropertySource
	static void h2(DynamicPropertyRegistry registry) throws IOException {
		String file = Files.createTempDirectory("relay-queue-h2").resolve("relay").toString();
		registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + file + ";WRITE_DELAY=0");
	}

}
