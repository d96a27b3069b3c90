package io.github.kernelboot.client;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception the Kernel client raises. Messages never contain the API key or a
 * {@code jwt}.
 */
public abstract class KernelException extends RuntimeException {

	/**
	 * Creates an exception.
	 * @param message the message, already free of secrets
	 * @param cause the cause, or {@code null}
	 */
	protected KernelException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
