package io.github.kernelboot.local.browser;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Ends a process with everything it started. Chromium's crash handlers detach from the tree
 * (their parent is init), so processes whose command line names the browser's own directory
 * count as part of it too.
 */
final class ProcessTree {

	private ProcessTree() {
	}

	/**
	 * Asks the process to exit, gives it time to close its children itself, then kills
	 * whatever is left, and waits until all of it is gone.
	 * @param root the process
	 * @param marker text that the command line of every process of the browser contains
	 * @param grace how long the process may take to exit on its own
	 */
	static void terminate(ProcessHandle root, String marker, Duration grace) {
		Set<ProcessHandle> family = new LinkedHashSet<>();
		root.descendants().forEach(family::add);
		marked(marker).forEach(family::add);
		root.destroy();
		if (!awaitExit(root, grace)) {
			root.destroyForcibly();
			awaitExit(root, grace);
		}
		// Processes started while the root was exiting name the marker too.
		marked(marker).forEach(family::add);
		family.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
		// One deadline for them all: exited children whose parent is gone stay visible until
		// init reaps them, and each of them must not cost a whole grace period.
		long deadline = System.nanoTime() + grace.toNanos();
		for (ProcessHandle process : family) {
			awaitExit(process, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
		}
	}

	/**
	 * Finds the live processes whose command line contains the marker.
	 * @param marker the text, such as a directory path
	 * @return the processes
	 */
	static Stream<ProcessHandle> marked(String marker) {
		return ProcessHandle.allProcesses()
			.filter(ProcessHandle::isAlive)
			.filter((process) -> process.info().commandLine().map((line) -> line.contains(marker)).orElse(false));
	}

	private static boolean awaitExit(ProcessHandle process, Duration timeout) {
		try {
			process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (ExecutionException ex) {
			return !process.isAlive();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}

}
