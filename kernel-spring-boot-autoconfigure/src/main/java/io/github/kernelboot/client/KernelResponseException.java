package io.github.kernelboot.client;

import org.jspecify.annotations.Nullable;

/**
 * The Kernel API answered with success, but the answer could not be used: a body that is not
 * the expected JSON, misses a required field, or is too large.
 */
public class KernelResponseException extends KernelRequestException {

	private final int status;

	/**
	 * Creates an exception.
	 * @param method HTTP method of the request
	 * @param path path of the request
	 * @param status HTTP status of the answer
	 * @param problem what is wrong with the answer, already free of secrets
	 * @param cause the decoding failure, or {@code null}
	 */
	public KernelResponseException(String method, String path, int status, String problem,
			@Nullable Throwable cause) {
		super(method, path, "Unusable answer " + status + " from the Kernel API to " + method + " " + path + ": "
				+ problem, cause);
		this.status = status;
	}

	/**
	 * Returns the HTTP status of the answer.
	 * @return the status
	 */
	public int getStatus() {
		return this.status;
	}

}
