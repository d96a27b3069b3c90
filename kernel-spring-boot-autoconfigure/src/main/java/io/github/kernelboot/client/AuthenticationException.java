package io.github.kernelboot.client;

/**
 * The Kernel API answered 401 Unauthorized: the API key is missing or wrong.
 */
public class AuthenticationException extends KernelApiException {

	/**
	 * Creates an exception for an error answer.
	 * @param response the answer
	 */
	public AuthenticationException(ApiErrorResponse response) {
		super(response);
	}

}
