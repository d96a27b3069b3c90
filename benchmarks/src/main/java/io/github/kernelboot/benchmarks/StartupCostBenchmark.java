package io.github.kernelboot.benchmarks;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

import io.github.kernelboot.client.KernelClient;
import io.github.kernelboot.client.model.BrowserPoolRequest;
import io.github.kernelboot.lease.BrowserLease;
import io.github.kernelboot.lease.KernelBrowser;
import io.github.kernelboot.local.KernelLocalServer;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Benchmark 4: what the starter adds to an application's startup: a context refresh with the
 * starter's auto-configuration against the same without it, and with one injected lease from
 * a warm kernel-local pool.
 */
final class StartupCostBenchmark {

	private static final String STARTER = "io.github.kernelboot.autoconfigure.KernelAutoConfiguration,"
			+ "io.github.kernelboot.autoconfigure.KernelLeaseAutoConfiguration,"
			+ "io.github.kernelboot.autoconfigure.KernelHealthContributorAutoConfiguration";

	private static final String LOCAL = "io.github.kernelboot.local.autoconfigure.KernelLocalAutoConfiguration";

	private static final int RUNS = 20;

	Report run() {
		Report report = new Report("4. Startup cost",
				"`SpringApplication.run` of an application with `@EnableAutoConfiguration` (everything on the "
						+ "benchmarks' classpath: the starter, Boot's WebClient, Jackson), no web server, until it "
						+ "returns. **Without**: the starter's auto-configurations excluded. **With**: included, "
						+ "pointed at a running kernel-local (its own auto-configuration excluded in both). " + RUNS
						+ " runs each, alternating, after 5 warm-up runs each; medians.");
		KernelLocalServer server = KernelLocalServer.builder().build();
		server.start();
		try {
			KernelClient client = KernelClient.builder().baseUrl(server.baseUrl()).apiKey(server.apiKey()).build();
			client.browserPools().create(BrowserPoolRequest.builder().name("startup").size(1).build()).block();
			awaitAvailable(client);
			String[] kernel = { "kernel.base-url=" + server.baseUrl(), "kernel.api-key=" + server.apiKey(),
					"kernel.pools.startup.acquire-timeout=30s" };
			Samples without = new Samples(RUNS);
			Samples with = new Samples(RUNS);
			Samples withLease = new Samples(RUNS);
			for (int i = 0; i < 5 + RUNS; i++) {
				boolean measured = i >= 5;
				time(Application.class, measured ? without : null, "spring.autoconfigure.exclude=" + STARTER + "," + LOCAL);
				time(Application.class, measured ? with : null, concat(kernel, "spring.autoconfigure.exclude=" + LOCAL));
				time(LeasingApplication.class, measured ? withLease : null,
						concat(kernel, "spring.autoconfigure.exclude=" + LOCAL));
			}
			double added = with.percentileMillis(50) - without.percentileMillis(50);
			report.figure("refresh without the starter, median", Samples.millis(without.percentileMillis(50)));
			report.figure("refresh with the starter (no lease), median", Samples.millis(with.percentileMillis(50)));
			report.figure("added by the starter", String.format(Locale.ROOT, "%.1f ms", added), "< 50 ms", added < 50);
			report.figure("refresh with one injected lease from a warm pool, median",
					Samples.millis(withLease.percentileMillis(50)));
			report.figure("added by the injected lease",
					String.format(Locale.ROOT, "%.1f ms", withLease.percentileMillis(50) - with.percentileMillis(50)));
		}
		finally {
			server.stop();
		}
		return report;
	}

	private static void time(Class<?> application, Samples samples, String... properties) {
		long started = System.nanoTime();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "logging.level.root=warn", "spring.main.log-startup-info=false")
			.properties(properties)
			.run();
		long took = System.nanoTime() - started;
		context.close();
		if (samples != null) {
			samples.add(took);
		}
	}

	private static String[] concat(String[] first, String last) {
		String[] all = java.util.Arrays.copyOf(first, first.length + 1);
		all[first.length] = last;
		return all;
	}

	private static void awaitAvailable(KernelClient client) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (client.browserPools().retrieve("startup").block().availableCount() < 1) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Pool 'startup' did not fill within 60 s");
			}
			LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
		}
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(NeedsABrowser.class)
	static class LeasingApplication {

	}

	static class NeedsABrowser {

		@KernelBrowser("startup")
		BrowserLease lease;

	}

}
