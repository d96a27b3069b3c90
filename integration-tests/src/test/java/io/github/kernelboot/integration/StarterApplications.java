package io.github.kernelboot.integration;

import java.util.ArrayList;
import java.util.List;

import io.github.kernelboot.autoconfigure.KernelAutoConfiguration;
import io.github.kernelboot.autoconfigure.KernelLeaseAutoConfiguration;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Spring application with the starter, pointed at a Kernel API.
 */
final class StarterApplications {

	private StarterApplications() {
	}

	static ConfigurableApplicationContext run(String baseUrl, String apiKey, String... properties) {
		List<String> all = new ArrayList<>(List.of("kernel.base-url=" + baseUrl, "kernel.api-key=" + apiKey,
				"spring.main.banner-mode=off"));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
			.properties(all.toArray(String[]::new))
			.run();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
			WebClientAutoConfiguration.class, KernelAutoConfiguration.class, KernelLeaseAutoConfiguration.class })
	static class Application {

	}

}
