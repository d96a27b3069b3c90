package io.github.kernelboot.autoconfigure;

import java.util.Locale;

import io.github.kernelboot.client.model.Secrets;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Keeps Kernel's credentials out of actuator endpoints ({@code env}, {@code configprops}),
 * even when they are set to show values: the API key (as {@code kernel.api-key},
 * {@code KERNEL_API_KEY} or a bound {@code apiKey}) is sanitized, and a {@code jwt} in any
 * value is masked.
 */
class KernelSanitizingFunction implements SanitizingFunction {

	@Override
	public SanitizableData apply(SanitizableData data) {
		String key = data.getLowerCaseKey();
		if (key.endsWith("api-key") || key.endsWith("apikey") || key.endsWith("api_key")) {
			return data.withSanitizedValue();
		}
		if (data.getValue() instanceof String value && value.toLowerCase(Locale.ROOT).contains("jwt=")) {
			return data.withValue(Secrets.mask(value));
		}
		return data;
	}

}
