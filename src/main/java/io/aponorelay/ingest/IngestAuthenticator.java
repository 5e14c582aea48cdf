package io.aponorelay.ingest;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.aponorelay.config.IngestAuthProperties;
import io.aponorelay.config.IngestAuthProperties.Mode;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Checks that an ingest request carries one of the configured secrets, the way the configured
 * mode says. Every comparison takes the same time whatever the input, and every configured secret
 * is compared, so timing tells an attacker nothing.
 */
final class IngestAuthenticator {

	private final IngestAuthProperties auth;

	private final List<byte[]> tokenDigests;

	private final Clock clock;

	IngestAuthenticator(IngestAuthProperties auth, Clock clock) {
		this.auth = auth;
		this.tokenDigests = auth.tokens().stream().map(IngestAuthenticator::digest).toList();
		this.clock = clock;
	}

	/** Whether the body is needed to authenticate: only signatures cover it. */
	boolean needsBody() {
		return auth.mode() == Mode.HMAC;
	}

	/**
	 * Authenticates a request.
	 * @param body the raw body, when {@link #needsBody()}
	 * @return {@code null} when the request is authentic, else why it is not
	 */
	@Nullable String refusal(HttpServletRequest request, byte @Nullable [] body) {
		return switch (auth.mode()) {
			case NONE -> null;
			case BEARER -> bearer(request.getHeader("Authorization"));
			case HEADER -> isToken(request.getHeader(String.valueOf(auth.headerName()))) ? null
					: "The " + auth.headerName() + " header is missing or wrong";
			case BASIC -> basic(request.getHeader("Authorization"));
			case HMAC -> signature(request, (body != null) ? body : new byte[0]);
		};
	}

	/** The {@code WWW-Authenticate} challenge of the mode, if it has one. */
	@Nullable String challenge() {
		return switch (auth.mode()) {
			case BEARER -> "Bearer realm=\"apono-logpoint-relay\"";
			case BASIC -> "Basic realm=\"apono-logpoint-relay\", charset=\"UTF-8\"";
			default -> null;
		};
	}

	private @Nullable String bearer(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return "A bearer token is required";
		}
		return isToken(authorization.substring(7).strip()) ? null : "The bearer token is not valid";
	}

	private @Nullable String basic(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return "HTTP Basic credentials are required";
		}
		String credentials;
		try {
			credentials = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return "The Basic credentials are not valid Base64";
		}
		int colon = credentials.indexOf(':');
		boolean user = colon >= 0 && equal(digest(credentials.substring(0, colon)), digest(String.valueOf(auth.username())));
		boolean password = colon >= 0 && isToken(credentials.substring(colon + 1));
		return (user & password) ? null : "The Basic credentials are not valid";
	}

	/** Standard Webhooks: HMAC-SHA256 of {@code id.timestamp.body}, in {@code v1,<base64>} entries. */
	private @Nullable String signature(HttpServletRequest request, byte[] body) {
		String id = request.getHeader("webhook-id");
		String timestamp = request.getHeader("webhook-timestamp");
		String signatures = request.getHeader("webhook-signature");
		if (id == null || timestamp == null || signatures == null) {
			return "The webhook-id, webhook-timestamp and webhook-signature headers are required";
		}
		Instant signedAt;
		try {
			signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
		}
		catch (NumberFormatException | java.time.DateTimeException ex) {
			return "webhook-timestamp is not a Unix time in seconds";
		}
		if (Duration.between(signedAt, clock.instant()).abs().compareTo(auth.tolerance()) > 0) {
			return "webhook-timestamp is more than " + auth.tolerance() + " away from now";
		}
		byte[] signed = concat((id + "." + timestamp.strip() + ".").getBytes(StandardCharsets.UTF_8), body);
		boolean valid = false;
		for (String token : auth.tokens()) {
			byte[] expected = hmac(key(token), signed);
			for (String entry : signatures.strip().split(" +")) {
				if (entry.startsWith("v1,")) {
					valid |= equal(expected, decode(entry.substring(3)));
				}
			}
		}
		return valid ? null : "The signature does not match the body";
	}

	private boolean isToken(@Nullable String candidate) {
		if (candidate == null) {
			return false;
		}
		byte[] digest = digest(candidate);
		boolean found = false;
		for (byte[] token : tokenDigests) {
			found |= equal(digest, token);
		}
		return found;
	}

	private static byte[] key(String token) {
		if (token.startsWith("whsec_")) {
			try {
				return Base64.getDecoder().decode(token.substring(6));
			}
			catch (IllegalArgumentException ex) {
				// not Base64 after the prefix: used as it is
			}
		}
		return token.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] hmac(byte[] key, byte[] content) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(content);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

	private static byte[] decode(String base64) {
		try {
			return Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			return new byte[0];
		}
	}

	private static byte[] digest(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private static boolean equal(byte[] a, byte[] b) {
		return MessageDigest.isEqual(a, b);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] all = new byte[a.length + b.length];
		System.arraycopy(a, 0, all, 0, a.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

}
