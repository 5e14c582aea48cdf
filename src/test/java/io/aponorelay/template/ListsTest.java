package io.aponorelay.template;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ListsTest {

	@ParameterizedTest
	@ValueSource(strings = { "5a62bd8cce983de89085429c,5a62bd8cce983de89085429b",
			"5a62bd8cce983de89085429c, 5a62bd8cce983de89085429b", "5a62bd8cce983de89085429c 5a62bd8cce983de89085429b",
			"[\"5a62bd8cce983de89085429c\",\"5a62bd8cce983de89085429b\"]",
			"[5a62bd8cce983de89085429c, 5a62bd8cce983de89085429b]", " 5a62bd8cce983de89085429c;5a62bd8cce983de89085429b " })
	void readsTheFormsACustomFieldArrivesIn(String text) {
		assertThat(Lists.of(text)).containsExactly("5a62bd8cce983de89085429c", "5a62bd8cce983de89085429b");
	}

	@Test
	void keepsListsAndWrapsSingleValues() {
		assertThat(Lists.of(List.of("a", "b"))).containsExactly("a", "b");
		assertThat(Lists.of(42)).containsExactly(42);
		assertThat(Lists.of(null)).isEmpty();
		assertThat(Lists.of("  ")).isEmpty();
	}

}
