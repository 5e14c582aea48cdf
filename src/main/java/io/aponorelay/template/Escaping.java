package io.aponorelay.template;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.github.jknack.handlebars.EscapingStrategy;

/**
 * How {@code {{x}}} output is escaped in each part of a request, so a value can never break out
 * of the place the template put it.
 */
public enum Escaping implements EscapingStrategy {

	/** None: for text the caller writes into JSON itself. */
	NONE {
		@Override
		public CharSequence escape(CharSequence value) {
			return value;
		}
	},

	/** Inside a JSON string: quotes, backslashes, control characters, {@code </} and line separators. */
	JSON_STRING {
		@Override
		public CharSequence escape(CharSequence value) {
			StringBuilder out = new StringBuilder(value.length() + 8);
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				switch (c) {
					case '"' -> out.append("\\\"");
					case '\\' -> out.append("\\\\");
					case '\n' -> out.append("\\n");
					case '\r' -> out.append("\\r");
					case '\t' -> out.append("\\t");
					case '\b' -> out.append("\\b");
					case '\f' -> out.append("\\f");
					case '/' -> out.append((i > 0 && value.charAt(i - 1) == '<') ? "\\/" : "/");
					case '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
					default -> {
						if (c < 0x20) {
							out.append(String.format("\\u%04x", (int) c));
						}
						else {
							out.append(c);
						}
					}
				}
			}
			return out;
		}
	},

	/** Inside a URL: percent-encoded, so a value stays within its path segment or query value. */
	URL {
		@Override
		public CharSequence escape(CharSequence value) {
			return URLEncoder.encode(value.toString(), StandardCharsets.UTF_8).replace("+", "%20");
		}
	},

	/** Inside a header value: line breaks and other control characters removed. */
	HEADER {
		@Override
		public CharSequence escape(CharSequence value) {
			return CONTROL.matcher(value).replaceAll("");
		}
	};

	/** Control characters but the tab. */
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t]]");

}
