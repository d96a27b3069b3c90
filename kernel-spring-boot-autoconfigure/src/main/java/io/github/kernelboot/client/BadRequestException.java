package io.github.kernelboot.client;

/**
 * The Kernel API answered 400 Bad Request: the request was invalid.
 */
public class BadRequestException extends KernelApiException {

	/**
	 * Creates an exception for an error answer.
	 * @param response the answer
	 */
	public BadRequestException(ApiErrorResponse response) {
		super(response);
	}

}
