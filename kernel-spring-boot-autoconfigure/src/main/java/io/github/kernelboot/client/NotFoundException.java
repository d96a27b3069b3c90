package io.github.kernelboot.client;

/**
 * The Kernel API answered 404 Not Found: no such pool or browser session.
 */
public class NotFoundException extends KernelApiException {

	/**
	 * Creates an exception for an error answer.
	 * @param response the answer
	 */
	public NotFoundException(ApiErrorResponse response) {
		super(response);
	}

}
