package io.aponorelay.logpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Logpoint's incident API as its documentation and public clients describe it, in memory:
 * credentials in every body, errors as {@code 200} with {@code success: false}, and the incident
 * state rules (resolve and close only incidents assigned to the API user, close only resolved
 * ones, reopen only resolved or closed ones). A call that fails changes nothing.
 */
public class LogpointSimulator {

	private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{24}");

	private final String username;

	private final String secretKey;

	private final String apiUserId = "5bebd9fdd8aaa42840edc853";

	private final Map<String, String> users = new LinkedHashMap<>();

	private final Map<String, Incident> incidents = new LinkedHashMap<>();

	public LogpointSimulator(String username, String secretKey) {
		this.username = username;
		this.secretKey = secretKey;
		users.put(apiUserId, username);
		users.put("5bebd9fdd8aaa42840edc854", "analyst");
		add(new Incident("5a62bd8cce983de89085429c", "Brute force attempts on prod-pg", "resolved", apiUserId));
		add(new Incident("5a62bd8cce983de89085429b", "Unusual query volume on orders", "closed", apiUserId));
		add(new Incident("5a62bd8cce983de89085429e", "Login from a new country", "unresolved", "5bebd9fdd8aaa42840edc854"));
	}

	/** Adds an incident, for a test to set the scene. */
	public synchronized void add(Incident incident) {
		incidents.put(incident.id(), incident);
	}

	public synchronized @Nullable Incident incident(String id) {
		Incident incident = incidents.get(id);
		return (incident != null) ? incident.copy() : null;
	}

	public String apiUserId() {
		return apiUserId;
	}

	/**
	 * Answers one call.
	 * @param endpoint the path below the appliance root, such as {@code reopen_incident}
	 * @param body the request body
	 * @return the answer's body, or {@code null} for an endpoint Logpoint does not have
	 */
	public synchronized @Nullable Map<String, Object> call(String endpoint, Map<String, Object> body) {
		if (!isEndpoint(endpoint)) {
			return null;
		}
		if (!username.equals(body.get("username")) || !secretKey.equals(body.get("secret_key"))) {
			return failure("Authentication Failed");
		}
		if (!(body.get("requestData") instanceof Map<?, ?> request)) {
			return failure("requestData is required");
		}
		try {
			return switch (endpoint) {
				case "reopen_incident" -> change(request, "Incidents reopened", reopen);
				case "resolve_incident" -> change(request, "Incidents resolved", resolve);
				case "close_incident" -> change(request, "Incidents closed", close);
				case "assign_incident" -> assign(request);
				case "add_incident_comment" -> comment(request);
				case "get_users" -> success(Map.of("users", users.entrySet()
					.stream()
					.map((user) -> Map.of("id", user.getKey(), "name", user.getValue(), "usergroups", List.of()))
					.toList()));
				case "incidents" -> success(Map.of("incidents", incidents.values().stream().map(Incident::view).toList()));
				default -> success(Map.of("states", incidents.values().stream().map(Incident::view).toList()));
			};
		}
		catch (RefusedException ex) {
			return failure(ex.getMessage());
		}
	}

	static boolean isEndpoint(String endpoint) {
		return List.of("reopen_incident", "resolve_incident", "close_incident", "assign_incident",
				"add_incident_comment", "get_users", "incidents", "incident_states").contains(endpoint);
	}

	private Map<String, Object> change(Map<?, ?> request, String message, StateChange change) {
		List<Incident> targets = incidents(request.get("incident_ids"));
		targets.forEach(change::check);
		targets.forEach(change::apply);
		return success(Map.of("message", message));
	}

	private Map<String, Object> assign(Map<?, ?> request) {
		List<Incident> targets = incidents(request.get("incident_ids"));
		Object assignee = request.get("new_assignee");
		if (!(assignee instanceof String id) || !users.containsKey(id)) {
			throw new RefusedException("Unknown user '" + assignee + "'");
		}
		targets.forEach((incident) -> incident.assignedTo = id);
		return success(Map.of("message", "Incidents re-assigned"));
	}

