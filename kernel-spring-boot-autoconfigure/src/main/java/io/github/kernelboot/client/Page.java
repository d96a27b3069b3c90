package io.github.kernelboot.client;

import java.util.List;
import java.util.function.LongFunction;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One page of a list answer, with the {@code X-Has-More} and {@code X-Next-Offset} headers.
 *
 * @param <T> the item type
 * @param items the items of this page
 * @param hasMore whether more items follow
 * @param nextOffset offset of the next page (0 on the last page)
 */
record Page<T>(List<T> items, boolean hasMore, long nextOffset) {

	/**
	 * Follows the pages lazily: the next page is fetched only once every item of the current
	 * one has been requested.
	 * @param <T> the item type
	 * @param offset offset of the first page
	 * @param fetch fetches the page at an offset
	 * @return the items of all pages
	 */
	static <T> Flux<T> follow(long offset, LongFunction<Mono<Page<T>>> fetch) {
		return fetch.apply(offset).flatMapMany((page) -> {
			Flux<T> items = Flux.fromIterable(page.items());
			return page.hasMore() ? items.concatWith(Flux.defer(() -> follow(page.nextOffset(), fetch))) : items;
		});
	}

}
