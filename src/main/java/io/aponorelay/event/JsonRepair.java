package io.aponorelay.event;

/**
 * Repairs what Apono's Handlebars rendering leaves broken inside JSON strings: raw control
 * characters and backslashes that start no valid escape. Handlebars HTML-escapes quotes, so a
 * {@code \"} in a rendered body can only be a value's own trailing backslash before the template's
 * closing quote; {@link #repair(String, boolean)} can read it that way when asked.
 */
final class JsonRepair {

	private JsonRepair() {
	}

	/**
	 * Returns the text with every stray backslash inside a string doubled and every raw control
	 * character escaped.
	 * @param json the text as received
	 * @param trailingBackslashes whether {@code \"} followed by {@code , } ] :} or the end closes
	 * the string after a literal backslash
	 */
	static String repair(String json, boolean trailingBackslashes) {
		StringBuilder out = new StringBuilder(json.length() + 16);
		boolean inString = false;
		int length = json.length();
		for (int i = 0; i < length; i++) {
			char c = json.charAt(i);
			if (!inString) {
				out.append(c);
				inString = (c == '"');
				continue;
			}
			if (c == '"') {
				out.append(c);
				inString = false;
			}
			else if (c == '\\') {
				char next = (i + 1 < length) ? json.charAt(i + 1) : 0;
				if (next == '"' && trailingBackslashes && closesString(json, i + 2)) {
					out.append("\\\\");
				}
				else if (isEscape(json, i + 1)) {
					out.append(c).append(next);
					i++;
				}
				else {
					out.append("\\\\");
				}
			}
			else if (c < 0x20) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static boolean isEscape(String json, int at) {
		if (at >= json.length()) {
			return false;
		}
		return switch (json.charAt(at)) {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> true;
			case 'u' -> at + 4 < json.length() && json.substring(at + 1, at + 5).chars().allMatch(JsonRepair::isHex);
			default -> false;
		};
	}

	private static boolean isHex(int c) {
		return Character.digit(c, 16) >= 0;
	}

	private static boolean closesString(String json, int from) {
		int i = from;
		while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
			i++;
		}
		return i == json.length() || ",}]:".indexOf(json.charAt(i)) >= 0;
	}

}
