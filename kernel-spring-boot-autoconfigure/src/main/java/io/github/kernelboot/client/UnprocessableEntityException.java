package io.github.kernelboot.client;

/**
 * The Kernel API answered 422 Unprocessable Entity: the request was well-formed but could not be carried out.
 */
public class UnprocessableEntityException extends KernelApiException {

	/**
	 * Creates an exception for an error answer.
	 * @param response the answer
	 */
	public UnprocessableEntityException(ApiErrorResponse response) {
		super(response);
	}

}
