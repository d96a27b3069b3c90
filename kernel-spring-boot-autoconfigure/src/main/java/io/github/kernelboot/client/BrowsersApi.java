package io.github.kernelboot.client;

import java.util.Map;

import io.github.kernelboot.client.model.Browser;
import io.github.kernelboot.client.model.BrowserRequest;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;

/**
 * Browser sessions: create, retrieve, list and delete. Obtain it from
 * {@link KernelClient#browsers()}.
 *
 * <p>Every call is lazy: nothing is sent until the returned publisher is subscribed to.
 */
public final class BrowsersApi {

	private static final String BROWSERS = "/browsers";

	private static final String BROWSER = "/browsers/{id_or_name}";


	private final KernelHttp http;

	BrowsersApi(KernelHttp http) {
		this.http = http;
	}

	/**
	 * Creates a browser session ({@code POST /browsers}).
	 * @param request the session's settings, checked against the documented limits first
	 * @return the new session; an {@link InvalidRequestException} if the request breaks a
	 * limit
	 */
	public Mono<Browser> create(BrowserRequest request) {
		return Mono.defer(() -> {
			RequestValidator.validate(request);
			return this.http.send(ApiRequest.of(HttpMethod.POST, BROWSERS, Map.of(), browser()).body(request));
		});
	}

	/**
	 * Retrieves an active session ({@code GET /browsers/{id_or_name}}).
	 * @param idOrName the session id or name
	 * @return the session; a {@link NotFoundException} if there is none
	 */
	public Mono<Browser> retrieve(String idOrName) {
		return retrieve(idOrName, false);
	}

	/**
	 * Retrieves a session ({@code GET /browsers/{id_or_name}}).
	 * @param idOrName the session id or name
	 * @param includeDeleted whether deleted sessions are found too
	 * @return the session; a {@link NotFoundException} if there is none
	 */
	public Mono<Browser> retrieve(String idOrName, boolean includeDeleted) {
		return Mono.defer(() -> {
			RequestValidator.checkNotBlank("id_or_name", idOrName);
			return this.http.send(ApiRequest.of(HttpMethod.GET, BROWSER, Map.of("id_or_name", idOrName), browser())
				.query("include_deleted", includeDeleted ? true : null));
		});
	}

	/**
	 * Lists the active sessions, following the pages lazily.
	 * @return the sessions
	 */
	public Flux<Browser> list() {
		return list(BrowserListQuery.active());
	}

	/**
	 * Lists sessions ({@code GET /browsers}), following the {@code X-Has-More} pages lazily: a
	 * page is fetched only when the items before it have been consumed.
	 * @param query which sessions, page size and start offset
	 * @return the sessions
	 */
	public Flux<Browser> list(BrowserListQuery query) {
		@Nullable String status = (query.status() != null) ? query.status().wireValue() : null;
		return Page.follow(query.offset(),
				(offset) -> this.http.send(ApiRequest.of(HttpMethod.GET, BROWSERS, Map.of(), KernelHttp.page(Browser[].class, BrowsersApi::missingRequiredField))
					.query("offset", offset)
					.query("limit", query.pageSize())
					.query("status", status)));
	}

	/**
	 * Deletes a session ({@code DELETE /browsers/{id_or_name}}).
	 * @param idOrName the session id or name
	 * @return completion; a {@link NotFoundException} if there is no such session
	 */
	public Mono<Void> delete(String idOrName) {
		return Mono.defer(() -> {
			RequestValidator.checkNotBlank("id_or_name", idOrName);
			return this.http.send(ApiRequest.of(HttpMethod.DELETE, BROWSER, Map.of("id_or_name", idOrName),
					KernelHttp.noBody()));
		});
	}

	static ApiRequest.SuccessReader<Browser> browser() {
		return KernelHttp.json(Browser.class, BrowsersApi::missingRequiredField);
	}

	static @Nullable String missingRequiredField(Browser browser) {
		if (browser.sessionId() == null || browser.sessionId().isBlank()) {
			return "session_id";
		}
		return (browser.cdpWsUrl() == null || browser.cdpWsUrl().isBlank()) ? "cdp_ws_url" : null;
	}

}
