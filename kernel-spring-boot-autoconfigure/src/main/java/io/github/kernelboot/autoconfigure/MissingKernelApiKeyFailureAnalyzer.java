package io.github.kernelboot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Tells the user what to set when the application stops for want of a Kernel API key.
 */
class MissingKernelApiKeyFailureAnalyzer extends AbstractFailureAnalyzer<MissingKernelApiKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingKernelApiKeyException cause) {
		String description = "No Kernel API key is configured, and the Kernel API at " + cause.getBaseUrl()
				+ " needs one.";
		String action = """
				Do one of these:
				  - set the KERNEL_API_KEY environment variable, or the property kernel.api-key, to your Kernel API key;
				  - add kernel-local to the application to use Chromium on this machine (it starts when no key is set);
				  - point kernel.base-url at a Kernel-compatible server on this machine (localhost needs no key).""";
		return new FailureAnalysis(description, action, cause);
	}

}
