package io.github.kernelboot.client;

/**
 * The Kernel API answered 429 Too Many Requests: see {@link #getRetryAfter()} for the wait the server asked for.
 */
public class RateLimitException extends KernelApiException {

	/**
	 * Creates an exception for an error answer.
	 * @param response the answer
	 */
	public RateLimitException(ApiErrorResponse response) {
		super(response);
	}

}
