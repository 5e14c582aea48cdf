package io.aponorelay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import io.aponorelay.event.JsonValues;

/**
 * Calls the relay over real HTTP, as Apono and admins do.
 */
public final class RelayClient {

	private final HttpClient http;

	private final String baseUrl;

	private final String ingestToken;

	private final String adminToken;

	/** A client for a relay that asks no authentication. */
	public RelayClient(String baseUrl) {
		this(baseUrl, null, null);
	}

	/**
	 * A client that authenticates as Apono on {@code /ingest} and as an admin on {@code /api}.
	 * @param ingestToken the bearer token for ingest, or {@code null} for none
	 * @param adminToken the admin bearer token, or {@code null} for none
	 */
	public RelayClient(String baseUrl, String ingestToken, String adminToken) {
		this(baseUrl, ingestToken, adminToken, HttpClient.newHttpClient());
	}

	/** A client over a given HTTP client, for example one that trusts a test CA. */
	public RelayClient(String baseUrl, String ingestToken, String adminToken, HttpClient http) {
		this.http = http;
		this.baseUrl = baseUrl;
		this.ingestToken = ingestToken;
		this.adminToken = adminToken;
	}

	/** The same relay, with other tokens. */
	public RelayClient withTokens(String ingestToken, String adminToken) {
		return new RelayClient(baseUrl, ingestToken, adminToken, http);
	}

	public Response postJson(String path, String body) {
		return post(path, "application/json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	public Response post(String path, String contentType, byte[] body) {
		return post(path, contentType, body, Map.of());
	}

	public Response post(String path, String contentType, byte[] body, Map<String, String> headers) {
		HttpRequest.Builder request = authorized(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		headers.forEach(request::setHeader);
		return send(request.build());
	}

	/** Posts with headers given as name and value pairs; a name may repeat, as several header lines. */
	public Response postWithHeaderLines(String path, String body, String... namesAndValues) {
		HttpRequest.Builder request = authorized(path).POST(HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json");
		for (int i = 0; i < namesAndValues.length; i += 2) {
			request.header(namesAndValues[i], namesAndValues[i + 1]);
		}
		return send(request.build());
	}

	public Response get(String path) {
		return send(authorized(path).GET().build());
	}

	private HttpRequest.Builder authorized(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
		String token = path.startsWith("/ingest/") ? ingestToken : adminToken;
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body(), response.headers());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A response from the relay.
	 *
	 * @param status the HTTP status
	 * @param contentType the Content-Type header
	 * @param body the body
	 * @param headers every header
	 */
	public record Response(int status, String contentType, String body, HttpHeaders headers) {

		/** The body as a JSON object. */
		@SuppressWarnings("unchecked")
		public Map<String, Object> json() {
			return (Map<String, Object>) JsonValues.parse(body);
		}

		/** A field of the body that holds an array of objects. */
		@SuppressWarnings("unchecked")
		public java.util.List<Map<String, Object>> objects(String field) {
			return (java.util.List<Map<String, Object>>) json().get(field);
		}

		/** The body as a JSON array. */
		public java.util.List<?> jsonList() {
			return (java.util.List<?>) JsonValues.parse(body);
		}

	}

}
