/**
 * On-demand benchmark harness: {@link io.github.kernelboot.benchmarks.Benchmarks} runs every
 * benchmark, prints each figure and writes them to BENCHMARKS.md.
 */
@NullMarked
package io.github.kernelboot.benchmarks;

import org.jspecify.annotations.NullMarked;
