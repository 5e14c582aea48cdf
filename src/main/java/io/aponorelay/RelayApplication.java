package io.aponorelay;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Relays Apono access-request webhooks to Logpoint and other HTTP targets.
 */
@SpringBootApplication
public class RelayApplication {

	public static void main(String[] args) {
		// H2 closes its databases from a shutdown hook of its own unless a URL says otherwise, while the
		// relay is still recording the calls in flight; the relay closes its store itself, last
		if (System.getProperty("h2.dbCloseOnExit") == null) {
			System.setProperty("h2.dbCloseOnExit", "false");
		}
		SpringApplication.run(RelayApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
