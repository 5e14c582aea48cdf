package io.aponorelay.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.aponorelay.event.JsonValues;

/**
 * The named secrets of {@code relay.secrets}, and the one place that hides their values: every
 * text the relay shows or stores passes through {@link #mask(String)}.
 */
public final class Secrets {

	/** What a secret value is replaced with. */
	public static final String MASK = "****";

	private final Map<String, String> values;

	private final String[] forms;

	public Secrets(Map<String, String> values) {
		this(values, List.of());
	}

	/**
	 * Named secrets, and values that are secret but have no name in templates, such as the tokens
	 * Apono and admins authenticate with: all are masked.
	 */
	public Secrets(Map<String, String> values, Collection<String> alsoSecret) {
		this.values = Map.copyOf(values);
		Set<String> forms = new LinkedHashSet<>();
		for (String value : concat(this.values.values(), alsoSecret)) {
			if (!value.isEmpty()) {
				forms.add(value);
				forms.add(jsonEscaped(value));
				// the form templates write inside JSON strings, where </ becomes <\/
				forms.add(jsonEscaped(value).replace("</", "<\\/"));
				String urlEncoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
				forms.add(urlEncoded);
				forms.add(urlEncoded.replace("+", "%20"));
			}
		}
		// longest first, so that a secret containing another is masked whole
		this.forms = forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toArray(String[]::new);
	}

	public Optional<String> value(String name) {
		return Optional.ofNullable(values.get(name));
	}

	/** Replaces every occurrence of a secret value (also JSON-escaped or URL-encoded) by {@value #MASK}. */
	public String mask(String text) {
		String masked = text;
		for (String form : forms) {
			if (masked.contains(form)) {
				masked = masked.replace(form, MASK);
			}
		}
		return masked;
	}

	private static List<String> concat(Collection<String> first, Collection<String> second) {
		List<String> all = new ArrayList<>(first);
		second.stream().filter(Objects::nonNull).filter((value) -> !value.isBlank()).forEach(all::add);
		return all;
	}

	private static String jsonEscaped(String value) {
		String json = JsonValues.toJson(value);
		return json.substring(1, json.length() - 1);
	}

}
