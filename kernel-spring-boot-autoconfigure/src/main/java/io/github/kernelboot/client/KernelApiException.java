package io.github.kernelboot.client;

import java.time.Duration;
import java.util.List;

import io.github.kernelboot.client.model.ErrorDetail;
import io.github.kernelboot.client.model.KernelError;
import org.jspecify.annotations.Nullable;

/**
 * The Kernel API answered with an error status. Subclasses stand for the statuses the API
 * documents; this class itself stands for any other status (a redirect, 405, 408, ...).
 */
public class KernelApiException extends KernelRequestException {

	private final ApiErrorResponse response;

	/**
	 * Creates an exception for an error answer.
	 * @param response the answer
	 */
	public KernelApiException(ApiErrorResponse response) {
		super(response.method(), response.path(), describe(response), null);
		this.response = response;
	}

	/**
	 * Creates the exception type that stands for the answer's status.
	 * @param response the answer
	 * @return the exception
	 */
	public static KernelApiException of(ApiErrorResponse response) {
		int status = response.status();
		return switch (status) {
			case 400 -> new BadRequestException(response);
			case 401 -> new AuthenticationException(response);
			case 403 -> new PermissionDeniedException(response);
			case 404 -> new NotFoundException(response);
			case 409 -> new ConflictException(response);
			case 422 -> new UnprocessableEntityException(response);
			case 429 -> new RateLimitException(response);
			default -> (status >= 500) ? new InternalServerException(response) : new KernelApiException(response);
		};
	}

	private static String describe(ApiErrorResponse response) {
		StringBuilder message = new StringBuilder("Kernel API answered ").append(response.status());
		KernelError error = response.error();
		if (error != null) {
			message.append(" (").append(error.code()).append(": ").append(error.message()).append(")");
		}
		message.append(" to ").append(response.method()).append(" ").append(response.path());
		if (error != null) {
			if (error.details() != null && !error.details().isEmpty()) {
				message.append("; details: ").append(error.details());
			}
			if (error.innerError() != null) {
				message.append("; inner error: ").append(error.innerError());
			}
		}
		else if (response.bodyExcerpt() != null) {
			message.append(" with a body that is not Kernel Error JSON: '").append(response.bodyExcerpt()).append("'");
		}
		else {
			message.append(" with an empty body");
		}
		return message.toString();
	}

	/**
	 * Returns the whole answer as the client read it.
	 * @return the answer
	 */
	public ApiErrorResponse getResponse() {
		return this.response;
	}

	/**
	 * Returns the HTTP status of the answer.
	 * @return the status
	 */
	public int getStatus() {
		return this.response.status();
	}

	/**
	 * Returns the machine-readable error code, or {@code null} when the body was not Error JSON.
	 * @return the code
	 */
	public @Nullable String getCode() {
		KernelError error = this.response.error();
		return (error != null) ? error.code() : null;
	}

	/**
	 * Returns the server's description of the error, or {@code null} when the body was not
	 * Error JSON.
	 * @return the server's message
	 */
	public @Nullable String getErrorMessage() {
		KernelError error = this.response.error();
		return (error != null) ? error.message() : null;
	}

	/**
	 * Returns the details of the error, empty when there are none.
	 * @return the details
	 */
	public List<ErrorDetail> getDetails() {
		KernelError error = this.response.error();
		return (error != null && error.details() != null) ? error.details() : List.of();
	}

	/**
	 * Returns the lower-level cause the server gave, or {@code null}.
	 * @return the inner error
	 */
	public @Nullable ErrorDetail getInnerError() {
		KernelError error = this.response.error();
		return (error != null) ? error.innerError() : null;
	}

	/**
	 * Returns how long the server asked the client to wait before trying again, or
	 * {@code null}.
	 * @return the wait
	 */
	public @Nullable Duration getRetryAfter() {
		return this.response.retryAfter();
	}

}
