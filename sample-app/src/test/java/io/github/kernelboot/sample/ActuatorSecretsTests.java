package io.github.kernelboot.sample;


import io.github.kernelboot.lease.BrowserLease;
import io.github.kernelboot.lease.LeaseRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that actuator endpoints show neither the API key nor a {@code jwt}, even with every
 * value shown.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=*", "management.endpoint.env.show-values=always",
				"management.endpoint.configprops.show-values=always", "management.endpoint.health.show-details=always" })
@AutoConfigureWebTestClient(timeout = "30s")
class ActuatorSecretsTests extends KernelLocalTestSupport {

	@Autowired
	WebTestClient client;

	@Autowired
	LeaseRegistry leases;

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/env", "/actuator/configprops", "/actuator/health", "/actuator/beans",
			"/actuator/metrics/kernel.browser.acquire", "/actuator/prometheus" })
	void endpointShowsNoSecret(String endpoint) {
		String body = this.client.get()
			.uri(endpoint)
			.exchange()
			.expectStatus()
			.is2xxSuccessful()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(body).isNotEmpty().doesNotContain(kernel.apiKey());
		for (BrowserLease lease : this.leases.activeLeases()) {
			String jwt = lease.cdpWsUrl().substring(lease.cdpWsUrl().indexOf("jwt=") + 4);
			assertThat(body).doesNotContain(jwt);
		}
	}

	@Test
	void theStartupLeaseIsHeldSoItsJwtIsLiveWhileTheEndpointsAreChecked() {
		assertThat(this.leases.activeLeases()).isNotEmpty();
	}

}
