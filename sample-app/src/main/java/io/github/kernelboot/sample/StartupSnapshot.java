package io.github.kernelboot.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.kernelboot.lease.BrowserLease;
import io.github.kernelboot.lease.KernelBrowser;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.system.ApplicationHome;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The sample's main job: once the application is ready, render its own demo page with an
 * injected lease and write the screenshot to a file. The lease is held for the life of the
 * application and released when it stops.
 */
@Component
public class StartupSnapshot {

	private static final Log logger = LogFactory.getLog(StartupSnapshot.class);

	private final BrowserLease lease;

	private final PageRenderer renderer;

	private final SampleProperties properties;

	public StartupSnapshot(@KernelBrowser("snapshots") BrowserLease lease, PageRenderer renderer,
			SampleProperties properties) {
		this.lease = lease;
		this.renderer = renderer;
		this.properties = properties;
	}

	@EventListener
	public void onReady(ApplicationReadyEvent event) {
		int port = ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
		URI demoPage = URI.create("http://127.0.0.1:" + port + "/demo.html");
		Rendering rendering = this.renderer.render(this.lease, demoPage);
		Path file = snapshotFile();
		write(file, rendering.png());
		logger.info("Rendered '" + rendering.title() + "' to " + file + " with browser " + this.lease.sessionId()
				+ " of pool '" + this.lease.pool() + "', acquired in " + this.lease.acquireTime().toMillis() + " ms");
		if (this.properties.isExitWhenDone()) {
			// Exit from another thread: this listener runs inside the startup it would end.
			new Thread(() -> System.exit(SpringApplication.exit(event.getApplicationContext())), "sample-exit").start();
		}
	}

	Path snapshotFile() {
		Path configured = this.properties.getSnapshotFile();
		if (configured != null) {
			return configured.toAbsolutePath();
		}
		// Beside the jar (sample-app/target), or in target when run from target/classes.
		Path home = new ApplicationHome(SampleApplication.class).getDir().toPath();
		Path dir = home.getFileName().toString().equals("classes") ? home.getParent() : home;
		return dir.resolve("snapshot.png").toAbsolutePath();
	}

	private static void write(Path file, byte[] png) {
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the snapshot to " + file, ex);
		}
	}

}
