package io.github.kernelboot.local.autoconfigure;

import io.github.kernelboot.autoconfigure.KernelAutoConfiguration;
import io.github.kernelboot.autoconfigure.KernelConnectionDetails;
import io.github.kernelboot.autoconfigure.KernelLeaseAutoConfiguration;
import io.github.kernelboot.autoconfigure.KernelPoolProvisioner;
import io.github.kernelboot.autoconfigure.KernelProperties;
import io.github.kernelboot.autoconfigure.KernelProperties.Provisioning;
import io.github.kernelboot.client.KernelClient;
import io.github.kernelboot.local.KernelLocalServer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Runs kernel-local in-process and points the Kernel starter at it, the way Spring Boot's
 * Docker Compose support supplies connection details: {@code kernel.local.enabled=true}, or no
 * Kernel API key configured. The pools declared under {@code kernel.pools.<name>.provision}
 * are created on it at startup, since it starts empty.
 */
@AutoConfiguration(before = { KernelAutoConfiguration.class, KernelLeaseAutoConfiguration.class })
@Conditional(OnKernelLocalEnabledCondition.class)
@EnableConfigurationProperties(KernelLocalProperties.class)
public final class KernelLocalAutoConfiguration {

	@Bean(destroyMethod = "stop")
	@ConditionalOnMissingBean
	KernelLocalServer kernelLocalServer(KernelLocalProperties properties) {
		KernelLocalServer.Builder builder = KernelLocalServer.builder();
		PropertyMapper map = PropertyMapper.get();
		map.from(properties::getPort).to(builder::port);
		map.from(properties::getBindAddress).to(builder::bindAddress);
		map.from(properties::getChromiumPath).to(builder::chromiumPath);
		map.from(properties::getTimeScale).to(builder::timeScale);
		map.from(properties::getIdleCheckPeriod).to(builder::idleCheckPeriod);
		KernelLocalServer server = builder.build();
		server.start();
		return server;
	}

	@Bean
	@ConditionalOnMissingBean(KernelConnectionDetails.class)
	KernelLocalConnectionDetails kernelLocalConnectionDetails(KernelLocalServer server) {
		return new KernelLocalConnectionDetails(server);
	}

	/**
	 * Provisions the declared pools even when {@code kernel.provisioning} is {@code none}: the
	 * local server starts without pools.
	 */
	@Bean(KernelLeaseAutoConfiguration.PROVISIONER_BEAN_NAME)
	@ConditionalOnMissingBean(name = KernelLeaseAutoConfiguration.PROVISIONER_BEAN_NAME)
	KernelPoolProvisioner kernelPoolProvisioner(KernelClient client, KernelProperties properties) {
		Provisioning mode = (properties.getProvisioning() != Provisioning.NONE) ? properties.getProvisioning()
				: Provisioning.CREATE_IF_MISSING;
		return KernelPoolProvisioner.of(client, properties, mode);
	}

}
