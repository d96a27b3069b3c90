package io.github.kernelboot.client;

/**
 * The Kernel API answered 5xx: the Kernel API failed.
 */
public class InternalServerException extends KernelApiException {

	/**
	 * Creates an exception for an error answer.
	 * @param response the answer
	 */
	public InternalServerException(ApiErrorResponse response) {
		super(response);
	}

}
