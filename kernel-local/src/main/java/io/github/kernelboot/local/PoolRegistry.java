package io.github.kernelboot.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.kernelboot.client.PoolListQuery;
import io.github.kernelboot.client.model.BrowserPoolRequest;
import org.jspecify.annotations.Nullable;

/**
 * The pools of one server, by id, with unique names.
 */
final class PoolRegistry {

	private final Map<String, LocalPool> pools = new LinkedHashMap<>();

	private final PoolContext context;

	PoolRegistry(PoolContext context) {
		this.context = context;
	}

	/**
	 * Creates a pool; it starts filling at once.
	 * @param request the pool's configuration, already validated
	 * @return the pool
	 * @throws ApiException 409 if another pool has the name
	 */
	synchronized LocalPool create(BrowserPoolRequest request) {
		checkNameFree(request.name(), null);
		LocalPool pool = new LocalPool(this.context.ids().id(), request, this.context);
		this.pools.put(pool.id(), pool);
		return pool;
	}

	/**
	 * Finds a pool by id, or else by name.
	 * @param idOrName the id or name
	 * @return the pool
	 * @throws ApiException 404 if there is none
	 */
	synchronized LocalPool get(String idOrName) {
		LocalPool byId = this.pools.get(idOrName);
		if (byId != null) {
			return byId;
		}
		return this.pools.values()
			.stream()
			.filter((pool) -> idOrName.equals(pool.name()))
			.findFirst()
			.orElseThrow(() -> ApiException.notFound("Browser pool '" + idOrName + "' not found"));
	}

	synchronized List<LocalPool> list(PoolListQuery query) {
		return this.pools.values()
			.stream()
			.filter((pool) -> query.name() == null || query.name().equals(pool.name()))
			.filter((pool) -> query.query() == null || (pool.name() != null && pool.name().contains(query.query())))
			.toList();
	}

	/**
	 * Changes a pool's configuration, keeping names unique.
	 * @param pool the pool
	 * @param changes the components to change, already validated
	 * @param discardAllIdle whether idle browsers are destroyed now
	 */
	synchronized void update(LocalPool pool, BrowserPoolRequest changes, boolean discardAllIdle) {
		checkNameFree(changes.name(), pool);
		pool.update(changes, discardAllIdle);
	}

	synchronized void delete(LocalPool pool, boolean force) {
		pool.delete(force);
		this.pools.remove(pool.id());
	}

	/**
	 * Deletes every pool, leased browsers and all, as the server stops; their waiting polls
	 * are answered 503, not 404.
	 */
	void deleteAll() {
		List<LocalPool> all;
		synchronized (this) {
			all = new ArrayList<>(this.pools.values());
			this.pools.clear();
		}
		all.forEach(LocalPool::shutDown);
	}

	private void checkNameFree(@Nullable String name, @Nullable LocalPool renamed) {
		if (name == null) {
			return;
		}
		for (LocalPool pool : this.pools.values()) {
			if (pool != renamed && Objects.equals(name, pool.name())) {
				throw ApiException.conflict("A browser pool named '" + name + "' already exists");
			}
		}
	}

}
