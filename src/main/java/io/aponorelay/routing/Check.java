package io.aponorelay.routing;

import java.util.List;

/**
 * One condition of a webhook evaluated against an event.
 *
 * @param check what was checked: {@code active}, {@code trigger} or {@code filters.<name>}
 * @param passed whether it passed
 * @param expected the values the webhook accepts
 * @param actual the values the event has there
 */
public record Check(String check, boolean passed, List<String> expected, List<String> actual) {

}
