package io.github.kernelboot.local;

import java.util.List;

import io.github.kernelboot.client.model.ErrorDetail;
import io.github.kernelboot.client.model.KernelError;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * A request the API refuses: the status and the Error JSON to answer it with.
 */
final class ApiException extends RuntimeException {

	private final HttpResponseStatus status;

	private final KernelError error;

	ApiException(HttpResponseStatus status, String code, String message) {
		this(status, new KernelError(code, message, null, null));
	}

	ApiException(HttpResponseStatus status, KernelError error) {
		// Refusals are answers, not failures: no stack trace to fill.
		super(error.message(), null, false, false);
		this.status = status;
		this.error = error;
	}

	HttpResponseStatus status() {
		return this.status;
	}

	KernelError error() {
		return this.error;
	}

	static ApiException badRequest(String field, String problem) {
		return new ApiException(HttpResponseStatus.BAD_REQUEST, new KernelError("bad_request", field + " " + problem,
				List.of(new ErrorDetail("invalid_field", field)), null));
	}

	static ApiException notFound(String message) {
		return new ApiException(HttpResponseStatus.NOT_FOUND, "not_found", message);
	}

	static ApiException conflict(String message) {
		return new ApiException(HttpResponseStatus.CONFLICT, "conflict", message);
	}

	/**
	 * A refusal clients may retry: the server is going away, not the thing they asked for.
	 * @param message what is happening
	 * @return the refusal
	 */
	static ApiException unavailable(String message) {
		return new ApiException(HttpResponseStatus.SERVICE_UNAVAILABLE, "unavailable", message);
	}

}
