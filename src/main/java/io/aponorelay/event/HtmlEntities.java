package io.aponorelay.event;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the HTML entities that Handlebars' default escaping writes into {@code {{x}}} output
 * ({@code &quot;}, {@code &amp;}, {@code &#x27;}, {@code &#x3D;}, {@code &#x60;}, ...), and any
 * other numeric entity, so a value arrives as the user typed it.
 */
final class HtmlEntities {

	private static final Pattern ENTITY = Pattern.compile("&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,6});");

	private static final Map<String, String> NAMED = Map.of("quot", "\"", "amp", "&", "lt", "<", "gt", ">", "apos",
			"'", "nbsp", "\u00a0");

	private HtmlEntities() {
	}

	static String decode(String text) {
		if (text.indexOf('&') < 0) {
			return text;
		}
		Matcher matcher = ENTITY.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		while (matcher.find()) {
			matcher.appendReplacement(out, Matcher.quoteReplacement(replacement(matcher.group(1), matcher.group())));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static String replacement(String entity, String original) {
		if (entity.charAt(0) != '#') {
			return NAMED.getOrDefault(entity.toLowerCase(java.util.Locale.ROOT), original);
		}
		boolean hex = entity.length() > 1 && (entity.charAt(1) == 'x' || entity.charAt(1) == 'X');
		int codePoint = Integer.parseInt(entity.substring(hex ? 2 : 1), hex ? 16 : 10);
		return Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : original;
	}

}
