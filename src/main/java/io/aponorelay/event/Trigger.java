package io.aponorelay.event;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The six access-request events Apono fires. Each accepts its three spellings, case-insensitively:
 * {@code RequestCreated}, {@code Created} and {@code AccessRequestCreated}.
 */
public enum Trigger {

	CREATED("Created"), APPROVED("Approved"), EXPIRED("Expired"), FAILED("Failed"), GRANTED("Granted"),
	REJECTED("Rejected");

	private final String label;

	Trigger(String label) {
		this.label = label;
	}

	/** The normalised name templates and API answers use, for example {@code RequestCreated}. */
	public String canonicalName() {
		return "Request" + this.label;
	}

	/** Reads any of the three spellings of a trigger, ignoring case and surrounding blanks. */
	public static Optional<Trigger> parse(String name) {
		String lower = name.strip().toLowerCase(Locale.ROOT);
		String label = lower.startsWith("accessrequest") ? lower.substring("accessrequest".length())
				: lower.startsWith("request") ? lower.substring("request".length()) : lower;
		return Arrays.stream(values()).filter((trigger) -> trigger.label.equalsIgnoreCase(label)).findFirst();
	}

	/** The canonical names, for messages that list what is accepted. */
	public static String canonicalNames() {
		return Arrays.stream(values()).map(Trigger::canonicalName).collect(Collectors.joining(", "));
	}

	@Override
	public String toString() {
		return canonicalName();
	}

}
