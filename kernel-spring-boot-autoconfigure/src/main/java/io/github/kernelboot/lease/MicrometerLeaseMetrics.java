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

	// Meters by pool (and tag), looked up once: these are recorded on every lease.
	private final Map<String, PoolMeters> pools = new ConcurrentHashMap<>();

	/**
	 * Creates metrics that record in the registry.
	 * @param registry the meter registry
	 */
	public MicrometerLeaseMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void acquireRetried(String pool, AcquireRetryReason reason) {
		meters(pool).retries.computeIfAbsent(reason, (key) -> Counter.builder("kernel.browser.acquire.retries")
			.description("Acquire polls that yielded no browser and were followed by another")
			.tag("pool", pool)
			.tag("reason", key.tagValue())
			.register(this.registry)).increment();
	}

	@Override
	public void leaseOpened(BrowserLease lease) {
		meters(lease.pool()).active.incrementAndGet();
	}

	@Override
	public void leaseClosed(BrowserLease lease, Duration heldFor, boolean released) {
		PoolMeters meters = meters(lease.pool());
		meters.active.decrementAndGet();
		meters.duration.record(heldFor);
		(released ? meters.released : meters.failed).increment();
	}

	private PoolMeters meters(String pool) {
		return this.pools.computeIfAbsent(pool, (name) -> new PoolMeters(name, this.registry));
	}

	private static final class PoolMeters {

		private final AtomicInteger active = new AtomicInteger();

		private final Map<AcquireRetryReason, Counter> retries = new ConcurrentHashMap<>();

		private final Timer duration;

		private final Counter released;

		private final Counter failed;

		PoolMeters(String pool, MeterRegistry registry) {
			Gauge.builder("kernel.browser.leases.active", this.active, AtomicInteger::get)
				.description("Browser leases held now")
				.tag("pool", pool)
				.register(registry);
			this.duration = Timer.builder("kernel.browser.lease.duration")
				.description("How long browser leases were held")
				.tag("pool", pool)
				.register(registry);
			this.released = release(pool, "released", registry);
			this.failed = release(pool, "failed", registry);
		}

		private static Counter release(String pool, String outcome, MeterRegistry registry) {
			return Counter.builder("kernel.browser.release")
				.description("Release requests of browser leases")
				.tag("pool", pool)
				.tag("outcome", outcome)
				.register(registry);
		}

	}

}
