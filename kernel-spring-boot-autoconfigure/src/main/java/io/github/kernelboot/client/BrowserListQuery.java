package io.github.kernelboot.client;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Query of {@code GET /browsers}.
 *
 * @param status which sessions to list; {@code null} for the server's default (active)
 * @param pageSize how many sessions each page request asks for; {@code null} for the server's
 * default
 * @param offset how many sessions to skip
 */
public record BrowserListQuery(@Nullable Status status, @Nullable Integer pageSize, long offset) {

	/**
	 * Checks the query.
	 * @param status which sessions to list
	 * @param pageSize sessions per page request
	 * @param offset sessions to skip
	 */
	public BrowserListQuery {
		if (pageSize != null && pageSize < 1) {
			throw new InvalidRequestException("limit", "must be at least 1 (was " + pageSize + ")");
		}
		if (offset < 0) {
			throw new InvalidRequestException("offset", "must not be negative (was " + offset + ")");
		}
	}

	/**
	 * Lists the active sessions from the start, with the server's page size.
	 * @return the query
	 */
	public static BrowserListQuery active() {
		return new BrowserListQuery(null, null, 0);
	}

	/**
	 * Lists the sessions of the given status from the start, with the server's page size.
	 * @param status which sessions to list
	 * @return the query
	 */
	public static BrowserListQuery of(Status status) {
		return new BrowserListQuery(status, null, 0);
	}

	/**
	 * Returns this query with another page size.
	 * @param pageSize how many sessions each page request asks for
	 * @return a new query
	 */
	public BrowserListQuery withPageSize(int pageSize) {
		return new BrowserListQuery(this.status, pageSize, this.offset);
	}

	/**
	 * Which sessions a list shows.
	 */
	public enum Status {

		/** Running sessions. */
		ACTIVE,

		/** Deleted sessions. */
		DELETED,

		/** Both. */
		ALL;

		String wireValue() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
