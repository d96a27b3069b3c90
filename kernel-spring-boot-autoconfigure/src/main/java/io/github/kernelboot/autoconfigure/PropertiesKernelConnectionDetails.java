package io.github.kernelboot.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * {@link KernelConnectionDetails} from {@link KernelProperties}.
 */
final class PropertiesKernelConnectionDetails implements KernelConnectionDetails {

	private final KernelProperties properties;

	PropertiesKernelConnectionDetails(KernelProperties properties) {
		this.properties = properties;
	}

	@Override
	public String getBaseUrl() {
		return this.properties.getBaseUrl();
	}

	@Override
	public @Nullable String getApiKey() {
		return this.properties.getApiKey();
	}

	@Override
	public String toString() {
		return "PropertiesKernelConnectionDetails[baseUrl=" + getBaseUrl() + "]";
	}

}
