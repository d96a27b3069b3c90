package io.github.kernelboot.sample;

import java.time.Duration;

import com.microsoft.playwright.PlaywrightException;
import io.github.kernelboot.client.AcquireTimeoutException;
import io.github.kernelboot.client.model.Secrets;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /snapshot?url=...} answers a PNG screenshot of the page, {@code GET /title?url=...}
 * its title as JSON.
 */
@RestController
public class SnapshotController {

	/** What a client is told to wait when no browser is free. */
	static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private final SnapshotService snapshots;

	public SnapshotController(SnapshotService snapshots) {
		this.snapshots = snapshots;
	}

	@GetMapping(path = "/snapshot", produces = MediaType.IMAGE_PNG_VALUE)
	public Mono<byte[]> snapshot(@RequestParam String url) {
		return Mono.defer(() -> this.snapshots.screenshot(PageUrls.parse(url)));
	}

	@GetMapping(path = "/title", produces = MediaType.APPLICATION_JSON_VALUE)
	public Mono<PageTitle> title(@RequestParam String url) {
		return Mono.defer(() -> this.snapshots.title(PageUrls.parse(url)).map((title) -> new PageTitle(url, title)));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidUrl(InvalidPageUrlException ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> noBrowserFree(AcquireTimeoutException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"No browser is free right now: " + ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> pageFailed(PlaywrightException ex) {
		// Playwright's messages may quote the cdp_ws_url, whose jwt the client must not see.
		String firstLine = Secrets.mask(String.valueOf(ex.getMessage()).lines().findFirst().orElse(""));
		return problem(HttpStatus.BAD_GATEWAY, "The page could not be loaded: " + firstLine);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemDetail.forStatusAndDetail(status, detail));
	}

	/**
	 * The title of a page.
	 *
	 * @param url the page
	 * @param title its title
	 */
	public record PageTitle(String url, String title) {

	}

}
