package io.github.kernelboot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.github.kernelboot.client.KernelClient;
import io.github.kernelboot.lease.LeaseRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code kernel} health indicator, when Spring Boot's health
 * support is on the classpath.
 */
@AutoConfiguration(after = KernelLeaseAutoConfiguration.class)
@ConditionalOnClass(ReactiveHealthIndicator.class)
@ConditionalOnBean({ KernelClient.class, LeaseRegistry.class })
@ConditionalOnEnabledHealthIndicator("kernel")
public final class KernelHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "kernelHealthIndicator")
	KernelHealthIndicator kernelHealthIndicator(KernelClient client, KernelProperties properties,
			LeaseRegistry leases) {
		List<String> pools = new ArrayList<>(properties.getPools().keySet());
		String defaultPool = properties.getDefaultPool();
		if (defaultPool != null && !pools.contains(defaultPool)) {
			pools.add(defaultPool);
		}
		return new KernelHealthIndicator(client.browserPools(), pools, leases);
	}

}
