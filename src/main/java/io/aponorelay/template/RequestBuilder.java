package io.aponorelay.template;

import io.aponorelay.event.AponoEvent;

/**
 * Builds the request one webhook sends for an event.
 */
@FunctionalInterface
public interface RequestBuilder {

	/**
	 * Builds the request.
	 * @throws TemplateException when the event cannot make a valid request; retrying cannot fix it
	 */
	RenderedRequest render(AponoEvent event, String eventKey);

}
