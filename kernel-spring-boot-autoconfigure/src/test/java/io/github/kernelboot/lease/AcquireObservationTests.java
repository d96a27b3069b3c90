package io.github.kernelboot.lease;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.kernelboot.autoconfigure.KernelAutoConfiguration;
import io.github.kernelboot.autoconfigure.KernelLeaseAutoConfiguration;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.observation.ObservationWebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests that the HTTP client observations of an acquire's polls are children of the acquire's
 * observation, as a tracer shows them: in a real Spring context with Boot's WebClient
 * observation customizer, against a real HTTP server on loopback.
 */
class AcquireObservationTests {

	private static final String ACQUIRE = "/browser_pools/{id_or_name}/acquire";

	private FakeKernelApi api;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void start() throws Exception {
		this.api = new FakeKernelApi().pool("snapshots", 1);
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, KernelAutoConfiguration.class,
					KernelLeaseAutoConfiguration.class))
			.withUserConfiguration(ObservationConfiguration.class)
			.withPropertyValues("kernel.base-url=" + this.api.baseUrl(), "kernel.api-key=" + FakeKernelApi.API_KEY,
					"kernel.pools.snapshots.acquire-timeout=5s", "kernel.pools.snapshots.poll-timeout=1s");
	}

	@AfterEach
	void stop() {
		this.api.close();
	}

	@Test
	void everyPollOfAnAcquireIsAChildOfTheAcquireObservation() {
		this.api.script("snapshots", 204, 204, 200);
		this.contextRunner.run((context) -> {
			BrowserLeases leases = context.getBean(BrowserLeases.class);

			leases.acquire("snapshots").block().release();

			// WebClient stops a request's observation as its exchange ends, which may come
			// just after the caller has the answer.
			List<ClientRequestObservationContext> requests = context.getBean(ObservationConfiguration.class).requests;
			String base = this.api.baseUrl();
			await().untilAsserted(() -> assertThat(requests).extracting(ClientRequestObservationContext::getUriTemplate)
				.containsExactlyInAnyOrder(base + ACQUIRE, base + ACQUIRE, base + ACQUIRE,
						base + "/browser_pools/{id_or_name}/release"));
			List<ClientRequestObservationContext> polls = requests.stream()
				.filter((request) -> (base + ACQUIRE).equals(request.getUriTemplate()))
				.toList();
			assertThat(polls).allSatisfy((poll) -> {
				assertThat(poll.getParentObservation()).isNotNull();
				assertThat(poll.getParentObservation().getContextView().getName())
					.isEqualTo(BrowserLeases.ACQUIRE_OBSERVATION);
			});
			assertThat(polls).extracting(ClientRequestObservationContext::getParentObservation)
				.as("one acquire, so one parent")
				.containsOnly(polls.get(0).getParentObservation());
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class ObservationConfiguration {

		final List<ClientRequestObservationContext> requests = new CopyOnWriteArrayList<>();

		@Bean
		ObservationRegistry observationRegistry() {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new ObservationHandler<>() {

				@Override
				public void onStop(Observation.Context context) {
					ObservationConfiguration.this.requests.add((ClientRequestObservationContext) context);
				}

				@Override
				public boolean supportsContext(Observation.Context context) {
					return context instanceof ClientRequestObservationContext;
				}

			});
			return registry;
		}

		// What Boot's WebClient observation auto-configuration adds to the WebClient.Builder.
		@Bean
		ObservationWebClientCustomizer observationWebClientCustomizer(ObservationRegistry observationRegistry) {
			return new ObservationWebClientCustomizer(observationRegistry,
					new DefaultClientRequestObservationConvention());
		}

	}

}
