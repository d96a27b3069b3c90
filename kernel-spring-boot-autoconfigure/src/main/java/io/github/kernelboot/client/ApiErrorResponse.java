package io.github.kernelboot.client;

import java.time.Duration;

import io.github.kernelboot.client.model.KernelError;
import org.jspecify.annotations.Nullable;

/**
 * An error answer of the Kernel API, as the client read it.
 *
 * @param method HTTP method of the request
 * @param path path of the request, without the query
 * @param status HTTP status of the answer
 * @param error the Error JSON, or {@code null} when the body was empty or not Error JSON
 * @param bodyExcerpt the start of a body that was not Error JSON (secrets masked), or
 * {@code null}
 * @param retryAfter how long the server asked the client to wait ({@code retry-after-ms} or
 * {@code Retry-After}), or {@code null}
 * @param shouldRetry the server's {@code x-should-retry} verdict, or {@code null}
 */
public record ApiErrorResponse(String method, String path, int status, @Nullable KernelError error,
		@Nullable String bodyExcerpt, @Nullable Duration retryAfter, @Nullable Boolean shouldRetry) {

}
