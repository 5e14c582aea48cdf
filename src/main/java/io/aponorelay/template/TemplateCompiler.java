package io.aponorelay.template;

import io.aponorelay.config.Secrets;
import org.springframework.stereotype.Component;

/**
 * Compiles templates in the relay's Handlebars dialect ({@code json}, {@code list} and
 * {@code secret} helpers, {@code trigger} and {@code relay.eventKey} in scope), for capabilities
 * that build requests of their own.
 */
@Component
public class TemplateCompiler {

	private final TemplateEngine engine;

	public TemplateCompiler(Secrets secrets) {
		this.engine = new TemplateEngine(secrets);
	}

	/**
	 * Compiles a template.
	 * @param part what the template is, for messages: {@code body-template}, {@code logpoint.comment}
	 * @throws TemplateException when it does not compile
	 */
	public TextTemplate compile(String part, String source, Escaping escaping) {
		return new TextTemplate(part, engine.compile(part, source, escaping));
	}

	TemplateEngine engine() {
		return engine;
	}

}
