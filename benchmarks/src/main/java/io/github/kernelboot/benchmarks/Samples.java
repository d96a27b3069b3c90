package io.github.kernelboot.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/**
 * Latencies in nanoseconds and their percentiles.
 */
final class Samples {

	private long[] values;

	private int size;

	Samples(int capacity) {
		this.values = new long[Math.max(capacity, 16)];
	}

	synchronized void add(long nanos) {
		if (this.size == this.values.length) {
			this.values = Arrays.copyOf(this.values, this.size * 2);
		}
		this.values[this.size++] = nanos;
	}

	synchronized int count() {
		return this.size;
	}

	/**
	 * Returns a percentile, in milliseconds.
	 * @param percentile 0 to 100
	 * @return the value at that percentile
	 */
	synchronized double percentileMillis(double percentile) {
		if (this.size == 0) {
			return Double.NaN;
		}
		long[] sorted = Arrays.copyOf(this.values, this.size);
		Arrays.sort(sorted);
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1_000_000.0;
	}

	static String millis(double value) {
		return String.format(Locale.ROOT, (value < 10) ? "%.2f ms" : "%.1f ms", value);
	}

	static String ratio(double value) {
		return String.format(Locale.ROOT, "%.2fx", value);
	}

}
