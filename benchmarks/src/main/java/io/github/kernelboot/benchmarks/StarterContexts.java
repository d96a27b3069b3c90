package io.github.kernelboot.benchmarks;

import java.util.ArrayList;
import java.util.List;

import io.github.kernelboot.autoconfigure.KernelAutoConfiguration;
import io.github.kernelboot.autoconfigure.KernelLeaseAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Spring contexts with the starter as an application has it: its auto-configuration on Boot's
 * HTTP client, with metrics and observations.
 */
final class StarterContexts {

	private StarterContexts() {
	}

	/**
	 * Starts a context whose client talks to the given server, with generous waits for the
	 * pool.
	 */
	static ConfigurableApplicationContext leases(String baseUrl, String apiKey, String pool, boolean quiet,
			String... properties) {
		List<String> all = new ArrayList<>(List.of("kernel.base-url=" + baseUrl, "kernel.api-key=" + apiKey,
				"kernel.pools." + pool + ".acquire-timeout=10m", "kernel.pools." + pool + ".poll-timeout=300s",
				"spring.main.banner-mode=off", "logging.level.root=" + (quiet ? "warn" : "info")));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(StarterApplication.class).web(WebApplicationType.NONE)
			.properties(all.toArray(String[]::new))
			.run();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
			WebClientAutoConfiguration.class, KernelAutoConfiguration.class, KernelLeaseAutoConfiguration.class })
	static class StarterApplication {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		ObservationRegistry observationRegistry(MeterRegistry meterRegistry) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry));
			return registry;
		}

	}

}
