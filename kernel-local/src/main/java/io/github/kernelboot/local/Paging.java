package io.github.kernelboot.local;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Pages of list answers: {@code offset} and {@code limit} in, {@code X-Has-More} and
 * {@code X-Next-Offset} (0 on the last page) out.
 */
final class Paging {

	/** Page size when the request names none. */
	static final int DEFAULT_LIMIT = 20;

	/** Largest page served, whatever the request asks. */
	static final int MAX_LIMIT = 100;

	private Paging() {
	}

	/**
	 * Reads the {@code offset} query parameter.
	 * @param exchange the exchange
	 * @return the offset, 0 if absent
	 */
	static long offset(Exchange exchange) {
		Long offset = exchange.longParameter("offset");
		return (offset != null) ? offset : 0;
	}

	/**
	 * Reads the {@code limit} query parameter.
	 * @param exchange the exchange
	 * @return the limit, or {@code null} if absent
	 */
	static @Nullable Integer limit(Exchange exchange) {
		Long limit = exchange.longParameter("limit");
		return (limit != null) ? (int) Math.max(Integer.MIN_VALUE, Math.min(limit, Integer.MAX_VALUE)) : null;
	}

	/**
	 * Answers with one page of the items.
	 * @param exchange the exchange
	 * @param items every item, in order
	 * @param offset items to skip
	 * @param limit page size asked for, or {@code null}
	 * @return completion
	 */
	static Mono<Void> answer(Exchange exchange, List<?> items, long offset, @Nullable Integer limit) {
		int size = (limit != null) ? Math.min(limit, MAX_LIMIT) : DEFAULT_LIMIT;
		int from = (int) Math.min(offset, items.size());
		int to = Math.min(from + size, items.size());
		boolean hasMore = to < items.size();
		exchange.response().header("X-Has-More", Boolean.toString(hasMore));
		exchange.response().header("X-Next-Offset", Integer.toString(hasMore ? to : 0));
		return exchange.json(items.subList(from, to));
	}

}
