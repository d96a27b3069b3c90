package io.github.kernelboot.client;

import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import io.github.kernelboot.client.model.ErrorDetail;
import io.github.kernelboot.client.model.KernelError;
import io.github.kernelboot.client.model.Secrets;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.codec.CodecException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.UnsupportedMediaTypeException;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Sends {@link ApiRequest}s: turns every way a call can fail into a typed
 * {@link KernelException}, bounds each attempt in time and retries by the
 * {@link RetryPolicy}.
 */
final class KernelHttp {

	private static final Log logger = LogFactory.getLog(KernelHttp.class);

	private static final int BODY_EXCERPT_LENGTH = 200;

	// Bodies are written and read here rather than by the WebClient's codecs: the records carry
	// their JSON mapping, and skipping the codec lookup per request keeps the client lean.
	private static final JsonMapper JSON = JsonMapper.builder().build();

	// Where WebClient's observations read the uri tag from when the request names its URI
	// whole (WebClient sets it itself only when it expands the template). As WebClient would,
	// the base URL goes in front: the default convention drops scheme and host, and keeps a
	// base path such as /v1.
	private static final String URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

	/** A retry listener for calls that count no retries. */
	static final Consumer<Throwable> NO_RETRY_LISTENER = (failure) -> {
	};

	private final String baseUrl;

	private final WebClient webClient;

	private final WebClient pollingWebClient;

	private final RetryPolicy retryPolicy;

	private final Duration readTimeout;

	private final @Nullable String apiKey;

	KernelHttp(String baseUrl, WebClient webClient, WebClient pollingWebClient, RetryPolicy retryPolicy,
			Duration readTimeout, @Nullable String apiKey) {
		this.baseUrl = baseUrl;
		this.webClient = webClient;
		this.pollingWebClient = pollingWebClient;
		this.retryPolicy = retryPolicy;
		this.readTimeout = readTimeout;
		this.apiKey = apiKey;
	}

	RetryPolicy retryPolicy() {
		return this.retryPolicy;
	}

	Duration readTimeout() {
		return this.readTimeout;
	}

	/**
	 * Sends the request, retrying failures the policy calls retryable.
	 * @param <T> what the answer is read into
	 * @param request the request
	 * @return the answer
	 */
	<T> Mono<T> send(ApiRequest<T> request) {
		return retried(attempt(request, this.readTimeout), this.retryPolicy, this.retryPolicy::isRetryable,
				NO_RETRY_LISTENER);
	}

	/**
	 * Subscribes again to the attempts while the given policy allows and the predicate
	 * accepts the failure.
	 * @param <T> what the answer is read into
	 * @param attempts the attempts
	 * @param policy the retry policy: how often and how long to wait
	 * @param retryable which failures may be retried
	 * @param beforeRetry told of each failure about to be retried
	 * @return the answer
	 */
	<T> Mono<T> retried(Mono<T> attempts, RetryPolicy policy, Predicate<Throwable> retryable,
			Consumer<Throwable> beforeRetry) {
		return attempts.retryWhen(policy.toRetry(retryable, (failure) -> {
			if (logger.isDebugEnabled()) {
				logger.debug("Retrying after: " + failure.getMessage());
			}
			beforeRetry.accept(failure);
		}));
	}

	/**
	 * Sends the request once.
	 * @param <T> what the answer is read into
	 * @param request the request
	 * @param timeout how long the attempt may wait for the whole answer
	 * @return the answer, or a {@link KernelException}
	 */
	<T> Mono<T> attempt(ApiRequest<T> request, Duration timeout) {
		String method = request.method().name();
		return Mono.defer(() -> {
			WebClient client = request.isLongPoll() ? this.pollingWebClient : this.webClient;
			WebClient.RequestBodySpec spec = client.method(request.method())
				.uri(request.uri(this.baseUrl))
				.attribute(URI_TEMPLATE_ATTRIBUTE, this.baseUrl + request.uriTemplate());
			WebClient.RequestHeadersSpec<?> withBody = (request.body() != null)
					? spec.contentType(MediaType.APPLICATION_JSON).bodyValue(JSON.writeValueAsBytes(request.body()))
					: spec;
			return withBody.exchangeToMono((response) -> response.statusCode().is2xxSuccessful()
					? readSuccess(response, request) : readError(response, request).flatMap(Mono::error));
		})
			.timeout(timeout)
			.onErrorMap((failure) -> !(failure instanceof KernelException),
					(failure) -> translate(failure, method, request.path(), timeout));
	}

