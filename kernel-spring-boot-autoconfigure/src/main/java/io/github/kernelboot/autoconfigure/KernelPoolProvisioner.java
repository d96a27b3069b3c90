package io.github.kernelboot.autoconfigure;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.github.kernelboot.autoconfigure.KernelProperties.Provisioning;
import io.github.kernelboot.client.BrowserPoolsApi;
import io.github.kernelboot.client.KernelClient;
import io.github.kernelboot.client.ConflictException;
import io.github.kernelboot.client.NotFoundException;
import io.github.kernelboot.client.model.BrowserPool;
import io.github.kernelboot.client.model.BrowserPoolRequest;
import io.github.kernelboot.client.model.BrowserPoolUpdate;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.util.ReflectionUtils;

/**
 * Creates (or, in {@link Provisioning#RECONCILE reconcile} mode, also updates) the pools
 * declared under {@code kernel.pools.<name>.provision} when the application starts, before
 * any lease is injected.
 */
public class KernelPoolProvisioner implements InitializingBean {

	private static final Log logger = LogFactory.getLog(KernelPoolProvisioner.class);

	private final BrowserPoolsApi pools;

	private final Provisioning mode;

	private final Map<String, BrowserPoolRequest> declared;

	private final Duration timeout;

	/**
	 * Creates a provisioner.
	 * @param pools the client calls that manage pools
	 * @param mode what to do with the declared pools
	 * @param declared the declared configuration of each pool, by name
	 * @param timeout longest wait for each pool
	 */
	public KernelPoolProvisioner(BrowserPoolsApi pools, Provisioning mode, Map<String, BrowserPoolRequest> declared,
			Duration timeout) {
		this.pools = pools;
		this.mode = mode;
		this.declared = Map.copyOf(declared);
		this.timeout = timeout;
	}

	/**
	 * Creates a provisioner of the pools declared under
	 * {@code kernel.pools.<name>.provision}.
	 * @param client the client
	 * @param properties the properties that declare the pools
	 * @param mode what to do with them
	 * @return the provisioner
	 */
	public static KernelPoolProvisioner of(KernelClient client, KernelProperties properties, Provisioning mode) {
		Map<String, BrowserPoolRequest> declared = new LinkedHashMap<>();
		properties.getPools().forEach((name, pool) -> {
			if (pool.getProvision().isDeclared()) {
				declared.put(name, pool.getProvision().toPoolRequest(name));
			}
		});
		// Room for each call of a pool (retrieve, then create or update) with its retries.
		Duration timeout = properties.getReadTimeout().multipliedBy(2L * (properties.getMaxRetries() + 1));
		return new KernelPoolProvisioner(client.browserPools(), mode, declared, timeout);
	}

	@Override
	public void afterPropertiesSet() {
		if (this.mode == Provisioning.NONE) {
			return;
		}
		this.declared.forEach((name, desired) -> {
			try {
				provision(name, desired).block(this.timeout);
			}
			catch (RuntimeException ex) {
				throw new IllegalStateException("Could not provision pool '" + name + "': " + ex.getMessage(), ex);
			}
		});
	}

	private Mono<BrowserPool> provision(String name, BrowserPoolRequest desired) {
		return this.pools.retrieve(name)
			.flatMap((existing) -> reconcile(name, desired, existing))
			.onErrorResume(NotFoundException.class, (missing) -> this.pools.create(desired)
				.doOnNext((created) -> logger.info("Created browser pool '" + name + "' (size " + desired.size() + ")"))
				// Another instance of the application created it first.
				.onErrorResume(ConflictException.class, (raced) -> this.pools.retrieve(name)));
	}

	private Mono<BrowserPool> reconcile(String name, BrowserPoolRequest desired, BrowserPool existing) {
		if (this.mode != Provisioning.RECONCILE || !differs(desired, existing.browserPoolConfig())) {
			logger.info("Browser pool '" + name + "' exists; left as it is");
			return Mono.just(existing);
		}
		return this.pools.update(name, new BrowserPoolUpdate(desired, false))
			.doOnNext((updated) -> logger.info("Updated browser pool '" + name + "' to its declared configuration"));
	}

	/**
	 * Tells whether a declared component is not what the pool has. Undeclared components, at
	 * any depth (a viewport's refresh rate, say), are left to the server.
	 */
	static boolean differs(Record desired, @Nullable Record actual) {
		if (actual == null) {
			return true;
		}
		for (RecordComponent component : desired.getClass().getRecordComponents()) {
			Object wanted = ReflectionUtils.invokeMethod(component.getAccessor(), desired);
			Object present = ReflectionUtils.invokeMethod(component.getAccessor(), actual);
			boolean different = (wanted instanceof Record nested)
					? differs(nested, (Record) present) : (wanted != null && !Objects.equals(wanted, present));
			if (different) {
				return true;
			}
		}
		return false;
	}

}
