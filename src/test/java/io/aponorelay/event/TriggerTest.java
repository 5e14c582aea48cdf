package io.aponorelay.event;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TriggerTest {

	@ParameterizedTest
	@CsvSource({ "RequestCreated, CREATED", "Created, CREATED", "AccessRequestCreated, CREATED",
			"requestapproved, APPROVED", "APPROVED, APPROVED", "accessRequestApproved, APPROVED",
			"RequestExpired, EXPIRED", "Failed, FAILED", "AccessRequestGranted, GRANTED", "' Rejected ', REJECTED" })
	void acceptsAllThreeSpellingsOfEachTrigger(String spelling, Trigger expected) {
		assertThat(Trigger.parse(spelling)).contains(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Request", "AccessRequest", "RequestDeleted", "IntegrationError", "Create" })
	void refusesUnknownTriggers(String spelling) {
		assertThat(Trigger.parse(spelling)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "CREATED, RequestCreated", "GRANTED, RequestGranted", "REJECTED, RequestRejected" })
	void normalisesToTheRequestForm(Trigger trigger, String name) {
		assertThat(trigger.canonicalName()).isEqualTo(name);
	}

}
