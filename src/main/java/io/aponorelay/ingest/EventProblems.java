package io.aponorelay.ingest;

import io.aponorelay.event.InvalidEventException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns a refused event body into an RFC 9457 problem: 400, 413, 415 or 422.
 */
@RestControllerAdvice
class EventProblems {

	@ExceptionHandler
	ProblemDetail invalidEvent(InvalidEventException ex) {
		boolean unknownTrigger = ex.reason() == InvalidEventException.Reason.UNKNOWN_TRIGGER;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(
				unknownTrigger ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle(unknownTrigger ? "Unknown trigger" : "Invalid event");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail refusedBody(BodyRefusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(ex.status()), ex.getMessage());
		problem.setTitle(ex.title());
		return problem;
	}

}
