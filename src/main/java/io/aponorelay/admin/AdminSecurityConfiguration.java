package io.aponorelay.admin;

import io.aponorelay.config.RelayProperties;
import io.aponorelay.ingest.ProblemResponses;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the {@link AdminGuard} before {@code /api} and the Actuator endpoints.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurityConfiguration {

	@Bean
	FilterRegistrationBean<AdminGuard> adminGuard(RelayProperties relay, ProblemResponses problems) {
		FilterRegistrationBean<AdminGuard> registration = new FilterRegistrationBean<>(
				new AdminGuard(relay.admin(), problems));
		registration.addUrlPatterns("/api/*", "/actuator/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
