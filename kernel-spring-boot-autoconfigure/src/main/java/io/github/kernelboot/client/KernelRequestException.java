package io.github.kernelboot.client;

import org.jspecify.annotations.Nullable;

/**
 * A request to the Kernel API failed: the exception names the method and path of the request
 * (never its headers, so never the API key).
 */
public abstract class KernelRequestException extends KernelException {

	private final String method;

	private final String path;

	/**
	 * Creates an exception.
	 * @param method HTTP method of the request
	 * @param path path of the request, without the query
	 * @param message what happened, already free of secrets
	 * @param cause the cause, or {@code null}
	 */
	protected KernelRequestException(String method, String path, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.method = method;
		this.path = path;
	}

	/**
	 * Returns the HTTP method of the request.
	 * @return the method
	 */
	public String getMethod() {
		return this.method;
	}

	/**
	 * Returns the path of the request, without the query.
	 * @return the path
	 */
	public String getPath() {
		return this.path;
	}

}
