package io.github.kernelboot.local.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
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

	private static final Duration FIRST_POLL = Duration.ofMillis(5);

	private static final Duration LONGEST_POLL = Duration.ofMillis(50);

	private ProcessTree() {
	}

	/**
	 * Asks the process to exit, gives it time to close its children itself, then kills
	 * whatever is left, and waits until none of it runs.
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
		family.stream().filter(ProcessTree::isRunning).forEach(ProcessHandle::destroyForcibly);
		awaitGone(family, grace);
	}

	/**
	 * Finds the running processes whose command line contains the marker.
	 * @param marker the text, such as a directory path
	 * @return the processes
	 */
	static Stream<ProcessHandle> marked(String marker) {
		return ProcessHandle.allProcesses()
			.filter(ProcessTree::isRunning)
			.filter((process) -> process.info().commandLine().map((line) -> line.contains(marker)).orElse(false));
	}

	/**
	 * Returns whether a process still runs. A process that exited after its parent stays a
	 * zombie until init reaps it, which can take a while here; it runs no more, so it counts
	 * as gone.
	 * @param process the process
	 * @return whether it runs
	 */
	static boolean isRunning(ProcessHandle process) {
		if (!process.isAlive()) {
			return false;
		}
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"), StandardCharsets.UTF_8);
			// "pid (command) state ...": the command may hold spaces and parentheses.
			int end = stat.lastIndexOf(')');
			return end < 0 || end + 2 >= stat.length() || stat.charAt(end + 2) != 'Z';
		}
		catch (IOException ex) {
			// No /proc (not Linux), or the process is gone.
			return process.isAlive();
		}
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

	// onExit() of a process that is not our child waits for it to be reaped, not for it to
	// stop: poll for the end of running instead, with a growing pause.
	private static void awaitGone(Collection<ProcessHandle> processes, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		long pause = FIRST_POLL.toMillis();
		while (processes.stream().anyMatch(ProcessTree::isRunning) && System.nanoTime() < deadline) {
			try {
				Thread.sleep(pause);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			pause = Math.min(pause * 2, LONGEST_POLL.toMillis());
		}
	}

}
