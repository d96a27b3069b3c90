package io.github.kernelboot.sample;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.github.kernelboot.client.model.Viewport;
import io.github.kernelboot.lease.BrowserLease;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Drives a leased browser with Playwright over CDP: connects to its {@code cdp_ws_url}, opens a
 * page in a fresh context, does the work, and disconnects (the browser itself stays up: the
 * lease owns it).
 *
 * <p>Playwright is blocking and each instance may be used by one thread at a time, so callers
 * run this on a blocking scheduler and instances are kept in a pool: starting one launches
 * Playwright's Node.js driver, which takes about a second.
 */
@Component
public class PageRenderer implements DisposableBean {

	private final Map<String, String> driverEnvironment;

	private final double navigationTimeoutMillis;

	private final ConcurrentLinkedQueue<Playwright> idle = new ConcurrentLinkedQueue<>();

	private final List<Playwright> all = new CopyOnWriteArrayList<>();

	public PageRenderer(SampleProperties properties) {
		// The driver runs on the machine's Node.js; the browser is the leased one, so nothing
		// is downloaded.
		this.driverEnvironment = Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "PLAYWRIGHT_NODEJS_PATH",
				properties.getNodePath().toString());
		this.navigationTimeoutMillis = properties.getNavigationTimeout().toMillis();
	}

	/**
	 * Loads the page in the leased browser and returns its title and a screenshot.
	 * @param lease the leased browser
	 * @param url the page to load
	 * @return the rendering
	 */
	public Rendering render(BrowserLease lease, URI url) {
		return withPage(lease, url, (page) -> new Rendering(page.title(), page.screenshot()));
	}

	/**
	 * Loads the page in the leased browser and returns its title.
	 * @param lease the leased browser
	 * @param url the page to load
	 * @return the title
	 */
	public String title(BrowserLease lease, URI url) {
		return withPage(lease, url, Page::title);
	}

	// A fresh browser context per page: nothing of one request (cookies, storage) reaches the
	// next holder of a reused browser, and the page gets exactly the session's viewport.
	private <T> T withPage(BrowserLease lease, URI url, Function<Page, T> work) {
		Playwright playwright = borrow();
		try {
			Browser browser = playwright.chromium().connectOverCDP(lease.cdpWsUrl());
			try (BrowserContext context = browser.newContext(contextOptions(lease))) {
				Page page = context.newPage();
				page.navigate(url.toString(), new Page.NavigateOptions().setTimeout(this.navigationTimeoutMillis));
				return work.apply(page);
			}
			finally {
				browser.close();
			}
		}
		finally {
			this.idle.offer(playwright);
		}
	}

	private static Browser.NewContextOptions contextOptions(BrowserLease lease) {
		Viewport viewport = lease.browser().viewport();
		return (viewport != null) ? new Browser.NewContextOptions().setViewportSize(viewport.width(), viewport.height())
				: new Browser.NewContextOptions();
	}

	private Playwright borrow() {
		Playwright playwright = this.idle.poll();
		if (playwright == null) {
			playwright = Playwright.create(new Playwright.CreateOptions().setEnv(this.driverEnvironment));
			this.all.add(playwright);
		}
		return playwright;
	}

	@Override
	public void destroy() {
		this.all.forEach(Playwright::close);
	}

}
