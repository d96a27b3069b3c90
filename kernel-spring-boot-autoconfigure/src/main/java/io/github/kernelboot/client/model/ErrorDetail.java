package io.github.kernelboot.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Lower-level detail of an API error.
 *
 * @param code machine-readable code
 * @param message description for people
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorDetail(@Nullable String code, @Nullable String message) {

	@Override
	public String toString() {
		return (this.code != null ? this.code + ": " : "") + (this.message != null ? this.message : "");
	}

}
