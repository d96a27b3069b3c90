package io.github.kernelboot.local.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code kernel.local.enabled} is true, or when it is unset and neither a Kernel
 * API key nor {@code kernel.base-url} is configured (so an application with kernel-local on its
 * classpath runs locally until it is told which Kernel API to use).
 */
class OnKernelLocalEnabledCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		// The Binder resolves relaxed names, so KERNEL_API_KEY counts as kernel.api-key.
		Binder binder = Binder.get(context.getEnvironment());
		Boolean enabled = binder.bind("kernel.local.enabled", Boolean.class).orElse(null);
		if (enabled != null) {
			return new ConditionOutcome(enabled, "kernel.local.enabled is " + enabled);
		}
		if (binder.bind("kernel.base-url", String.class).isBound()) {
			return ConditionOutcome.noMatch("kernel.base-url names the Kernel API to use");
		}
		String apiKey = binder.bind("kernel.api-key", String.class).orElse("");
		return apiKey.isBlank() ? ConditionOutcome.match("no Kernel API key is configured")
				: ConditionOutcome.noMatch("a Kernel API key is configured");
	}

}
