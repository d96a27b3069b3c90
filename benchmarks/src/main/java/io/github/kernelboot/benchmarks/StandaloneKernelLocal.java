package io.github.kernelboot.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kernel-local's standalone jar in a process of its own, so that what the benchmark JVM
 * measures (threads, heap) is the client's alone.
 */
final class StandaloneKernelLocal implements AutoCloseable {

	private static final Path JAR = Path.of("kernel-local/target/kernel-local.jar");

	private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

	private static final String WAITING_HEADER = "X-Kernel-Local-Waiting-Acquires";

	private final Process process;

	private final String baseUrl;

	private final String apiKey;

	private final HttpClient http = HttpClient.newHttpClient();

	private StandaloneKernelLocal(Process process, String baseUrl, String apiKey) {
		this.process = process;
		this.baseUrl = baseUrl;
		this.apiKey = apiKey;
	}

	/**
	 * Starts the standalone server with the stub launcher (no browser processes).
	 * @return the running server
	 * @throws IOException if it cannot start
	 */
	static StandaloneKernelLocal startWithStubBrowsers() throws IOException {
		if (!Files.isRegularFile(JAR)) {
			throw new IllegalStateException(JAR + " not found: run the benchmarks from the repository root after "
					+ "building (" + Benchmarks.COMMAND + ")");
		}
		String apiKey = "bench-standalone-key";
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
				JAR.toString(), "--port=0", "--api-key=" + apiKey, "--launcher=stub")
			.redirectErrorStream(true)
			.start();
		BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream()));
		String line;
		while ((line = output.readLine()) != null) {
			Matcher matcher = LISTENING.matcher(line);
			if (matcher.find()) {
				// Keep draining its output so that it never blocks on a full pipe.
				Thread drain = new Thread(() -> output.lines().forEach((ignored) -> {
				}), "standalone-kernel-local-output");
				drain.setDaemon(true);
				drain.start();
				return new StandaloneKernelLocal(process, matcher.group(1), apiKey);
			}
		}
		throw new IllegalStateException("kernel-local exited without listening");
	}

	String baseUrl() {
		return this.baseUrl;
	}

	String apiKey() {
		return this.apiKey;
	}

	/**
	 * Returns how many acquire polls of a pool wait at the server, from kernel-local's header.
	 */
	int waitingAcquires(String pool) {
		try {
			HttpResponse<Void> response = this.http.send(
					HttpRequest.newBuilder(URI.create(this.baseUrl + "/browser_pools/" + pool))
						.header("Authorization", "Bearer " + this.apiKey)
						.build(),
					HttpResponse.BodyHandlers.discarding());
			return Integer.parseInt(response.headers().firstValue(WAITING_HEADER).orElse("-1"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
