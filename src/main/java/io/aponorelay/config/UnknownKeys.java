package io.aponorelay.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Finds keys under {@code relay} that no configuration record has, such as a misspelt filter,
 * which binding would otherwise ignore without a word. Keys from configuration files, the command
 * line and system properties are checked; environment variables are not.
 */
final class UnknownKeys {

	private static final ConfigurationPropertyName RELAY = ConfigurationPropertyName.of("relay");

	private UnknownKeys() {
	}

	static Set<String> find(Environment environment) {
		Set<String> unknown = new TreeSet<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			// environment variables are left out: RELAY_ADMIN_TOKEN_ALICE holds a value for a
			// placeholder, yet relaxed binding would read it as the key relay.admin.token.alice
			if (source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource) {
				continue;
			}
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.stream()
					.filter(RELAY::isAncestorOf)
					.filter((name) -> !isKnown(RelayProperties.class, name, 1))
					.forEach((name) -> unknown.add(name.toString()));
			}
		}
		return unknown;
	}

	/** Whether the elements of a name from {@code index} on lead somewhere in the given type. */
	private static boolean isKnown(Type type, ConfigurationPropertyName name, int index) {
		if (index == name.getNumberOfElements()) {
			return true;
		}
		Class<?> raw = raw(type);
		if (Collection.class.isAssignableFrom(raw)) {
			return name.isNumericIndex(index) && isKnown(argument(type, 0), name, index + 1);
		}
		if (Map.class.isAssignableFrom(raw)) {
			return isKnown(argument(type, 1), name, index + 1);
		}
		if (raw.isRecord()) {
			String element = name.getElement(index, Form.UNIFORM);
			for (RecordComponent component : raw.getRecordComponents()) {
				if (component.getName().toLowerCase(Locale.ROOT).equals(element)) {
					return isKnown(component.getGenericType(), name, index + 1);
				}
			}
			return false;
		}
		// a scalar: a comma-separated value may also be given element by element
		return false;
	}

	private static Class<?> raw(Type type) {
		return (type instanceof ParameterizedType parameterized) ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
	}

	private static Type argument(Type type, int index) {
		return ((ParameterizedType) type).getActualTypeArguments()[index];
	}

}
