package io.github.kernelboot.local.browser;

import org.jspecify.annotations.Nullable;

/**
 * A browser did not start.
 */
public class BrowserLaunchException extends RuntimeException {

	/**
	 * Creates an exception.
	 * @param message what went wrong
	 * @param cause the underlying failure, if any
	 */
	public BrowserLaunchException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
