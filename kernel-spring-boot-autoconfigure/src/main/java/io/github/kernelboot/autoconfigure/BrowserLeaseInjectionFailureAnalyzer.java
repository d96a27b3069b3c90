package io.github.kernelboot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup that stopped because an injected browser lease could not be acquired.
 */
class BrowserLeaseInjectionFailureAnalyzer extends AbstractFailureAnalyzer<BrowserLeaseInjectionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BrowserLeaseInjectionException cause) {
		String pool = cause.getPool();
		String description = "No browser could be leased from pool '" + pool + "' for " + cause.getInjectionPoint()
				+ " after waiting " + cause.getWaited().toMillis() + " ms.\n\nReason: "
				+ cause.getCause().getMessage();
		String action = "Check that pool '" + pool + "' exists (or declare it under kernel.pools." + pool
				+ ".provision and set kernel.provisioning=create-if-missing), that it has a free browser, and that "
				+ "kernel.pools." + pool + ".acquire-timeout leaves it time to fill.";
		return new FailureAnalysis(description, action, cause);
	}

}
