package io.aponorelay.store;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTest {

	@Test
	void isAVersion7UuidHoldingItsMillisecond() {
		long millis = 1796292000123L;
		UUID id = TimeOrderedIds.next(millis);
		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
		assertThat(UUID.fromString(id.toString())).isEqualTo(id);
	}

	@Test
	void idsOfLaterMillisecondsSortAfterAsText() {
		String earlier = TimeOrderedIds.next(1796292000123L).toString();
		String later = TimeOrderedIds.next(1796292000124L).toString();
		assertThat(later).isGreaterThan(earlier);
		assertThat(TimeOrderedIds.next(1796292000123L)).isNotEqualTo(TimeOrderedIds.next(1796292000123L));
	}

}
