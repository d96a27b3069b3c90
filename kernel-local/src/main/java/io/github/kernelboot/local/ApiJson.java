package io.github.kernelboot.local;

import java.util.Collection;
import java.util.stream.Collectors;

import io.github.kernelboot.client.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads request bodies strictly (a number is not a string, 3.5 is not an integer, one
 * document per body) and names the offending field when it cannot; writes answers.
 */
final class ApiJson {

	private final JsonMapper mapper = JsonMapper.builder()
		.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
		.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.withCoercionConfig(LogicalType.Textual, (config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
		.build();

	/**
	 * Reads a body; an empty body or {@code null} reads as an empty object.
	 * @param <T> the body's type
	 * @param body the body text
	 * @param type the body's type
	 * @return the body
	 * @throws InvalidRequestException naming the field that could not be read
	 */
	<T> T read(String body, Class<T> type) {
		String json = body.isBlank() ? "{}" : body;
		try {
			T value = this.mapper.readValue(json, type);
			return (value != null) ? value : this.mapper.readValue("{}", type);
		}
		catch (MismatchedInputException ex) {
			String field = ex.getPath().stream().map(ApiJson::segment).collect(Collectors.joining()).replaceFirst("^\\.", "");
			throw new InvalidRequestException(field.isEmpty() ? "body" : field, "must be " + describe(ex.getTargetType()));
		}
		catch (JacksonException ex) {
			throw new InvalidRequestException("body", "is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	byte[] write(Object value) {
		return this.mapper.writeValueAsBytes(value);
	}

	private static String describe(@Nullable Class<?> type) {
		if (type == null) {
			return "of another type";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "an integer";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "a boolean";
		}
		if (type == String.class) {
			return "a string";
		}
		return Collection.class.isAssignableFrom(type) ? "an array" : "an object";
	}

	private static String segment(JacksonException.Reference reference) {
		return (reference.getPropertyName() != null) ? "." + reference.getPropertyName()
				: "[" + reference.getIndex() + "]";
	}

}
