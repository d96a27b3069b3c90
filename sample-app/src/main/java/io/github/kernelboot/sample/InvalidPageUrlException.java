package io.github.kernelboot.sample;

/**
 * A URL the service cannot render: not absolute, or not http or https.
 */
public class InvalidPageUrlException extends RuntimeException {

	public InvalidPageUrlException(String message) {
		super(message);
	}

}
