package io.aponorelay.event;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.aponorelay.Fixtures;
import io.aponorelay.event.InvalidEventException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventParserTest {

	private final EventParser parser = new EventParser();

	@Test
	void readsTheSchemaFieldsAndNormalisesTheTrigger() {
		AponoEvent event = parser.parse(Fixtures.event("created-two-integrations.json"));
		assertThat(event.trigger()).isEqualTo(Trigger.CREATED);
		assertThat(event.requestId()).isEqualTo("a1b2c3d4-0000-4000-8000-000000000001");
		assertThat(event.data()).containsEntry("friendly_id", "AR-123");
		assertThat((List<?>) event.data().get("access_groups")).hasSize(2);
	}

	@Test
	void keyIsRequestIdTriggerAndEventTime() {
		AponoEvent event = parser.parse(Fixtures.event("created-two-integrations.json"));
		assertThat(event.key()).isEqualTo("a1b2c3d4-0000-4000-8000-000000000001:RequestCreated:1696263265.851898000");
	}

	@Test
	void keyIsTheSameWhateverTheTriggerSpellingOrTimeType() {
		AponoEvent asString = parser.parse("""
				{"event_type": "RequestGranted", "event_time": "1696263265.851898000", "data": {"id": "r1"}}""");
		AponoEvent asNumber = parser.parse("""
				{"event_type": "accessrequestgranted", "event_time": 1696263265.851898000, "data": {"id": "r1"}}""");
		assertThat(asNumber.key()).isEqualTo(asString.key()).isEqualTo("r1:RequestGranted:1696263265.851898000");
	}

	@Test
	void eventWithoutIdOrTimeIsKeyedByItsContent() {
		AponoEvent first = parser.parse("{\"event_type\": \"Created\", \"data\": {\"a\": 1, \"b\": 2}}");
		AponoEvent reordered = parser.parse("{\"data\": {\"b\": 2, \"a\": 1}, \"event_type\": \"Created\"}");
		AponoEvent other = parser.parse("{\"event_type\": \"Created\", \"data\": {\"a\": 1, \"b\": 3}}");
		assertThat(first.key()).startsWith("RequestCreated:sha256-").isEqualTo(reordered.key());
		assertThat(other.key()).isNotEqualTo(first.key());
	}

	@Test
	void decodesHtmlEntitiesThatHandlebarsEscapingWrites() {
		AponoEvent event = parser.parse("""
				{"event_type": "Created", "data": {"justification":
				"&quot;urgent&quot; &amp; needed &lt;now&gt; &#x27;ok&#x27; a&#x3D;b &#x60;x&#x60; caf&#233;"}}""");
		assertThat(event.data().get("justification")).isEqualTo("\"urgent\" & needed <now> 'ok' a=b `x` café");
	}

	@Test
	void acceptsRawControlCharactersInsideStrings() {
		AponoEvent event = parser.parse("{\"event_type\": \"Created\", \"data\": {\"justification\": \"line one\nline\ttwo\"}}");
		assertThat(event.data().get("justification")).isEqualTo("line one\nline\ttwo");
	}

	@Test
	void keepsStrayBackslashesInsideStrings() {
		AponoEvent event = parser.parse("""
				{"event_type": "Created", "data": {"justification": "C:\\Users\\dana\\q.txt and \\d+"}}""");
		assertThat(event.data().get("justification")).isEqualTo("C:\\Users\\dana\\q.txt and \\d+");
	}

	@Test
	void keepsATrailingBackslashBeforeTheClosingQuote() {
		AponoEvent event = parser.parse("""
				{"event_type": "Created", "data": {"justification": "share \\\\server\\", "id": "r1"}}""");
		assertThat(event.data().get("justification")).isEqualTo("share \\server\\");
		assertThat(event.requestId()).isEqualTo("r1");
	}

	@Test
	void stillReadsProperlyEscapedJson() {
		AponoEvent event = parser.parse("""
				{"event_type": "Created", "data": {"justification": "say \\"hi\\"\\n\\u00e9 \\\\ done"}}""");
		assertThat(event.data().get("justification")).isEqualTo("say \"hi\"\né \\ done");
	}

	@Test
	void readsNumbersWrittenAsStrings() {
		AponoEvent event = parser.parse("""
				{"event_type": "Created", "data": {"access_duration_in_seconds": "3600",
				 "revocation_date": "1696266865.851898"}}""");
		assertThat(event.data().get("access_duration_in_seconds")).isEqualTo(3600);
		assertThat(event.data().get("revocation_date")).isEqualTo(new BigDecimal("1696266865.851898"));
	}

	@Test
	void treatsAnEmptyNumberAsMissing() {
		AponoEvent event = parser.parse("{\"event_type\": \"Created\", \"data\": {\"access_duration_in_seconds\": \"\"}}");
		assertThat(event.data()).doesNotContainKey("access_duration_in_seconds");
	}

	@Test
	void acceptsOldPayloadsWithoutGranteeDurationOrCustomFields() {
		AponoEvent event = parser.parse(Fixtures.event("old-without-grantee.json"));
		assertThat(event.trigger()).isEqualTo(Trigger.APPROVED);
		assertThat(event.data()).doesNotContainKeys("grantee", "access_duration_in_seconds", "custom_fields");
	}

	@Test
	void keepsUnknownFields() {
		AponoEvent event = parser.parse("""
				{"event_type": "Created", "tenant": "acme", "data": {"id": "r1", "risk": {"score": 7}}}""");
		assertThat(event.root()).containsEntry("tenant", "acme");
		assertThat(event.data()).containsEntry("risk", Map.of("score", 7));
		assertThat(event.toJson()).contains("\"tenant\":\"acme\"");
	}

	@Test
	void acceptsATrailingCommaThatAnEachLoopLeaves() {
		AponoEvent event = parser.parse("{\"event_type\": \"Created\", \"data\": {\"approvals\": [{\"type\": \"manual\"},]}}");
		assertThat((List<?>) event.data().get("approvals")).hasSize(1);
	}

	@Test
	void refusesInvalidJsonWithWhereItBroke() {
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> parser.parse("{\"event_type\": \"Created\", \"data\": {"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.MALFORMED))
			.withMessageStartingWith("The body is not valid JSON")
			.withMessageContaining("line 1")
			.withMessageNotContaining("Source");
	}

	@Test
	void refusesEventWithoutEventType() {
		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> parser.parse("{\"data\": {}}"))
			.withMessage("The event has no event_type")
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.MALFORMED));
	}

	@Test
	void refusesEventWithoutDataObject() {
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> parser.parse("{\"event_type\": \"Created\", \"data\": [1]}"))
			.withMessage("The event has no data object");
	}

	@Test
	void refusesANonObjectBody() {
		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> parser.parse("[1, 2]"))
			.withMessage("The body must be a JSON object");
	}

	@Test
	void refusesUnknownTriggerSeparately() {
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> parser.parse("{\"event_type\": \"RequestDeleted\", \"data\": {}}"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.UNKNOWN_TRIGGER))
			.withMessageContaining("RequestDeleted")
			.withMessageContaining("RequestCreated");
	}

	@Test
	void refusesInvalidUtf8() {
		byte[] body = "{\"event_type\": \"Created\", \"data\": {\"x\": \"\"}}".getBytes(StandardCharsets.UTF_8);
		body[body.length - 4] = (byte) 0xC3;
		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> parser.parse(body))
			.withMessage("The body is not valid UTF-8");
	}

	@Test
	void refusesDuplicateKeys() {
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> parser.parse("{\"event_type\": \"Created\", \"event_type\": \"Granted\", \"data\": {}}"))
			.withMessageContaining("Duplicate");
	}

	@Test
	void refusesIdsAndTimesTooLongForAKey() {
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> parser.parse("{\"event_type\": \"Created\", \"data\": {\"id\": \"" + "x".repeat(257) + "\"}}"))
			.withMessage("data.id is longer than 256 characters");
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> parser.parse("{\"event_type\": \"Created\", \"event_time\": \"" + "1".repeat(65)
					+ "\", \"data\": {}}"))
			.withMessage("event_time is longer than 64 characters");
	}

	@Test
	void decodesEntitiesInKeysAndInsideArrays() {
		AponoEvent event = parser.parse("{\"event_type\": \"Created\", \"data\": {\"a&amp;b\": [\"x &lt; y\", 1, true, null]}}");
		assertThat(event.data()).containsEntry("a&b", Arrays.asList("x < y", 1, true, null));
	}

	@Test
	void refusesANulCharacterThatAnEntityDecodesTo() {
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> parser.parse("{\"event_type\": \"Created\", \"data\": {\"x\": \"a&#0;b\"}}"))
			.withMessage("The event contains a NUL character");
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> parser.parse("{\"event_type\": \"Created\", \"data\": {\"a&#x0;\": 1}}"))
			.withMessage("The event contains a NUL character");
	}

	@Test
	void readsAStoredEventWithoutDecodingItAgain() {
		AponoEvent received = parser.parse("{\"event_type\": \"Created\", \"data\": {\"x\": \"a &amp;lt;b&amp;gt;\"}}");
		AponoEvent stored = parser.parseStored(received.toJson());
		assertThat(stored.data().get("x")).isEqualTo("a &lt;b&gt;");
		assertThat(stored).isEqualTo(received);
	}

	@Test
	void refusesTrailingContent() {
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> parser.parse("{\"event_type\": \"Created\", \"data\": {}} {}"));
	}

}
