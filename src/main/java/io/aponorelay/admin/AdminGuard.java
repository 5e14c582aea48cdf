package io.aponorelay.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.aponorelay.config.AdminProperties;
import io.aponorelay.config.AdminProperties.Role;
import io.aponorelay.ingest.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Stands before {@code /api} and the Actuator endpoints other than health: a request needs an
 * admin's bearer token; a {@code viewer} reads (and may run the dry run), an {@code operator} also
 * sends (Test, redelivery) and changes the queue.
 * The ingest secret opens nothing here.
 */
class AdminGuard extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(AdminGuard.class);

	/** Health and its groups: open to anyone, but only by their plain names. */
	private static final Pattern HEALTH = Pattern.compile("/actuator/health(/[A-Za-z0-9_-]+)*");

	/** The only call that is not a read and still needs no operator: the dry run sends nothing. */
	private static final String DRY_RUN = "/api/explain";

	private final UrlPathHelper paths = new UrlPathHelper();

	private final AdminProperties admin;

	private final List<Holder> holders;

	private final ProblemResponses problems;

	AdminGuard(AdminProperties admin, ProblemResponses problems) {
		paths.setUrlDecode(true);
		paths.setRemoveSemicolonContent(true);
		this.admin = admin;
		this.holders = admin.tokens()
			.stream()
			.map((token) -> new Holder(String.valueOf(token.name()), token.role(), digest(String.valueOf(token.token()))))
			.toList();
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (admin.auth() == AdminProperties.Mode.NONE) {
			chain.doFilter(request, response);
			return;
		}
		Holder holder = holder(request.getHeader("Authorization"));
		if (HEALTH.matcher(request.getRequestURI()).matches()) {
			// health is open to anyone; an admin also sees its details
			chain.doFilter((holder != null) ? new Authenticated(request, holder) : request, response);
			return;
		}
		if (holder == null) {
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "Not authenticated",
					"An admin bearer token is required", Map.of("WWW-Authenticate", "Bearer realm=\"apono-logpoint-relay admin\""));
			return;
		}
		// decided on the path as the handlers see it (decoded, without ;parameters), and failing safe:
		// anything but a read or the dry run needs an operator
		String path = paths.getPathWithinApplication(request);
		boolean reads = List.of("GET", "HEAD", "OPTIONS").contains(request.getMethod());
		boolean acts = !reads && !(request.getMethod().equals("POST") && path.equals(DRY_RUN));
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

	/** The request of an admin, as Actuator asks for it: a principal, and the role. */
	private static final class Authenticated extends HttpServletRequestWrapper {

		private final Holder holder;

		Authenticated(HttpServletRequest request, Holder holder) {
			super(request);
			this.holder = holder;
		}

		@Override
		public Principal getUserPrincipal() {
			return holder::name;
		}

		@Override
		public boolean isUserInRole(String role) {
			return holder.role().name().equalsIgnoreCase(role) || (holder.role() == Role.OPERATOR
					&& Role.VIEWER.name().equalsIgnoreCase(role));
		}

	}

}
