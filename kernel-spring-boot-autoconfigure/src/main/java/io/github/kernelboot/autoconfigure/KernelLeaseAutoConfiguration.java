package io.github.kernelboot.autoconfigure;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.function.Function;

import io.github.kernelboot.client.KernelClient;
import io.github.kernelboot.lease.BrowserLease;
import io.github.kernelboot.lease.BrowserLeases;
import io.github.kernelboot.lease.KernelBrowser;
import io.github.kernelboot.lease.LeaseMetrics;
import io.github.kernelboot.lease.LeaseRegistry;
import io.github.kernelboot.lease.MicrometerLeaseMetrics;
import io.github.kernelboot.lease.PoolSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.InjectionPoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Scope;
import org.springframework.core.MethodParameter;

/**
 * Auto-configuration of browser leases: the {@link BrowserLeases} bean, {@link KernelBrowser
 * &#64;KernelBrowser} injection, the {@link LeaseRegistry} that releases leases at shutdown,
 * pool provisioning and lease metrics.
 */
@AutoConfiguration(after = KernelAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnBean(KernelClient.class)
public final class KernelLeaseAutoConfiguration {

	/** Name of the provisioner bean, which lease beans wait for. */
	public static final String PROVISIONER_BEAN_NAME = "kernelPoolProvisioner";

	@Bean(PROVISIONER_BEAN_NAME)
	@ConditionalOnMissingBean(name = PROVISIONER_BEAN_NAME)
	KernelPoolProvisioner kernelPoolProvisioner(KernelClient client, KernelProperties properties) {
		return KernelPoolProvisioner.of(client, properties, properties.getProvisioning());
	}

	@Bean
	@ConditionalOnMissingBean
	LeaseRegistry kernelLeaseRegistry(KernelClient client, KernelProperties properties,
			ObjectProvider<LeaseMetrics> metrics) {
		return new LeaseRegistry(client.browserPools(), metrics.getIfAvailable(() -> LeaseMetrics.NONE),
				properties.getShutdownTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	@DependsOn(PROVISIONER_BEAN_NAME)
	BrowserLeases kernelBrowserLeases(KernelClient client, LeaseRegistry registry, KernelProperties properties,
			ObjectProvider<ObservationRegistry> observations, ObjectProvider<LeaseMetrics> metrics) {
		return new BrowserLeases(client.browserPools(), registry, poolSettings(properties),
				observations.getIfAvailable(() -> ObservationRegistry.NOOP),
				metrics.getIfAvailable(() -> LeaseMetrics.NONE));
	}

	private static Function<String, PoolSettings> poolSettings(KernelProperties properties) {
		return (name) -> {
			KernelProperties.Pool pool = properties.getPool(name);
			return new PoolSettings(pool.getAcquireTimeout(), pool.getPollTimeout(), pool.isReleaseReuse(),
					pool.getLeakDetectionThreshold());
		};
	}

	/**
	 * One lease per injection point, acquired while the bean that needs it is created.
	 * Prototype scope: Spring never destroys prototypes, so the {@link LeaseRegistry}
	 * releases these at shutdown.
	 */
	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	@ConditionalOnMissingBean
	BrowserLease kernelBrowserLease(InjectionPoint injectionPoint, BrowserLeases leases,
			KernelProperties properties) {
		String pool = poolOf(injectionPoint, properties);
		long started = System.nanoTime();
		try {
			return leases.acquire(pool).block();
		}
		catch (RuntimeException ex) {
			throw new BrowserLeaseInjectionException(pool, describe(injectionPoint),
					Duration.ofNanos(System.nanoTime() - started), ex);
		}
	}

	private static String poolOf(InjectionPoint injectionPoint, KernelProperties properties) {
		KernelBrowser annotation = injectionPoint.getAnnotation(KernelBrowser.class);
		if (annotation != null && !annotation.value().isBlank()) {
			return annotation.value();
		}
		String defaultPool = properties.getDefaultPool();
		if (defaultPool == null) {
			throw new IllegalStateException(describe(injectionPoint)
					+ " asks for a browser lease without naming a pool, and kernel.default-pool is not set");
		}
		return defaultPool;
	}

	private static String describe(InjectionPoint injectionPoint) {
		Field field = injectionPoint.getField();
		if (field != null) {
			return "field '" + field.getName() + "' of " + field.getDeclaringClass().getName();
		}
		MethodParameter parameter = injectionPoint.getMethodParameter();
		String member = (parameter.getMethod() != null) ? "method " + parameter.getMethod().getName()
				: "constructor";
		return "parameter " + parameter.getParameterIndex() + " of " + member + " of "
				+ parameter.getDeclaringClass().getName();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MicrometerLeaseMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(MeterRegistry.class)
		LeaseMetrics kernelLeaseMetrics(MeterRegistry meterRegistry) {
			return new MicrometerLeaseMetrics(meterRegistry);
		}

	}

}
