package io.github.kernelboot.client;

import org.jspecify.annotations.Nullable;

/**
 * Query of {@code GET /browser_pools}.
 *
 * @param name exact pool name to match, or {@code null}
 * @param query substring of pool names to match, or {@code null}
 * @param pageSize how many pools each page request asks for; {@code null} for the server's
 * default
 * @param offset how many pools to skip
 */
public record PoolListQuery(@Nullable String name, @Nullable String query, @Nullable Integer pageSize, long offset) {

	/**
	 * Checks the query.
	 * @param name exact name
	 * @param query name substring
	 * @param pageSize pools per page request
	 * @param offset pools to skip
	 */
	public PoolListQuery {
		if (pageSize != null && pageSize < 1) {
			throw new InvalidRequestException("limit", "must be at least 1 (was " + pageSize + ")");
		}
		if (offset < 0) {
			throw new InvalidRequestException("offset", "must not be negative (was " + offset + ")");
		}
	}

	/**
	 * Lists every pool from the start, with the server's page size.
	 * @return the query
	 */
	public static PoolListQuery all() {
		return new PoolListQuery(null, null, null, 0);
	}

	/**
	 * Lists the pool with exactly this name.
	 * @param name the pool name
	 * @return the query
	 */
	public static PoolListQuery named(String name) {
		return new PoolListQuery(name, null, null, 0);
	}

	/**
	 * Lists the pools whose names contain the text.
	 * @param text the substring
	 * @return the query
	 */
	public static PoolListQuery nameContaining(String text) {
		return new PoolListQuery(null, text, null, 0);
	}

	/**
	 * Returns this query with another page size.
	 * @param pageSize how many pools each page request asks for
	 * @return a new query
	 */
	public PoolListQuery withPageSize(int pageSize) {
		return new PoolListQuery(this.name, this.query, pageSize, this.offset);
	}

}
