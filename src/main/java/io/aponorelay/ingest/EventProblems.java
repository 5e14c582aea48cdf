package io.aponorelay.ingest;

import io.aponorelay.event.InvalidEventException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns a refused event body into an RFC 9457 problem (400, 413, 415 or 422), and a store that
 * cannot record into 503.
 */
@RestControllerAdvice
class EventProblems {

	private static final Logger logger = LoggerFactory.getLogger(EventProblems.class);

	private final IngestMetrics metrics;

	EventProblems(IngestMetrics metrics) {
		this.metrics = metrics;
	}

	@ExceptionHandler
	ProblemDetail invalidEvent(InvalidEventException ex, HttpServletRequest request) {
		boolean unknownTrigger = ex.reason() == InvalidEventException.Reason.UNKNOWN_TRIGGER;
		count(request, unknownTrigger ? "unknown-trigger" : "malformed");
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(
				unknownTrigger ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle(unknownTrigger ? "Unknown trigger" : "Invalid event");
		return problem;
	}

	/** The store cannot take the event now; nothing was accepted, and the caller may send it again. */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ProblemDetail storeUnavailable(RuntimeException ex, HttpServletRequest request) {
		logger.error("The store failed", ex);
		count(request, "store-unavailable");
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The relay's store is unavailable; nothing was recorded. Try again.");
		problem.setTitle("Store unavailable");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail refusedBody(BodyRefusedException ex, HttpServletRequest request) {
		count(request, (ex.status() == 413) ? "too-large" : "unsupported-type");
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(ex.status()), ex.getMessage());
		problem.setTitle(ex.title());
		return problem;
	}

	/** Counts refusals of ingest requests; the admin API's dry run reads events too, uncounted. */
	private void count(HttpServletRequest request, String reason) {
		if (request.getRequestURI().startsWith("/ingest/")) {
			metrics.rejected(reason);
		}
	}

}
