package io.aponorelay.template;

import java.io.IOException;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.HandlebarsError;
import com.github.jknack.handlebars.HandlebarsException;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.context.MapValueResolver;
import io.aponorelay.config.Secrets;
import io.aponorelay.event.AponoEvent;
import io.aponorelay.event.JsonValues;
import io.aponorelay.event.JsonValues.JsonObject;

/**
 * Compiles and renders Handlebars templates over an event. The root is the event itself, plus
 * {@code trigger} (the normalised trigger) and {@code relay.eventKey}.
 */
final class TemplateEngine {

	private static final Pattern SECRET_REFERENCE = Pattern.compile("\\bsecret\\s+(['\"])(.*?)\\1");

	private final Map<Escaping, Handlebars> engines = new EnumMap<>(Escaping.class);

	TemplateEngine(Secrets secrets) {
		for (Escaping escaping : Escaping.values()) {
			Handlebars handlebars = new Handlebars().with(escaping);
			handlebars.registerHelper("json", (value, options) -> new Handlebars.SafeString(JsonValues.toJson(value)));
			handlebars.registerHelper("list", (value, options) -> Lists.of(value));
			handlebars.registerHelper("secret", (name, options) -> secrets.value(String.valueOf(name))
				.orElseThrow(() -> new IllegalArgumentException("secret '" + name + "' is not in relay.secrets")));
			engines.put(escaping, handlebars);
		}
	}

	/**
	 * Compiles the template of one part of a request.
	 * @throws TemplateException with the parser's reason when it does not compile
	 */
	Template compile(String part, String source, Escaping escaping) {
		try {
			return engines.get(escaping).compileInline(source);
		}
		catch (HandlebarsException ex) {
			HandlebarsError error = ex.getError();
			String reason = (error != null) ? error.reason + " at line " + error.line + ", column " + error.column
					: ex.getMessage();
			if (reason.contains("'}}}'")) {
				reason += " (a JSON '}' right after '}}' reads as '}}}': put a space between them)";
			}
			throw new TemplateException(part, "does not compile: " + reason, ex);
		}
		catch (IOException | RuntimeException ex) {
			throw new TemplateException(part, "does not compile: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Renders a compiled template over an event.
	 * @throws TemplateException when a helper fails, for example on an unknown secret
	 */
	static String render(String part, Template template, AponoEvent event, String eventKey) {
		try (Scope scope = new Scope(event, eventKey)) {
			return scope.render(part, template);
		}
	}

	/**
	 * An event as templates see it, for rendering the parts of one request: the root is built
	 * once, not once per part.
	 */
	static final class Scope implements AutoCloseable {

		private final Context context;

		Scope(AponoEvent event, String eventKey) {
			// a shallow copy, so that trigger and relay are part of the root, also for @root
			JsonObject root = new JsonObject(event.root());
			root.put("trigger", event.trigger().canonicalName());
			root.put("relay", new JsonObject(Map.of("eventKey", eventKey)));
			this.context = Context.newBuilder(root).resolver(MapValueResolver.INSTANCE).build();
		}

		/**
		 * Renders one part.
		 * @throws TemplateException when a helper fails, for example on an unknown secret
		 */
		String render(String part, Template template) {
			try {
				TextWriter writer = new TextWriter();
				template.apply(context, writer);
				return writer.toString();
			}
			catch (HandlebarsException ex) {
				Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
				throw new TemplateException(part, "rendering failed: " + cause.getMessage(), ex);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() {
			context.destroy();
		}

	}

	/**
	 * Collects rendered text without locking, sized for a header or a Logpoint body (Handlebars'
	 * own writer starts at 1,600 characters for every part).
	 */
	private static final class TextWriter extends Writer {

		private final StringBuilder text = new StringBuilder(256);

		@Override
		public void write(int c) {
			text.append((char) c);
		}

		@Override
		public void write(char[] chars, int offset, int length) {
			text.append(chars, offset, length);
		}

		@Override
		public void write(String string, int offset, int length) {
			text.append(string, offset, offset + length);
		}

		@Override
		public Writer append(CharSequence chars) {
			text.append(chars);
			return this;
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

		@Override
		public String toString() {
			return text.toString();
		}

	}

	/** The secret names a template refers to with {@code secret 'name'}. */
	static Set<String> secretReferences(String source) {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = SECRET_REFERENCE.matcher(source);
		while (matcher.find()) {
			names.add(matcher.group(2));
		}
		return names;
	}

}
