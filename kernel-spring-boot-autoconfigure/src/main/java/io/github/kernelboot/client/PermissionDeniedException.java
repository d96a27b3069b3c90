package io.github.kernelboot.client;

/**
 * The Kernel API answered 403 Forbidden: the API key may not do this, or the plan does not include it.
 */
public class PermissionDeniedException extends KernelApiException {

	/**
	 * Creates an exception for an error answer.
	 * @param response the answer
	 */
	public PermissionDeniedException(ApiErrorResponse response) {
		super(response);
	}

}
