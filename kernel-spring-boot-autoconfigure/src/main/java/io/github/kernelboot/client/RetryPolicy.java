package io.github.kernelboot.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * When and how long the client waits before it sends a failed request again, as the official
 * Kernel SDKs do: connection failures, timeouts, 408, 409, 429 and 5xx are retried up to
 * {@code maxRetries} times; the server's {@code x-should-retry} header overrides that verdict;
 * the wait is the server's {@code retry-after-ms} or {@code Retry-After} when it lies in
 * (0, 60 s], else an exponential backoff with jitter.
 *
 * @param maxRetries how many times a request is sent again at most (0 turns retries off)
 * @param initialBackoff wait before the first retry when the server names none
 * @param maxBackoff upper bound of the exponential backoff
 * @param jitter share of the backoff, 0 to 1, that is randomly taken off each wait
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, double jitter) {

	/** The official SDKs' policy: 2 retries, 0.5 s doubling up to 8 s, minus up to 25%. */
	public static final RetryPolicy DEFAULT = new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8), 0.25);

	/** A policy that never retries. */
	public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 0);

	/** Longest server-requested wait that is honoured; longer ones fall back to the backoff. */
	static final Duration MAX_HONOURED_RETRY_AFTER = Duration.ofSeconds(60);

	/**
	 * Checks the policy's values.
	 * @param maxRetries how many times a request is sent again at most
	 * @param initialBackoff wait before the first retry
	 * @param maxBackoff upper bound of the backoff
	 * @param jitter share of the backoff randomly taken off
	 */
	public RetryPolicy {
		if (maxRetries < 0) {
			throw new IllegalArgumentException("maxRetries must not be negative (was " + maxRetries + ")");
		}
		if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
			throw new IllegalArgumentException("backoff durations must not be negative");
		}
		if (jitter < 0 || jitter > 1) {
			throw new IllegalArgumentException("jitter must be between 0 and 1 (was " + jitter + ")");
		}
	}

	/**
	 * Returns this policy with another number of retries.
	 * @param maxRetries how many times a request is sent again at most
	 * @return a new policy
	 */
	public RetryPolicy withMaxRetries(int maxRetries) {
		return new RetryPolicy(maxRetries, this.initialBackoff, this.maxBackoff, this.jitter);
	}

	/**
	 * Tells whether a failure is worth sending the request again.
	 * @param failure the failure
	 * @return whether to retry
	 */
	public boolean isRetryable(Throwable failure) {
		if (failure instanceof KernelApiException apiException) {
			Boolean shouldRetry = apiException.getResponse().shouldRetry();
			if (shouldRetry != null) {
				return shouldRetry;
			}
			int status = apiException.getStatus();
			return status == 408 || status == 409 || status == 429 || status >= 500;
		}
		return failure instanceof KernelConnectionException || failure instanceof KernelTimeoutException;
	}

	/**
	 * Returns the wait before a retry: the server's when it asked for one in (0, 60 s], else
	 * the backoff for the retry's index.
	 * @param retryIndex 0 for the first retry, 1 for the second, ...
	 * @param failure the failure being retried
	 * @return the wait
	 */
	public Duration delayBefore(int retryIndex, Throwable failure) {
		Duration requested = (failure instanceof KernelApiException apiException) ? apiException.getRetryAfter()
				: null;
		if (isHonoured(requested)) {
			return requested;
		}
		long doubled = this.initialBackoff.toMillis() << Math.min(retryIndex, 30);
		long backoff = Math.min(Math.max(doubled, 0), this.maxBackoff.toMillis());
		double jitterFactor = 1 - ThreadLocalRandom.current().nextDouble() * this.jitter;
		return Duration.ofMillis(Math.round(backoff * jitterFactor));
	}

	private static boolean isHonoured(@Nullable Duration requested) {
		return requested != null && !requested.isNegative() && !requested.isZero()
				&& requested.compareTo(MAX_HONOURED_RETRY_AFTER) <= 0;
	}

	/**
	 * Returns this policy as a Reactor {@link Retry} for one request, retrying only the
	 * failures the predicate accepts.
	 * @param retryable which failures may be retried
	 * @param beforeRetry told of every failure that is about to be retried
	 * @return the retry specification
	 */
	Retry toRetry(Predicate<Throwable> retryable, Consumer<Throwable> beforeRetry) {
		return Retry.from((signals) -> signals.concatMap((signal) -> {
			Throwable failure = signal.failure();
			if (signal.totalRetriesInARow() >= this.maxRetries || !retryable.test(failure)) {
				return Mono.error(failure);
			}
			beforeRetry.accept(failure);
			return Mono.delay(delayBefore((int) signal.totalRetriesInARow(), failure));
		}));
	}

}
