package io.github.kernelboot.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.github.kernelboot.local.browser.StubBrowserLauncher;

/**
 * Runs kernel-local on its own:
 * {@code java -jar kernel-local.jar [--port=N] [--api-key=KEY] [--bind=ADDRESS] [--chromium=PATH] [--launcher=chromium|stub]}.
 * Prints one line with the base URL once it listens (and the API key, when it made one up),
 * and on SIGTERM or Ctrl-C destroys every browser before it exits.
 */
public final class KernelLocalApplication {

	private static final String USAGE = "Usage: java -jar kernel-local.jar [--port=N] [--api-key=KEY]"
			+ " [--bind=ADDRESS] [--chromium=PATH] [--launcher=chromium|stub]";

	private KernelLocalApplication() {
	}

	/**
	 * Starts the server and waits until the JVM is told to stop.
	 * @param args the options
	 * @throws InterruptedException if the main thread is interrupted while it waits
	 */
	public static void main(String[] args) throws InterruptedException {
		KernelLocalServer.Builder builder = KernelLocalServer.builder();
		boolean apiKeyGiven = false;
		try {
			for (String arg : args) {
				apiKeyGiven |= apply(builder, arg);
			}
		}
		catch (IllegalArgumentException ex) {
			fail(ex.getMessage() + System.lineSeparator() + USAGE);
			return;
		}
		KernelLocalServer server = builder.build();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.stop();
			stopped.countDown();
		}, "kernel-local-shutdown"));
		server.start();
		System.out.println("kernel-local listening on " + server.baseUrl()
				+ (apiKeyGiven ? "" : " with API key " + server.apiKey()));
		stopped.await();
	}

	// Returns whether the argument set the API key.
	private static boolean apply(KernelLocalServer.Builder builder, String arg) {
		String[] option = arg.split("=", 2);
		if (option.length != 2 || option[1].isEmpty()) {
			throw new IllegalArgumentException("Unknown argument '" + arg + "'");
		}
		switch (option[0]) {
			case "--port" -> builder.port(parsePort(option[1]));
			case "--api-key" -> builder.apiKey(option[1]);
			case "--bind" -> builder.bindAddress(option[1]);
			case "--chromium" -> builder.chromiumPath(Path.of(option[1]));
			case "--launcher" -> useLauncher(builder, option[1]);
			default -> throw new IllegalArgumentException("Unknown option '" + option[0] + "'");
		}
		return option[0].equals("--api-key");
	}

	// The stub starts no process: for load tests and benchmarks of the API layer only.
	private static void useLauncher(KernelLocalServer.Builder builder, String name) {
		switch (name) {
			case "chromium" -> {
				// The default.
			}
			case "stub" -> builder.launcher(new StubBrowserLauncher());
			default -> throw new IllegalArgumentException("--launcher must be chromium or stub (was '" + name + "')");
		}
	}

	private static int parsePort(String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--port must be a number (was '" + value + "')");
		}
	}

	private static void fail(String message) {
		PrintStream err = System.err;
		err.println(message);
		System.exit(2);
	}

}
