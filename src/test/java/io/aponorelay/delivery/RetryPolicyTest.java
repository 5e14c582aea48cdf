package io.aponorelay.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.aponorelay.config.RetryProperties;
import io.aponorelay.delivery.RetryPolicy.Decision;
import io.aponorelay.store.ErrorKind;
import io.aponorelay.store.InvocationStatus;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

	private static final RetryProperties RETRY = new RetryProperties(5, Duration.ofSeconds(10), Duration.ofMinutes(5),
			Duration.ofHours(1), false);

	private final Instant now = Instant.parse("2026-12-04T12:00:00Z");

	@Test
	void aSuccessIsDone() {
		assertThat(decide(null, 200, null, 1)).isEqualTo(new Decision(InvocationStatus.SUCCEEDED, null));
	}

	@ParameterizedTest(name = "{0} {1} → retried: {2}")
	@CsvSource({ "TIMEOUT, 0, true", "CONNECTION_REFUSED, 0, true", "DNS, 0, true", "TLS, 0, true",
			"CONNECTION, 0, true", "HTTP_STATUS, 408, true", "HTTP_STATUS, 425, true", "HTTP_STATUS, 429, true",
			"HTTP_STATUS, 500, true", "HTTP_STATUS, 503, true", "HTTP_STATUS, 400, false", "HTTP_STATUS, 401, false",
			"HTTP_STATUS, 404, false", "HTTP_STATUS, 302, false", "VALIDATION, 200, false", "TEMPLATE, 0, false",
			"CONFIGURATION, 0, false" })
	void retriesWhatALaterAttemptMayFix(ErrorKind error, int status, boolean retried) {
		assertThat(decide(error, status, null, 1).status())
			.isEqualTo(retried ? InvocationStatus.RETRYING : InvocationStatus.FAILED);
	}

	@Test
	void validationFailuresAreRetriedWhenTheWebhookAsks() {
		RetryProperties retryValidation = new RetryProperties(5, Duration.ofSeconds(10), Duration.ofMinutes(5),
				Duration.ofHours(1), true);
		assertThat(RetryPolicy.decide(retryValidation, ErrorKind.VALIDATION, 200, null, 1, now, now).status())
			.isEqualTo(InvocationStatus.RETRYING);
	}

	@RepeatedTest(20)
	void backsOffExponentiallyWithJitterUpToTheMaximum() {
		assertThat(waitAfter(1)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
		assertThat(waitAfter(2)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(20));
		assertThat(waitAfter(3)).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(40));
		RetryProperties many = new RetryProperties(100, Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofDays(1),
				false);
		Instant next = RetryPolicy.decide(many, ErrorKind.TIMEOUT, 0, null, 60, now, now).nextAttemptAt();
		assertThat(Duration.between(now, next)).isBetween(Duration.ofMinutes(2).plusSeconds(30), Duration.ofMinutes(5));
	}

	@Test
	void honoursRetryAfterInSecondsOrAsADateWithinTheMaximum() {
		assertThat(Duration.between(now, decide(ErrorKind.HTTP_STATUS, 429, "120", 1).nextAttemptAt()))
			.isEqualTo(Duration.ofSeconds(120));
		String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(90).atOffset(ZoneOffset.UTC));
		assertThat(Duration.between(now, decide(ErrorKind.HTTP_STATUS, 503, date, 1).nextAttemptAt()))
			.isEqualTo(Duration.ofSeconds(90));
		assertThat(Duration.between(now, decide(ErrorKind.HTTP_STATUS, 503, "86400", 1).nextAttemptAt()))
			.isEqualTo(Duration.ofMinutes(5));
		assertThat(Duration.between(now, decide(ErrorKind.HTTP_STATUS, 503, "soon", 1).nextAttemptAt()))
			.isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
	}

	@RepeatedTest(5)
	void aRetryAfterNeverShortensTheBackoff() {
		assertThat(Duration.between(now, decide(ErrorKind.HTTP_STATUS, 503, "0", 3).nextAttemptAt()))
			.isBetween(Duration.ofSeconds(20), Duration.ofSeconds(40));
		String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.minusSeconds(90).atOffset(ZoneOffset.UTC));
		assertThat(Duration.between(now, decide(ErrorKind.HTTP_STATUS, 503, past, 1).nextAttemptAt()))
			.isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
	}

	@Test
	void failsWhenAttemptsRunOut() {
		assertThat(decide(ErrorKind.TIMEOUT, 0, null, 4).status()).isEqualTo(InvocationStatus.RETRYING);
		assertThat(decide(ErrorKind.TIMEOUT, 0, null, 5)).isEqualTo(new Decision(InvocationStatus.FAILED, null));
	}

	@Test
	void failsWhenTheNextAttemptWouldBeTooLate() {
		Instant started = now.minus(Duration.ofMinutes(59).plusSeconds(57));
		assertThat(RetryPolicy.decide(RETRY, ErrorKind.TIMEOUT, 0, null, 1, started, now).status())
			.isEqualTo(InvocationStatus.FAILED);
	}

	@Test
	void theDefaultsSpanAboutADay() {
		RetryProperties defaults = RetryProperties.DEFAULTS;
		Instant at = now;
		int attempts = 1;
		Decision decision = RetryPolicy.decide(defaults, ErrorKind.CONNECTION_REFUSED, 0, null, attempts, now, at);
		while (decision.status() == InvocationStatus.RETRYING) {
			at = decision.nextAttemptAt();
			attempts++;
			decision = RetryPolicy.decide(defaults, ErrorKind.CONNECTION_REFUSED, 0, null, attempts, now, at);
		}
		assertThat(Duration.between(now, at)).isBetween(Duration.ofHours(12), Duration.ofHours(24));
	}

	private Decision decide(ErrorKind error, int status, String retryAfter, int attempts) {
		return RetryPolicy.decide(RETRY, error, status, retryAfter, attempts, now, now);
	}

	private Duration waitAfter(int attempts) {
		return Duration.between(now, decide(ErrorKind.TIMEOUT, 0, null, attempts).nextAttemptAt());
	}

}