	private Throwable translate(Throwable failure, String method, String path, Duration timeout) {
		if (isTimeout(failure)) {
			return new KernelTimeoutException(method, path, timeout);
		}
		if (failure instanceof WebClientRequestException || failure instanceof IOException
				|| failure.getCause() instanceof IOException) {
			return new KernelConnectionException(method, path, failure);
		}
		return failure;
	}

	// Reactor's own timeout, or one of the connector (Netty's ReadTimeoutException) when a
	// customizer set one up.
	private static boolean isTimeout(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TimeoutException || cause.getClass().getName().endsWith(".ReadTimeoutException")) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	private <T> Mono<T> readSuccess(ClientResponse response, ApiRequest<T> request) {
		return request.reader()
			.read(response, request)
			// No cause: a parser's message quotes the body, which may hold a jwt; the masked
			// description carries what it said.
			.onErrorMap(KernelHttp::isUnreadableBody, (failure) -> new KernelResponseException(
					request.method().name(), request.path(), response.statusCode().value(),
					mask(describeUnreadableBody(failure)), null));
	}

	private static boolean isUnreadableBody(Throwable failure) {
		return failure instanceof CodecException || failure instanceof DataBufferLimitException
				|| failure instanceof UnsupportedMediaTypeException || failure instanceof JacksonException;
	}

	private static String describeUnreadableBody(Throwable failure) {
		if (failure instanceof DataBufferLimitException) {
			return "body is larger than the in-memory limit of the client's codecs";
		}
		if (failure instanceof UnsupportedMediaTypeException) {
			return "body is not JSON (" + failure.getMessage() + ")";
		}
		Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
		String message = (cause instanceof JacksonException jackson) ? jackson.getOriginalMessage()
				: cause.getMessage();
		return "body is not the expected JSON (" + message + ")";
	}

	private Mono<KernelApiException> readError(ClientResponse response, ApiRequest<?> request) {
		HttpHeaders headers = response.headers().asHttpHeaders();
		return response.bodyToMono(String.class)
			.defaultIfEmpty("")
			.onErrorResume(DataBufferLimitException.class, (tooLarge) -> Mono.just("(body too large to read)"))
			.map((body) -> {
				KernelError error = parseError(body);
				String excerpt = (error == null && !body.isBlank()) ? mask(excerpt(body)) : null;
				KernelError masked = (error != null) ? maskError(error) : null;
				return KernelApiException.of(new ApiErrorResponse(request.method().name(), request.path(),
						response.statusCode().value(), masked, excerpt, retryAfter(headers), shouldRetry(headers)));
			});
	}

