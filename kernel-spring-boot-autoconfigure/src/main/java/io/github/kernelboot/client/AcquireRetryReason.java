package io.github.kernelboot.client;

/**
 * Why an acquire poll ended without a browser and was sent again.
 */
public enum AcquireRetryReason {

	/** The server held the poll until its time passed and answered 204: no browser yet. */
	NO_CONTENT("no_content"),

	/** The server answered 429. */
	RATE_LIMITED("rate_limited"),

	/** The server answered 5xx or another retryable status. */
	SERVER_ERROR("server_error"),

	/** The connection failed or the answer did not come in time. */
	IO("io");

	private final String tagValue;

	AcquireRetryReason(String tagValue) {
		this.tagValue = tagValue;
	}

	/**
	 * Returns the name used as a metric tag value, such as {@code no_content}.
	 * @return the tag value
	 */
	public String tagValue() {
		return this.tagValue;
	}

	static AcquireRetryReason of(Throwable failure) {
		if (failure instanceof RateLimitException) {
			return RATE_LIMITED;
		}
		if (failure instanceof KernelApiException apiException && apiException.getStatus() != 408) {
			return SERVER_ERROR;
		}
		return IO;
	}

}
