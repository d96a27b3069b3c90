package io.github.kernelboot.sample;

import java.util.concurrent.TimeUnit;

import io.github.kernelboot.client.KernelClient;
import io.github.kernelboot.lease.BrowserLeases;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/pool}: the pool's live figures for the web page, from the Kernel API and
 * from the starter's meters.
 */
@RestController
public class PoolStatusController {

	private final KernelClient kernel;

	private final MeterRegistry meters;

	private final String pool;

	public PoolStatusController(KernelClient kernel, MeterRegistry meters, SampleProperties properties) {
		this.kernel = kernel;
		this.meters = meters;
		this.pool = properties.getPool();
	}

	@GetMapping("/api/pool")
	public Mono<PoolStatus> status() {
		return this.kernel.browserPools().retrieve(this.pool).map((pool) -> {
			Timer acquires = this.meters.find(BrowserLeases.ACQUIRE_OBSERVATION)
				.tag("pool", this.pool)
				.tag("outcome", "acquired")
				.timer();
			Counter noContent = this.meters.find("kernel.browser.acquire.retries")
				.tag("pool", this.pool)
				.tag("reason", "no_content")
				.counter();
			return new PoolStatus(this.pool, pool.availableCount(), pool.acquiredCount(),
					(acquires != null) ? acquires.count() : 0,
					(acquires != null) ? acquires.mean(TimeUnit.MILLISECONDS) : 0,
					(acquires != null) ? acquires.max(TimeUnit.MILLISECONDS) : 0,
					(noContent != null) ? (long) noContent.count() : 0);
		});
	}

	/**
	 * Live figures of the pool.
	 *
	 * @param pool the pool's name
	 * @param available idle browsers
	 * @param acquired leased browsers
	 * @param acquires leases acquired so far
	 * @param acquireMeanMillis mean wait for a lease
	 * @param acquireMaxMillis longest recent wait for a lease
	 * @param noContentRetries acquire polls answered 204 (no browser yet) so far
	 */
	public record PoolStatus(String pool, int available, int acquired, long acquires, double acquireMeanMillis,
			double acquireMaxMillis, long noContentRetries) {

	}

}