	private static @Nullable KernelError parseError(String body) {
		if (body.isBlank()) {
			return null;
		}
		try {
			KernelError error = JSON.readValue(body, KernelError.class);
			return (error != null && error.code() != null && error.message() != null) ? error : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private KernelError maskError(KernelError error) {
		List<ErrorDetail> details = (error.details() != null)
				? error.details().stream().map((detail) -> (detail != null) ? maskDetail(detail) : null).toList()
				: null;
		ErrorDetail inner = (error.innerError() != null) ? maskDetail(error.innerError()) : null;
		return new KernelError(mask(error.code()), mask(error.message()), details, inner);
	}

	private ErrorDetail maskDetail(ErrorDetail detail) {
		return new ErrorDetail(maskNullable(detail.code()), maskNullable(detail.message()));
	}

	private @Nullable String maskNullable(@Nullable String text) {
		return Secrets.mask(text, this.apiKey);
	}

	private static String excerpt(String body) {
		String flat = body.strip().replaceAll("\\s+", " ");
		return (flat.length() <= BODY_EXCERPT_LENGTH) ? flat : flat.substring(0, BODY_EXCERPT_LENGTH) + "...";
	}

	private String mask(String text) {
		String masked = Secrets.mask(text, this.apiKey);
		return (masked != null) ? masked : "";
	}

	static @Nullable Duration retryAfter(HttpHeaders headers) {
		String millis = headers.getFirst("retry-after-ms");
		if (millis != null) {
			try {
				return Duration.ofMillis(Math.round(Double.parseDouble(millis.trim())));
			}
			catch (NumberFormatException ex) {
				// fall through to Retry-After, as the SDKs do
			}
		}
		String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (retryAfter == null) {
			return null;
		}
		try {
			return Duration.ofMillis(Math.round(Double.parseDouble(retryAfter.trim()) * 1000));
		}
		catch (NumberFormatException ex) {
			try {
				ZonedDateTime date = ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
				return Duration.between(ZonedDateTime.now(date.getZone()), date);
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

	private static @Nullable Boolean shouldRetry(HttpHeaders headers) {
		String value = headers.getFirst("x-should-retry");
		if ("true".equalsIgnoreCase(value)) {
			return true;
		}
		return "false".equalsIgnoreCase(value) ? false : null;
	}

	// Readers of successful answers

	static ApiRequest.SuccessReader<Void> noBody() {
		return (response, request) -> response.releaseBody().then(Mono.empty());
	}

	/**
	 * Reads a JSON body that must be there.
	 * @param <T> the type read
	 * @param type the type read
	 * @param missingRequiredField names a required field the value lacks, or returns null
	 * @return the reader
	 */
	static <T> ApiRequest.SuccessReader<T> json(Class<T> type, Function<T, @Nullable String> missingRequiredField) {
		return (response, request) -> readJson(response, type)
			.switchIfEmpty(Mono.error(() -> unusable(request, response, "body is empty")))
			.flatMap((value) -> {
				String missing = missingRequiredField.apply(value);
				return (missing != null) ? Mono.error(unusable(request, response, "answer has no " + missing))
						: Mono.just(value);
			});
	}

	/**
	 * Reads an answer that is either a JSON body or 204 No Content (empty).
	 * @param <T> the type read
	 * @param type the type read
	 * @param missingRequiredField names a required field the value lacks, or returns null
	 * @return the reader
	 */
	static <T> ApiRequest.SuccessReader<T> jsonOrNoContent(Class<T> type,
			Function<T, @Nullable String> missingRequiredField) {
		ApiRequest.SuccessReader<T> json = json(type, missingRequiredField);
		return (response, request) -> (response.statusCode().value() == HttpStatus.NO_CONTENT.value())
				? response.releaseBody().then(Mono.empty()) : json.read(response, request);
	}

	/**
	 * Reads one page of a list answer: a JSON array whose items must each be usable.
	 * @param <T> the item type
	 * @param arrayType the array type of the items
	 * @param missingRequiredField names a required field an item lacks, or returns null
	 * @return the reader
	 */
	static <T> ApiRequest.SuccessReader<Page<T>> page(Class<T[]> arrayType,
			Function<T, @Nullable String> missingRequiredField) {
		return (response, request) -> {
			HttpHeaders headers = response.headers().asHttpHeaders();
			boolean hasMore = "true".equalsIgnoreCase(headers.getFirst("X-Has-More"));
			long nextOffset = parseOffset(headers.getFirst("X-Next-Offset"));
			long offset = ((Number) request.queryValue("offset")).longValue();
			if (hasMore && nextOffset <= offset) {
				return response.releaseBody()
					.then(Mono.error(unusable(request, response,
							"X-Has-More is true but X-Next-Offset " + nextOffset + " does not pass offset " + offset)));
			}
			return readJson(response, arrayType).map(List::of).defaultIfEmpty(List.of()).flatMap((items) -> {
				for (int i = 0; i < items.size(); i++) {
					String missing = (items.get(i) != null) ? missingRequiredField.apply(items.get(i)) : "item";
					if (missing != null) {
						return Mono.error(unusable(request, response, "item " + i + " has no " + missing));
					}
				}
				return Mono.just(new Page<>(items, hasMore, nextOffset));
			});
		};
	}

	private static <T> Mono<T> readJson(ClientResponse response, Class<T> type) {
		MediaType contentType = response.headers().contentType().orElse(MediaType.APPLICATION_JSON);
		if (!contentType.isCompatibleWith(MediaType.APPLICATION_JSON)
				&& !contentType.getSubtype().endsWith("+json")) {
			return response.releaseBody()
				.then(Mono.error(new UnsupportedMediaTypeException(contentType, List.of(MediaType.APPLICATION_JSON))));
		}
		// JSON null reads as nothing, like an empty body.
		return response.bodyToMono(byte[].class).mapNotNull((bytes) -> JSON.readValue(bytes, type));
	}

	private static long parseOffset(@Nullable String value) {
		try {
			return (value != null) ? Long.parseLong(value.trim()) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static KernelResponseException unusable(ApiRequest<?> request, ClientResponse response, String problem) {
		return new KernelResponseException(request.method().name(), request.path(), response.statusCode().value(),
				problem, null);
	}

}
