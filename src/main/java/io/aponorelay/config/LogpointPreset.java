package io.aponorelay.config;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A webhook that says which Logpoint incident call it makes, instead of giving a body template:
 * the relay builds the exact body, URL and headers, and checks {@code $.data.success}.
 *
 * @param action the call
 * @param incidentIds a template that renders the incidents' ids (24 hex digits each), as a JSON
 * array or as text like {@code "a,b"}
 * @param assignee a template that renders the new assignee's user id ({@code assign_incident})
 * @param comment a template that renders the comment ({@code add_incident_comment})
 */
public record LogpointPreset(@Nullable Action action, @Nullable String incidentIds, @Nullable String assignee,
		@Nullable String comment) {

	/** Logpoint's incident write calls. */
	public enum Action {

		REOPEN_INCIDENT, RESOLVE_INCIDENT, CLOSE_INCIDENT, ASSIGN_INCIDENT, ADD_INCIDENT_COMMENT;

		/** The endpoint, as Logpoint names it: {@code reopen_incident}. */
		public String endpoint() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
