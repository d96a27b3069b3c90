package io.github.kernelboot.sample;

import java.nio.file.Path;

import io.github.kernelboot.local.KernelLocalContainer;
import io.github.kernelboot.local.KernelLocalServer;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the sample's end-to-end tests share: kernel-local as a Testcontainers
 * {@code @Container} (no Docker involved), pointed at with {@code @DynamicPropertySource}, the
 * way users test their own applications; and a startup snapshot written to a temporary file.
 */
@Testcontainers
abstract class KernelLocalTestSupport {

	// A tenth of the real fill and idle times: pools fill fast, and a leased browser still
	// outlives a slow startup (its 300 s idle timeout becomes 30 s).
	@Container
	static final KernelLocalContainer kernel = new KernelLocalContainer(
			KernelLocalServer.builder().timeScale(0.1).build());

	@TempDir
	static Path snapshots;

	@DynamicPropertySource
	static void kernelLocal(DynamicPropertyRegistry registry) {
		registry.add("kernel.base-url", kernel::baseUrl);
		registry.add("kernel.api-key", kernel::apiKey);
		registry.add("sample.snapshot-file", () -> snapshots.resolve("startup.png").toString());
	}

}
