package io.github.kernelboot.autoconfigure;

import io.github.kernelboot.client.KernelClient;

/**
 * Callback that customizes the {@link KernelClient.Builder} of the auto-configured
 * {@link KernelClient}, after the {@code kernel.*} properties are applied. Beans of this type
 * are called in their {@link org.springframework.core.annotation.Order order}.
 */
@FunctionalInterface
public interface KernelClientCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder
	 */
	void customize(KernelClient.Builder builder);

}
