package io.aponorelay.routing;

import java.util.List;

import io.aponorelay.config.Secrets;
import io.aponorelay.event.AponoEvent;
import io.aponorelay.template.RenderedRequest;
import io.aponorelay.template.RequestTemplates;
import io.aponorelay.template.TemplateException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The dry run: for every webhook, whether an event triggers it and why, and the exact request it
 * would send, secrets masked. Sends nothing and records nothing.
 */
@Component
public class Explainer {

	private final Router router;

	private final RequestTemplates templates;

	private final Secrets secrets;

	Explainer(Router router, RequestTemplates templates, Secrets secrets) {
		this.router = router;
		this.templates = templates;
		this.secrets = secrets;
	}

	public Explanation explain(AponoEvent event) {
		String key = event.key();
		List<WebhookExplanation> webhooks = router.decide(event).stream().map((decision) -> {
			if (!decision.matched()) {
				return new WebhookExplanation(decision.webhook(), false, decision.checks(), null, null);
			}
			try {
				RenderedRequest request = templates.render(decision.webhook(), event, key).masked(secrets);
				return new WebhookExplanation(decision.webhook(), true, decision.checks(), request, null);
			}
			catch (TemplateException ex) {
				return new WebhookExplanation(decision.webhook(), true, decision.checks(), null,
						secrets.mask(ex.getMessage()));
			}
		}).toList();
		return new Explanation(key, event.trigger().canonicalName(), webhooks);
	}

	/**
	 * The dry run's answer.
	 *
	 * @param eventKey the event's key
	 * @param trigger the normalised trigger
	 * @param webhooks every webhook, matched or not
	 */
	public record Explanation(String eventKey, String trigger, List<WebhookExplanation> webhooks) {

	}

	/**
	 * One webhook in the dry run.
	 *
	 * @param webhook the webhook's name
	 * @param matched whether the event triggers it
	 * @param checks every check and its values
	 * @param request the request it would send, secrets masked; only when matched
	 * @param renderError why the request could not be rendered, when matched but broken
	 */
	public record WebhookExplanation(String webhook, boolean matched, List<Check> checks,
			@Nullable RenderedRequest request, @Nullable String renderError) {

	}

}
