package io.github.kernelboot.lease;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.kernelboot.client.AcquireRetryReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@link LeaseMetrics} recorded in a Micrometer {@link MeterRegistry}, each meter tagged with
 * its {@code pool}:
 * <ul>
 * <li>{@code kernel.browser.acquire.retries}: polls that yielded no browser, by
 * {@code reason};</li>
 * <li>{@code kernel.browser.leases.active}: leases held now;</li>
 * <li>{@code kernel.browser.lease.duration}: how long leases were held;</li>
 * <li>{@code kernel.browser.release}: release requests, by {@code outcome} (released,
 * failed).</li>
 * </ul>
 */
public class MicrometerLeaseMetrics implements LeaseMetrics {

	private final MeterRegistry registry;

	private final Map<String, AtomicInteger> activeByPool = new ConcurrentHashMap<>();

	/**
	 * Creates metrics that record in the registry.
	 * @param registry the meter registry
	 */
	public MicrometerLeaseMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void acquireRetried(String pool, AcquireRetryReason reason) {
		Counter.builder("kernel.browser.acquire.retries")
			.description("Acquire polls that yielded no browser and were followed by another")
			.tag("pool", pool)
			.tag("reason", reason.tagValue())
			.register(this.registry)
			.increment();
	}

	@Override
	public void leaseOpened(BrowserLease lease) {
		active(lease.pool()).incrementAndGet();
	}

	@Override
	public void leaseClosed(BrowserLease lease, Duration heldFor, boolean released) {
		active(lease.pool()).decrementAndGet();
		Timer.builder("kernel.browser.lease.duration")
			.description("How long browser leases were held")
			.tag("pool", lease.pool())
			.register(this.registry)
			.record(heldFor);
		Counter.builder("kernel.browser.release")
			.description("Release requests of browser leases")
			.tag("pool", lease.pool())
			.tag("outcome", released ? "released" : "failed")
			.register(this.registry)
			.increment();
	}

	private AtomicInteger active(String pool) {
		return this.activeByPool.computeIfAbsent(pool, (name) -> {
			AtomicInteger count = new AtomicInteger();
			Gauge.builder("kernel.browser.leases.active", count, AtomicInteger::get)
				.description("Browser leases held now")
				.tag("pool", name)
				.register(this.registry);
			return count;
		});
	}

}
