package io.aponorelay.ingest;

import java.time.Clock;

import io.aponorelay.config.RelayProperties;
import io.aponorelay.event.EventParser;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts the {@link IngestGuard} before {@code /ingest/apono}, and bounds what the event parser reads.
 */
@Configuration(proxyBeanMethods = false)
class IngestSecurityConfiguration {

	@Bean
	EventParser eventParser(RelayProperties relay) {
		return new EventParser(relay.ingest().maxNestingDepth(), (int) relay.ingest().maxStringLength().toBytes());
	}

	@Bean
	ProblemResponses problemResponses(JsonMapper json) {
		return new ProblemResponses(json);
	}

	@Bean
	FilterRegistrationBean<IngestGuard> ingestGuard(RelayProperties relay, Clock clock, IngestMetrics metrics,
			ProblemResponses problems) {
		IngestGuard guard = new IngestGuard(relay.ingest(), new IngestAuthenticator(relay.ingest().auth(), clock),
				metrics, problems);
		FilterRegistrationBean<IngestGuard> registration = new FilterRegistrationBean<>(guard);
		registration.addUrlPatterns("/ingest/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
