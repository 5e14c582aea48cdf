package io.aponorelay.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.aponorelay.config.AdminProperties;
import io.aponorelay.config.AdminProperties.Role;
import io.aponorelay.ingest.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands before {@code /api} and the Actuator endpoints other than health: a request needs an
 * admin's bearer token; a {@code viewer} reads, an {@code operator} also sends (Test, redelivery).
 * The ingest secret opens nothing here.
 */
class AdminGuard extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(AdminGuard.class);

	/** The calls that send to targets or change the queue. */
	private static final Pattern OPERATOR_CALLS = Pattern
		.compile("/api/webhooks/[^/]+/test|/api/invocations/redeliver|/api/invocations/[^/]+/redeliver");

	private final AdminProperties admin;

	private final List<Holder> holders;

	private final ProblemResponses problems;

	AdminGuard(AdminProperties admin, ProblemResponses problems) {
		this.admin = admin;
		this.holders = admin.tokens()
			.stream()
			.map((token) -> new Holder(String.valueOf(token.name()), token.role(), digest(String.valueOf(token.token()))))
			.toList();
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (admin.auth() == AdminProperties.Mode.NONE) {
			chain.doFilter(request, response);
			return;
		}
		Holder holder = holder(request.getHeader("Authorization"));
		if (holder == null) {
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "Not authenticated",
					"An admin bearer token is required", Map.of("WWW-Authenticate", "Bearer realm=\"apono-logpoint-relay admin\""));
			return;
		}
		boolean acts = "POST".equals(request.getMethod()) && OPERATOR_CALLS.matcher(request.getRequestURI()).matches();
		if (acts && holder.role() != Role.OPERATOR) {
			problems.write(request, response, HttpStatus.FORBIDDEN, "Forbidden",
					"This call needs the operator role; the token of '" + holder.name() + "' has " + holder.role(), Map.of());
			return;
		}
		if (acts) {
			logger.info("Admin '{}' calls {} {}", holder.name(), request.getMethod(), request.getRequestURI());
		}
		chain.doFilter(request, response);
	}

	private @Nullable Holder holder(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		byte[] presented = digest(authorization.substring(7).strip());
		Holder found = null;
		for (Holder holder : holders) {
			if (MessageDigest.isEqual(presented, holder.digest()) && found == null) {
				found = holder;
			}
		}
		return found;
	}

	private static byte[] digest(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private record Holder(String name, Role role, byte[] digest) {

	}

}
