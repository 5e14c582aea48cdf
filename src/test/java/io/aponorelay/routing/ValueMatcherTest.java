package io.aponorelay.routing;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ValueMatcherTest {

	@ParameterizedTest(name = "{0} against {1} -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			3600     | 3600       | true
			3600     | 3600.0     | true
			3600     | ' 3600 '   | true
			3600     | 3.6e3      | true
			3600     | +3600      | true
			0.5      | .5         | true
			0.5      | 0.50       | true
			-1       | -1.000     | true
			3600     | 3601       | false
			3600     | 3600x      | false
			3600     | 3600.      | false
			3600     | ''         | false
			3600     | abc        | false
			3600     | 1e99999    | false
			granted  | GRANTED    | true
			acc*     | Access     | true
			acc*     | xaccess    | false
			true     | true       | true
			""")
	void comparesTextCaseInsensitivelyWithWildcardsAndNumbersByValue(String expected, String actual,
			boolean matches) {
		assertThat(new ValueMatcher(List.of(expected)).matches(actual)).isEqualTo(matches);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "3600", "abc", "1e5" })
	void anyListedValueMatches(String actual) {
		assertThat(new ValueMatcher(List.of("abc", "3600", "100000")).matches(actual)).isTrue();
	}

}
