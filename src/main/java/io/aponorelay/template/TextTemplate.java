package io.aponorelay.template;

import com.github.jknack.handlebars.Template;
import io.aponorelay.event.AponoEvent;

/**
 * A compiled template that renders text for an event.
 */
public final class TextTemplate {

	private final String part;

	private final Template template;

	TextTemplate(String part, Template template) {
		this.part = part;
		this.template = template;
	}

	/**
	 * Renders the template for an event.
	 * @throws TemplateException when rendering fails
	 */
	public String render(AponoEvent event, String eventKey) {
		return TemplateEngine.render(part, template, event, eventKey);
	}

}
