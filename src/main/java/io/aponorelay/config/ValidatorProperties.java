package io.aponorelay.config;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A check on the target's response, read as {@code {"status", "headers", "data"}}.
 *
 * @param jsonPath the JSONPath into that envelope, for example {@code $.data.success}
 * @param expectedValues the values that pass; any one suffices
 * @param errorMessage the message recorded when the check fails
 */
public record ValidatorProperties(@Nullable String jsonPath, @Nullable List<String> expectedValues,
		@Nullable String errorMessage) {

	public ValidatorProperties {
		expectedValues = (expectedValues != null) ? List.copyOf(expectedValues) : List.of();
	}

}
