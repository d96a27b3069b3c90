package io.github.kernelboot.client;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.kernelboot.client.model.AcquireRequest;
import io.github.kernelboot.client.model.BrowserPoolRequest;
import io.github.kernelboot.client.model.BrowserPoolUpdate;
import io.github.kernelboot.client.model.BrowserRequest;
import io.github.kernelboot.client.model.ExtensionSelection;
import io.github.kernelboot.client.model.ProfileSelection;
import io.github.kernelboot.client.model.ReleaseRequest;
import io.github.kernelboot.client.model.Viewport;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that requests breaking a documented limit are refused with an error naming the field,
 * and that nothing reaches the server.
 */
class RequestValidationTests {

	@RegisterExtension
	final MockKernelApi api = new MockKernelApi();

	static Stream<Arguments> invalidCalls() {
		return Stream.of(
				invalid("timeout_seconds", "must be between 10 and 259200 seconds (was 9)",
						(client) -> client.browsers().create(BrowserRequest.builder().timeoutSeconds(9).build())),
				invalid("timeout_seconds", "must be between 10 and 259200 seconds (was 259201)",
						(client) -> client.browsers().create(BrowserRequest.builder().timeoutSeconds(259_201).build())),
				invalid("viewport.width", "must be between 320 and 7680 (was 319)",
						(client) -> client.browsers().create(BrowserRequest.builder().viewport(319, 800).build())),
				invalid("viewport.width", "must be between 320 and 7680 (was 7681)",
						(client) -> client.browsers().create(BrowserRequest.builder().viewport(7681, 800).build())),
				invalid("viewport.height", "must be between 240 and 4320 (was 239)",
						(client) -> client.browsers().create(BrowserRequest.builder().viewport(1024, 239).build())),
				invalid("viewport.height", "must be between 240 and 4320 (was 4321)",
						(client) -> client.browsers().create(BrowserRequest.builder().viewport(1024, 4321).build())),
				invalid("viewport.refresh_rate", "must be positive (was 0)", (client) -> client.browsers()
					.create(BrowserRequest.builder().viewport(new Viewport(1024, 768, 0)).build())),
				invalid("profile", "must give exactly one of id and name", (client) -> client.browsers()
					.create(BrowserRequest.builder().profile(new ProfileSelection("id", "name", null)).build())),
				invalid("profile", "must give exactly one of id and name", (client) -> client.browsers()
					.create(BrowserRequest.builder().profile(new ProfileSelection(null, null, true)).build())),
				invalid("profile.name", "must be 1 to 255 letters, digits, dots, underscores or hyphens (was 'my profile')",
						(client) -> client.browsers()
							.create(BrowserRequest.builder().profile(ProfileSelection.byName("my profile")).build())),
				invalid("extensions", "must hold at most 20 entries (was 21)",
						(client) -> client.browsers()
							.create(BrowserRequest.builder()
								.extensions(IntStream.range(0, 21).mapToObj((i) -> ExtensionSelection.byId("e" + i)).toList())
								.build())),
				invalid("extensions[1]", "must give exactly one of id and name",
						(client) -> client.browsers()
							.create(BrowserRequest.builder()
								.extensions(List.of(ExtensionSelection.byId("a"), new ExtensionSelection(null, null)))
								.build())),
				invalid("extensions[0].name",
						"must be 1 to 255 letters, digits, dots, underscores or hyphens (was 'a/b')",
						(client) -> client.browsers()
							.create(BrowserRequest.builder().extensions(List.of(ExtensionSelection.byName("a/b"))).build())),
				invalid("tags", "must hold at most 50 entries (was 51)",
						(client) -> client.browsers().create(BrowserRequest.builder().tags(tags(51)).build())),
				invalid("size", "is required to create a pool",
						(client) -> client.browserPools().create(BrowserPoolRequest.builder().name("p").build())),
				invalid("size", "must be at least 1 (was 0)",
						(client) -> client.browserPools().create(BrowserPoolRequest.builder().size(0).build())),
				invalid("fill_rate_per_minute", "must be at least 1 (was 0)", (client) -> client.browserPools()
					.create(BrowserPoolRequest.builder().size(1).fillRatePerMinute(0).build())),
				invalid("timeout_seconds", "must be between 10 and 259200 seconds (was 5)", (client) -> client.browserPools()
					.create(BrowserPoolRequest.builder().size(1).timeoutSeconds(5).build())),
				invalid("viewport.width", "must be between 320 and 7680 (was 100)",
						(client) -> client.browserPools()
							.update("p", new BrowserPoolUpdate(
									BrowserPoolRequest.builder().viewport(Viewport.of(100, 800)).build(), null))),
				invalid("name", "must not be blank", (client) -> client.browserPools()
					.update("p", new BrowserPoolUpdate(BrowserPoolRequest.builder().name(" ").build(), null))),
				invalid("acquire_timeout_seconds", "must not be negative (was -1)",
						(client) -> client.browserPools().tryAcquire("p", new AcquireRequest(-1, null, null, null))),
				invalid("session_id", "must not be blank",
						(client) -> client.browserPools().release("p", new ReleaseRequest("", true))),
				invalid("id_or_name", "must not be blank", (client) -> client.browserPools().retrieve(" ")),
				invalid("id_or_name", "must not be blank", (client) -> client.browserPools().acquire("")),
				invalid("id_or_name", "must not be blank", (client) -> client.browsers().delete("")));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("invalidCalls")
	void invalidRequestIsRefusedBeforeItIsSent(String field, String problem, Function<KernelClient, Mono<?>> call) {
		InvalidRequestException ex = ErrorMappingTests.failure(call.apply(this.api.client()),
				InvalidRequestException.class);

		assertThat(ex.getField()).isEqualTo(field);
		assertThat(ex.getProblem()).isEqualTo(problem);
		assertThat(ex).hasMessage(field + " " + problem);
		assertThat(this.api.requestCount()).isZero();
	}

	private static Arguments invalid(String field, String problem, Function<KernelClient, Mono<?>> call) {
		return Arguments.of(field, problem, call);
	}

	private static Map<String, String> tags(int count) {
		Map<String, String> tags = new HashMap<>();
		IntStream.range(0, count).forEach((i) -> tags.put("k" + i, "v"));
		return Collections.unmodifiableMap(tags);
	}

}
