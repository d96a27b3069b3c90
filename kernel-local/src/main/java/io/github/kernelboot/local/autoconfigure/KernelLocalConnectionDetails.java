package io.github.kernelboot.local.autoconfigure;

import io.github.kernelboot.autoconfigure.KernelConnectionDetails;
import io.github.kernelboot.local.KernelLocalServer;

/**
 * {@link KernelConnectionDetails} of the in-process kernel-local server.
 */
class KernelLocalConnectionDetails implements KernelConnectionDetails {

	private final KernelLocalServer server;

	KernelLocalConnectionDetails(KernelLocalServer server) {
		this.server = server;
	}

	@Override
	public String getBaseUrl() {
		return this.server.baseUrl();
	}

	@Override
	public String getApiKey() {
		return this.server.apiKey();
	}

	@Override
	public String toString() {
		return "KernelLocalConnectionDetails[baseUrl=" + getBaseUrl() + "]";
	}

}
