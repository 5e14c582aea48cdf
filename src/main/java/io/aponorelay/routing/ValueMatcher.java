package io.aponorelay.routing;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Compares a value found in JSON with configured values: case-insensitively, with {@code *} as a
 * wildcard, and numbers by value ({@code 3600} matches {@code "3600"} and {@code 3600.0}); a JSON
 * scalar matches its text ({@code true} matches {@code "true"}). Any listed value matches.
 */
public final class ValueMatcher {

	private static final Pattern NUMBER = Pattern
		.compile("[+-]?([0-9]{1,40}(\\.[0-9]{1,40})?|\\.[0-9]{1,40})([eE][+-]?[0-9]{1,3})?");

	private final List<String> expected;

	private final List<Pattern> patterns;

	/** Each expected value as a number, or {@code null} when it is none. */
	private final List<@Nullable BigDecimal> numbers;

	public ValueMatcher(Collection<String> expected) {
		this.expected = List.copyOf(expected);
		this.patterns = this.expected.stream().map(ValueMatcher::wildcard).toList();
		this.numbers = this.expected.stream().map(ValueMatcher::number).toList();
	}

	public List<String> expected() {
		return expected;
	}

	/** Whether any of the actual values matches any expected value. */
	public boolean matchesAny(Collection<String> actual) {
		return actual.stream().anyMatch(this::matches);
	}

	public boolean matches(String actual) {
		BigDecimal actualNumber = null;
		boolean parsed = false;
		for (int i = 0; i < expected.size(); i++) {
			if (patterns.get(i).matcher(actual).matches()) {
				return true;
			}
			BigDecimal expectedNumber = numbers.get(i);
			if (expectedNumber != null) {
				if (!parsed) {
					actualNumber = number(actual);
					parsed = true;
				}
				if (actualNumber != null && expectedNumber.compareTo(actualNumber) == 0) {
					return true;
				}
			}
		}
		return false;
	}

	/** The text a JSON value compares as: strings as they are, numbers in plain notation, null as {@code null}. */
	public static String text(@Nullable Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		return String.valueOf(value);
	}

	private static Pattern wildcard(String value) {
		StringBuilder regex = new StringBuilder();
		for (String part : value.split("\\*", -1)) {
			if (!regex.isEmpty()) {
				regex.append(".*");
			}
			regex.append(Pattern.quote(part));
		}
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
	}

	/** A number, checked before parsing: a parse that fails throws, which costs on the hot path. */
	private static @Nullable BigDecimal number(String text) {
		String stripped = text.strip();
		return NUMBER.matcher(stripped).matches() ? new BigDecimal(stripped) : null;
	}

}