	private Map<String, Object> comment(Map<?, ?> request) {
		if (!(request.get("states") instanceof List<?> states) || states.isEmpty()) {
			throw new RefusedException("states is required");
		}
		Map<Incident, List<String>> additions = new LinkedHashMap<>();
		for (Object state : states) {
			if (!(state instanceof Map<?, ?> entry) || !(entry.get("comments") instanceof List<?> comments)) {
				throw new RefusedException("Each state needs _id and comments");
			}
			Incident incident = incidents(List.of(String.valueOf(entry.get("_id")))).get(0);
			additions.computeIfAbsent(incident, (key) -> new ArrayList<>())
				.addAll(comments.stream().map(String::valueOf).toList());
		}
		additions.forEach((incident, comments) -> incident.comments.addAll(comments));
		return success(Map.of("message", "Comments added"));
	}

	private List<Incident> incidents(@Nullable Object ids) {
		if (!(ids instanceof List<?> list) || list.isEmpty()) {
			throw new RefusedException("incident_ids is required");
		}
		List<Incident> found = new ArrayList<>();
		for (Object id : list) {
			String text = String.valueOf(id);
			if (!OBJECT_ID.matcher(text).matches()) {
				throw new RefusedException("Invalid incident id '" + text + "'");
			}
			Incident incident = incidents.get(text);
			if (incident == null) {
				throw new RefusedException("Incident '" + text + "' not found");
			}
			found.add(incident);
		}
		return found;
	}

	private final StateChange reopen = new StateChange(
			(incident) -> !incident.status.equals("unresolved") ? null : "is not resolved or closed",
			(incident) -> incident.status = "unresolved");

	private final StateChange resolve = new StateChange(
			(incident) -> !apiUserId.equals(incident.assignedTo) ? "is not assigned to the API user"
					: !incident.status.equals("unresolved") ? "is already " + incident.status : null,
			(incident) -> incident.status = "resolved");

	private final StateChange close = new StateChange(
			(incident) -> !apiUserId.equals(incident.assignedTo) ? "is not assigned to the API user"
					: !incident.status.equals("resolved") ? "is not resolved" : null,
			(incident) -> incident.status = "closed");

	private static Map<String, Object> success(Map<String, Object> fields) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("success", true);
		answer.putAll(fields);
		return answer;
	}

	private static Map<String, Object> failure(String message) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("success", false);
		answer.put("message", message);
		return answer;
	}

	/** A rule for a state change: why an incident may not change (or {@code null}), and the change. */
	private record StateChange(java.util.function.Function<Incident, @Nullable String> refusal,
			java.util.function.Consumer<Incident> change) {

		void check(Incident incident) {
			String reason = refusal.apply(incident);
			if (reason != null) {
				throw new RefusedException("Incident '" + incident.id() + "' " + reason);
			}
		}

		void apply(Incident incident) {
			change.accept(incident);
		}

	}

	/**
	 * One incident: its object id, name, status ({@code unresolved}, {@code resolved} or
	 * {@code closed}), assignee's user id and comments.
	 */
	public static final class Incident {

		private final String id;

		private final String name;

		private String status;

		private String assignedTo;

		private final List<String> comments = new ArrayList<>();

		public Incident(String id, String name, String status, String assignedTo) {
			this.id = id;
			this.name = name;
			this.status = status;
			this.assignedTo = assignedTo;
		}

		public String id() {
			return id;
		}

		public String status() {
			return status;
		}

		public String assignedTo() {
			return assignedTo;
		}

		public List<String> comments() {
			return List.copyOf(comments);
		}

		Incident copy() {
			Incident copy = new Incident(id, name, status, assignedTo);
			copy.comments.addAll(comments);
			return copy;
		}

		Map<String, Object> view() {
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("id", id);
			view.put("name", name);
			view.put("status", status);
			view.put("assigned_to", assignedTo);
			view.put("comments", comments());
			return view;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Incident incident && incident.id.equals(id);
		}

		@Override
		public int hashCode() {
			return Objects.hash(id);
		}

	}

	private static final class RefusedException extends RuntimeException {

		RefusedException(String message) {
			super(message);
		}

	}

}
