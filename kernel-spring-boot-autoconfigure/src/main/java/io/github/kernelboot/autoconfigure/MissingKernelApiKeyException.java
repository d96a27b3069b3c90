package io.github.kernelboot.autoconfigure;

/**
 * No API key is configured for a Kernel API that is not on this machine.
 */
public class MissingKernelApiKeyException extends RuntimeException {

	private final String baseUrl;

	/**
	 * Creates an exception.
	 * @param baseUrl the base URL that needs a key
	 */
	public MissingKernelApiKeyException(String baseUrl) {
		super("No Kernel API key is configured for " + baseUrl);
		this.baseUrl = baseUrl;
	}

	/**
	 * Returns the base URL that needs a key.
	 * @return the base URL
	 */
	public String getBaseUrl() {
		return this.baseUrl;
	}

}
