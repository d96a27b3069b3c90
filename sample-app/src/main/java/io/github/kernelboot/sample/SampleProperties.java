package io.github.kernelboot.sample;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the sample application, under {@code sample}.
 */
@ConfigurationProperties("sample")
public class SampleProperties {

	/**
	 * Pool the snapshots are rendered with.
	 */
	private String pool = "snapshots";

	/**
	 * Where the startup snapshot is written; by default snapshot.png beside the application
	 * jar (sample-app/target).
	 */
	private @Nullable Path snapshotFile;

	/**
	 * Whether the application stops once the startup snapshot is written.
	 */
	private boolean exitWhenDone;

	/**
	 * Node.js that runs Playwright's driver.
	 */
	private Path nodePath = Path.of("/usr/bin/node");

	/**
	 * Longest wait for a page to load.
	 */
	private Duration navigationTimeout = Duration.ofSeconds(30);

	public String getPool() {
		return this.pool;
	}

	public void setPool(String pool) {
		this.pool = pool;
	}

	public @Nullable Path getSnapshotFile() {
		return this.snapshotFile;
	}

	public void setSnapshotFile(@Nullable Path snapshotFile) {
		this.snapshotFile = snapshotFile;
	}

	public boolean isExitWhenDone() {
		return this.exitWhenDone;
	}

	public void setExitWhenDone(boolean exitWhenDone) {
		this.exitWhenDone = exitWhenDone;
	}

	public Path getNodePath() {
		return this.nodePath;
	}

	public void setNodePath(Path nodePath) {
		this.nodePath = nodePath;
	}

	public Duration getNavigationTimeout() {
		return this.navigationTimeout;
	}

	public void setNavigationTimeout(Duration navigationTimeout) {
		this.navigationTimeout = navigationTimeout;
	}

}
