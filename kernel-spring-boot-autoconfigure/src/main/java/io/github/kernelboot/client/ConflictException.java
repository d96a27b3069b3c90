package io.github.kernelboot.client;

/**
 * The Kernel API answered 409 Conflict: the request clashes with the state of the resource, such as deleting a pool whose browsers are leased.
 */
public class ConflictException extends KernelApiException {

	/**
	 * Creates an exception for an error answer.
	 * @param response the answer
	 */
	public ConflictException(ApiErrorResponse response) {
		super(response);
	}

}
