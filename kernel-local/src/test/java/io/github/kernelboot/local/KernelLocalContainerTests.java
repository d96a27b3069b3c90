package io.github.kernelboot.local;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kernel-local in a {@code @Container} field: Testcontainers starts it before the tests and
 * stops it after them, without Docker.
 */
@Testcontainers
class KernelLocalContainerTests {

	@Container
	static final KernelLocalContainer kernel = new KernelLocalContainer(
			KernelLocalServer.builder().apiKey("container-key").build());

	@Test
	void isStartedByTheTestcontainersExtension() {
		assertThat(kernel.getServer().isRunning()).isTrue();
		assertThat(kernel.apiKey()).isEqualTo("container-key");
		assertThat(new ApiCalls(kernel.baseUrl(), kernel.apiKey()).get("/browser_pools").status()).isEqualTo(200);
	}

}
