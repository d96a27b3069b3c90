package io.github.kernelboot.sample;

import java.net.URI;
import java.util.concurrent.Callable;

import io.github.kernelboot.lease.BrowserLeases;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Service;

/**
 * Renders pages on browsers leased per request: {@link BrowserLeases#withLease} gives the
 * browser back however the work ends, even when the client disconnects mid-render.
 */
@Service
public class SnapshotService {

	private final BrowserLeases leases;

	private final PageRenderer renderer;

	private final String pool;

	public SnapshotService(BrowserLeases leases, PageRenderer renderer, SampleProperties properties) {
		this.leases = leases;
		this.renderer = renderer;
		this.pool = properties.getPool();
	}

	/**
	 * Takes a screenshot of the page.
	 * @param url the page
	 * @return the PNG
	 */
	public Mono<byte[]> screenshot(URI url) {
		return this.leases.withLease(this.pool,
				(lease) -> blocking(() -> this.renderer.render(lease, url).png()));
	}

	/**
	 * Reads the page's title.
	 * @param url the page
	 * @return the title
	 */
	public Mono<String> title(URI url) {
		return this.leases.withLease(this.pool, (lease) -> blocking(() -> this.renderer.title(lease, url)));
	}

	// Playwright blocks: keep it off the event loop.
	private static <T> Mono<T> blocking(Callable<T> work) {
		return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
	}

}
