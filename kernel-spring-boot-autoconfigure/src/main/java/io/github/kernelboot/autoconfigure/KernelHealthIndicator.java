package io.github.kernelboot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.kernelboot.client.BrowserPoolsApi;
import io.github.kernelboot.client.NotFoundException;
import io.github.kernelboot.client.PoolListQuery;
import io.github.kernelboot.lease.LeaseRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the Kernel API and of the pools the application uses: {@code UP} when the API
 * answers and every configured pool exists, with each pool's available and acquired counts
 * and the leases this application holds; {@code DOWN} when the API cannot be reached, refuses
 * the key, or a configured pool is missing.
 */
public class KernelHealthIndicator extends AbstractReactiveHealthIndicator {

	private final BrowserPoolsApi pools;

	private final List<String> poolNames;

	private final LeaseRegistry leases;

	/**
	 * Creates an indicator.
	 * @param pools the client calls that read pools
	 * @param poolNames the pools the application uses
	 * @param leases the leases the application holds
	 */
	public KernelHealthIndicator(BrowserPoolsApi pools, List<String> poolNames, LeaseRegistry leases) {
		super("Kernel health check failed");
		this.pools = pools;
		this.poolNames = List.copyOf(poolNames);
		this.leases = leases;
	}

	/** Longest wait for the API's answers; a health check must not hang. */
	static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return check(builder).timeout(TIMEOUT);
	}

	private Mono<Health> check(Health.Builder builder) {
		builder.withDetail("leasesHeld", this.leases.activeLeases().size());
		if (this.poolNames.isEmpty()) {
			// No pool configured: one small list call tells whether the API answers this key.
			return this.pools.list(PoolListQuery.all().withPageSize(1)).take(1).then(Mono.fromSupplier(() -> builder.up().build()));
		}
		return Flux.fromIterable(this.poolNames)
			.concatMap((name) -> this.pools.retrieve(name)
				.<Map.Entry<String, Object>>map((pool) -> Map.entry(name,
						Map.of("available", pool.availableCount(), "acquired", pool.acquiredCount())))
				.onErrorResume(NotFoundException.class, (missing) -> Mono.just(Map.entry(name, "not found"))))
			.collectList()
			.map((entries) -> {
				Map<String, Object> details = new LinkedHashMap<>();
				List<String> missing = new ArrayList<>();
				entries.forEach((entry) -> {
					details.put(entry.getKey(), entry.getValue());
					if ("not found".equals(entry.getValue())) {
						missing.add(entry.getKey());
					}
				});
				return (missing.isEmpty() ? builder.up() : builder.down().withDetail("missingPools", missing))
					.withDetail("pools", details)
					.build();
			});
	}

}
