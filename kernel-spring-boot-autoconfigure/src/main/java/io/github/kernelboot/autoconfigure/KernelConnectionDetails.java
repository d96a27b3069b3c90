package io.github.kernelboot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the Kernel API is and how to authenticate to it. By default taken from
 * {@code kernel.base-url} and {@code kernel.api-key}; kernel-local and tests supply their own
 * bean to point the client elsewhere.
 */
public interface KernelConnectionDetails extends ConnectionDetails {

	/**
	 * Returns the base URL of the Kernel API.
	 * @return an absolute http or https URL
	 */
	String getBaseUrl();

	/**
	 * Returns the API key, or {@code null} when none is configured.
	 * @return the API key
	 */
	@Nullable String getApiKey();

}
