package io.github.kernelboot.client;

import java.time.Duration;

/**
 * The Kernel API did not answer a request in time.
 */
public class KernelTimeoutException extends KernelRequestException {

	private final Duration timeout;

	/**
	 * Creates an exception.
	 * @param method HTTP method of the request
	 * @param path path of the request
	 * @param timeout how long the client waited for the answer
	 */
	public KernelTimeoutException(String method, String path, Duration timeout) {
		super(method, path, "No answer from the Kernel API to " + method + " " + path + " within "
				+ timeout.toMillis() + " ms", null);
		this.timeout = timeout;
	}

	/**
	 * Returns how long the client waited for the answer.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

}
