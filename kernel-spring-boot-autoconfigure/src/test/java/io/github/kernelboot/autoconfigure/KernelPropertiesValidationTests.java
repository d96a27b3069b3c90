package io.github.kernelboot.autoconfigure;

import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests that bad {@code kernel.*} properties stop a real application at startup, and that
 * what Spring Boot prints names the property and says what is wrong.
 */
@ExtendWith(OutputCaptureExtension.class)
class KernelPropertiesValidationTests {

	private static final String POOL = "kernel.pools.snapshots.";

	// Spring Boot's binding failure report, for a value that is not of the property's type.
	private static final String NOT_CONVERTED = "failed to convert java.lang.String";

	static Stream<Arguments> badPropertySets() {
		return Stream.of(
				bad("kernel.base-url", "must be an absolute http or https URL", "kernel.base-url=not a url"),
				bad("kernel.base-url", "must be an absolute http or https URL", "kernel.base-url=ftp://kernel.example.com"),
				bad("kernel.base-url", "must not have a query or fragment",
						"kernel.base-url=https://kernel.example.com/v1?region=eu"),
				bad("kernel.connect-timeout", "must be positive", "kernel.connect-timeout=0s"),
				bad("kernel.connect-timeout", NOT_CONVERTED, "kernel.connect-timeout=soon"),
				bad("kernel.read-timeout", "must be positive", "kernel.read-timeout=-1s"),
				bad("kernel.max-retries", "must not be negative", "kernel.max-retries=-1"),
				bad("kernel.max-retries", NOT_CONVERTED, "kernel.max-retries=lots"),
				bad("kernel.provisioning", NOT_CONVERTED, "kernel.provisioning=sometimes"),
				bad("kernel.default-pool", "must not be blank when set", "kernel.default-pool= "),
				bad(POOL + "acquire-timeout", "must be positive", POOL + "acquire-timeout=0s"),
				bad(POOL + "poll-timeout", "must be at least 1s", POOL + "poll-timeout=500ms"),
				bad(POOL + "leak-detection-threshold", "must be positive",
						POOL + "leak-detection-threshold=-5s"),
				bad(POOL + "release-reuse", NOT_CONVERTED, POOL + "release-reuse=maybe"),
				bad(POOL + "provision.size", "is required to create a pool", POOL + "provision.stealth=true"),
				bad(POOL + "provision.size", "must be at least 1 (was 0)", POOL + "provision.size=0"),
				bad(POOL + "provision.timeout-seconds", "must be between 10 and 259200 seconds (was 5)",
						POOL + "provision.size=1", POOL + "provision.timeout-seconds=5"),
				bad(POOL + "provision.fill-rate-per-minute", "must be at least 1 (was 0)", POOL + "provision.size=1",
						POOL + "provision.fill-rate-per-minute=0"),
				bad(POOL + "provision.viewport.width", "must be between 320 and 7680 (was 100)",
						POOL + "provision.size=1", POOL + "provision.viewport.width=100",
						POOL + "provision.viewport.height=800"),
				bad(POOL + "provision.viewport.refresh-rate", "must be positive (was 0)", POOL + "provision.size=1",
						POOL + "provision.viewport.width=1024", POOL + "provision.viewport.height=768",
						POOL + "provision.viewport.refresh-rate=0"),
				bad(POOL + "provision.headless", NOT_CONVERTED, POOL + "provision.size=1", POOL + "provision.headless=perhaps"),
				bad(POOL + "provision.profile", "must give exactly one of id and name", POOL + "provision.size=1",
						POOL + "provision.profile.id=p1", POOL + "provision.profile.name=shopper"),
				bad(POOL + "provision.extensions[0].name",
						"must be 1 to 255 letters, digits, dots, underscores or hyphens (was 'ad block')",
						POOL + "provision.size=1", POOL + "provision.extensions[0].name=ad block"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badPropertySets")
	void badPropertiesStopStartupNamingTheProperty(String property, String reason, String[] properties,
			CapturedOutput output) {
		SpringApplication application = new SpringApplicationBuilder(MinimalApplication.class)
			.web(WebApplicationType.NONE)
			.properties("kernel.api-key=sk_test_validation_key", "spring.main.banner-mode=off")
			.properties(properties)
			.build();

		assertThatException().isThrownBy(application::run);

		assertThat(output).contains("APPLICATION FAILED TO START").contains(property).contains(reason);
		assertThat(output).doesNotContain("sk_test_validation_key");
	}

	private static Arguments bad(String property, String reason, String... properties) {
		return Arguments.of(property, reason, properties);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ WebClientAutoConfiguration.class, KernelAutoConfiguration.class })
	static class MinimalApplication {

	}

}
