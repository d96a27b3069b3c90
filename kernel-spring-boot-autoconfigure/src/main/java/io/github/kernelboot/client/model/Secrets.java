package io.github.kernelboot.client.model;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Masks the credentials of the Kernel API in text meant for people: the {@code jwt} that
 * {@code cdp_ws_url} and the live-view URL carry, and the API key.
 *
 * <p>Everything that renders a URL, a server answer or a request into a log line, a
 * {@code toString()} or an exception message goes through here.
 */
public final class Secrets {

	/** What a masked secret is replaced with. */
	public static final String MASK = "****";

	// jwt as a parameter (?jwt=, &jwt= or on its own), bearer tokens as an HTTP header renders
	// them, and anything shaped like a JWT (three base64url parts, the first a JSON header).
	private static final Pattern JWT_PARAMETER = Pattern.compile("(?i)\\b(jwt=)[^&#\\s\"'<>]+");

	private static final Pattern BEARER_TOKEN = Pattern.compile("(?i)\\b(bearer\\s+)[^\\s\"',;\\]]+");

	private static final Pattern JWT_SHAPE = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

	private Secrets() {
	}

	/**
	 * Masks every {@code jwt} parameter, bearer token and JWT-shaped token in the given text.
	 * @param text the text, for example a {@code cdp_ws_url}
	 * @return the text with the credentials replaced by {@value #MASK}
	 */
	public static @Nullable String mask(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String masked = JWT_PARAMETER.matcher(text).replaceAll("$1" + MASK);
		masked = BEARER_TOKEN.matcher(masked).replaceAll("$1" + MASK);
		return JWT_SHAPE.matcher(masked).replaceAll(MASK);
	}

	/**
	 * Masks every {@code jwt} query parameter and bearer token, and each occurrence of the
	 * given API key, in the given text.
	 * @param text the text, for example an error body the server sent back
	 * @param apiKey the API key to mask, or {@code null}
	 * @return the masked text
	 */
	public static @Nullable String mask(@Nullable String text, @Nullable String apiKey) {
		String masked = mask(text);
		if (masked == null || apiKey == null || apiKey.isEmpty()) {
			return masked;
		}
		return masked.replace(apiKey, MASK);
	}

}
